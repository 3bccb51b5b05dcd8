import { describe, expect, it } from 'vitest';
import { normaliseForSearch, tokenise } from '../../../shared/domain/text-normalise';

describe('normaliseForSearch', () => {
  it('lowercases without the host locale: the Turkish dotted capital I becomes a plain i', () => {
    expect(normaliseForSearch('POLICE Custody')).toBe('police custody');
    expect(normaliseForSearch('İSTANBUL')).toBe('istanbul');
  });

  it('removes Latin accents and cedillas', () => {
    expect(normaliseForSearch('Sécurité')).toBe('securite');
    expect(normaliseForSearch('garçon à l’école, où, naïve, Ålesund')).toBe('garcon a l’ecole, ou, naive, alesund');
  });

  it('removes accents typed as separate combining characters (decomposed input)', () => {
    expect(normaliseForSearch('se\u0301curite\u0301')).toBe('securite');
  });

  it('spells out œ, æ and ß, which have no decomposition', () => {
    expect(normaliseForSearch('Cœur, Æther, Straße')).toBe('coeur, aether, strasse');
  });

  it('turns ligatures and full-width letters into ordinary letters', () => {
    expect(normaliseForSearch('ﬁle ＰＯＬＩＣＥ')).toBe('file police');
  });

  it('removes Arabic harakat, shadda, sukun and the superscript alef', () => {
    expect(normaliseForSearch('الشُّرْطَة')).toBe('الشرطه');
    expect(normaliseForSearch('هٰذا')).toBe('هذا');
    expect(normaliseForSearch('كِتَابٌ')).toBe('كتاب');
  });

  it('removes Quranic annotation signs (U+06D6–U+06ED)', () => {
    expect(normaliseForSearch('قال\u06D6 ربك\u06DA')).toBe('قال ربك');
  });

  it('removes tatweel', () => {
    expect(normaliseForSearch('الشـــرطة')).toBe('الشرطه');
  });

  it('folds alef with hamza, madda or wasla to bare alef', () => {
    expect(normaliseForSearch('أمن إحترام آمن ٱلله')).toBe('امن احترام امن الله');
  });

  it('folds alef maqsura to yaa, taa marbuta to haa, and hamza on waw or yaa to the bare letter', () => {
    expect(normaliseForSearch('على')).toBe('علي');
    expect(normaliseForSearch('دولة')).toBe('دوله');
    expect(normaliseForSearch('مسؤول')).toBe('مسوول');
    expect(normaliseForSearch('بيئة')).toBe('بييه');
  });

  it('turns Arabic presentation forms (text pasted from PDFs) into ordinary letters', () => {
    // ﻻ is the lam-alef ligature; ﺍﻟﺸﺮﻃﺔ is "الشرطة" in positional forms.
    expect(normaliseForSearch('ﻻ')).toBe('لا');
    expect(normaliseForSearch('ﺍﻟﺸﺮﻃﺔ')).toBe('الشرطه');
  });

  it('maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII digits', () => {
    expect(normaliseForSearch('١٩٧٩ و۲۰۲۴')).toBe('1979 و2024');
    expect(normaliseForSearch('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normaliseForSearch('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('returns the same string when applied twice', () => {
    for (const text of ['Sécurité', 'الشُّرْطَة', 'Cœur', 'ﻻ', '١٩٧٩', 'İ']) {
      const once = normaliseForSearch(text);
      expect(normaliseForSearch(once)).toBe(once);
    }
  });
});

describe('tokenise', () => {
  it('splits on spaces, punctuation, apostrophes and hyphens and drops empty pieces', () => {
    expect(tokenise("  L'usage de la force — use-of-force, (1979)!  ")).toEqual(['L', 'usage', 'de', 'la', 'force', 'use', 'of', 'force', '1979']);
  });

  it('splits Markdown markup and placeholders into words', () => {
    expect(tokenise('**Standards** _see_ {national_police_law}')).toEqual(['Standards', 'see', 'national', 'police', 'law']);
  });

  it('splits Arabic text on Arabic punctuation', () => {
    expect(tokenise('الشرطة، والمجتمع؛ الثقة؟')).toEqual(['الشرطة', 'والمجتمع', 'الثقة']);
  });

  it('keeps harakat, tatweel and combining accents inside the word so that normalising can remove them', () => {
    expect(tokenise('الشُّرْطَة الشـــرطة')).toEqual(['الشُّرْطَة', 'الشـــرطة']);
    expect(tokenise('se\u0301curite\u0301 publique')).toEqual(['se\u0301curite\u0301', 'publique']);
  });

  it('keeps Arabic-Indic numbers as tokens', () => {
    expect(tokenise('المادة ١٩٧٩')).toEqual(['المادة', '١٩٧٩']);
  });

  it('returns no token for text without letters or numbers', () => {
    expect(tokenise(' —!?، ')).toEqual([]);
    expect(tokenise('')).toEqual([]);
  });
});

describe('tokenise', () => {
  /** What tokenise did before it scanned by hand: its definition. */
  const bySplit = (text: string) => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((t) => t !== '');

  it('splits as a split on anything but letters, numbers and marks does, surrogate pairs included', () => {
    const samples = [
      'Use of force — proportionality, necessity; "legality" (art. 3) & 2024!',
      'الشُّرْطَة المجتمعية، حقوق الإنسان ١٩٧٩',
      'se\u0301curite\u0301 \u0301début',
      '𝐀𝐁 math 𠀀ext 😀emoji😀 a\ud800b \udc00c d\ud83d',
      'ﬁle ＰＯＬＩＣＥ l’école qu’il',
      '',
      '   ',
    ];
    for (const text of samples) expect(tokenise(text), text).toEqual(bySplit(text));
    // Random text over a pool that mixes every kind of code unit the scan distinguishes.
    const pool = ['a', 'Z', '0', ' ', '-', '’', 'é', '\u0301', 'ش', 'ُ', '١', '—', '\ud835\udc00', '😀', '\ud800', '\udc00', '\u0640', '_', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n += 1) {
      const text = Array.from({ length: Math.floor(next() * 20) }, () => pool[Math.floor(next() * pool.length)] ?? '').join('');
      expect(tokenise(text), JSON.stringify(text)).toEqual(bySplit(text));
    }
  });
});
