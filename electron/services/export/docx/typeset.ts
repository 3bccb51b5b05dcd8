/**
 * Typography the document's language asks for, applied to text as the renderer writes it (the plan keeps
 * the author's characters; the print preview and the search see them unchanged).
 *
 * French: a narrow no-break space (U+202F) before ; ! ? and :, and a no-break space (U+00A0) inside « »,
 * so that a lone » or ? never starts a line. An ordinary space there becomes the no-break one; where the
 * author typed none, one is added only before a space or the end of the text, so times (09:00), links
 * (https://, ?page=2) and placeholders ({country}) are left as they are. Link text that is an address is
 * not touched at all.
 *
 * Arabic (right to left): a number in parentheses ("(1966)") and a placeholder's value with the brackets
 * around it stay on one line. LibreOffice breaks lines where the direction changes, even between "(" and
 * "1966": each is put in a bidirectional isolate (U+2066 or U+2068 … U+2069), inside which the direction
 * does not change, and a value's spaces become no-break spaces.
 */
import type { PlanInline } from '../../../../shared/domain/export/plan';
import type { Language } from '../../../../shared/domain/languages';

const NARROW = '\u202F';
const NO_BREAK = '\u00A0';
/** Bidirectional isolates: left-to-right, first-strong, and their end. */
const LEFT_TO_RIGHT = '\u2066';
const FIRST_STRONG = '\u2068';
const POP = '\u2069';

/** Typography for the text of one kind of run. */
export type Typesetter = {
  /** Runs of a paragraph, with what must stay on one line across runs held together (Arabic placeholders). */
  paragraph: (inlines: readonly PlanInline[]) => readonly PlanInline[];
  /** Text the author or the labels wrote. */
  text: (text: string) => string;
  /** A placeholder's value, or an unfilled `{name}`. */
  placeholder: (text: string) => string;
  /** The text of a link, which may be its address. */
  link: (text: string) => string;
};

function french(text: string): string {
  return (
    text
      // An ordinary space (or several) before ; ! ? : becomes a narrow no-break space.
      .replace(/[ \u00A0\u202F]+(?=[;!?:])/gu, NARROW)
      // None typed after a word: one is added, only where a space or the end follows (not 09:00, not https://).
      .replace(/(?<=[\p{L}\p{N}»)\]])(?=[;!?:](?:\s|$))/gu, NARROW)
      .replace(/«[ \u00A0\u202F]*/gu, `«${NO_BREAK}`)
      .replace(/[ \u00A0\u202F]*»/gu, `${NO_BREAK}»`)
  );
}

function arabic(text: string): string {
  return text.replace(/\(\d{1,4}\)/gu, (number) => `${LEFT_TO_RIGHT}${number}${POP}`);
}

function arabicPlaceholder(text: string): string {
  return text.replace(/ /gu, NO_BREAK);
}

const OPENING = /[([{«]$/u;
const CLOSING = /^[)\]}»]/u;

/**
 * Each placeholder, with a bracket right before or after it, in a first-strong isolate: its value is laid
 * out in its own direction, and no break falls between "(" and the value, where the direction changes.
 */
function arabicParagraph(inlines: readonly PlanInline[]): PlanInline[] {
  const out: PlanInline[] = [];
  for (let index = 0; index < inlines.length; index += 1) {
    const inline = inlines[index];
    if (inline?.kind !== 'placeholder') {
      if (inline) out.push(inline);
      continue;
    }
    const before = out.at(-1);
    if (before?.kind === 'text' && OPENING.test(before.text)) out[out.length - 1] = { ...before, text: `${before.text.slice(0, -1)}${FIRST_STRONG}${before.text.slice(-1)}` };
    else out.push({ kind: 'text', text: FIRST_STRONG });
    out.push(inline);
    const after = inlines[index + 1];
    if (after?.kind === 'text' && CLOSING.test(after.text)) {
      out.push({ ...after, text: `${after.text.charAt(0)}${POP}${after.text.slice(1)}` });
      index += 1;
    } else out.push({ kind: 'text', text: POP });
  }
  return out;
}

function isAddress(text: string): boolean {
  return /:\/\/|^www\.|^mailto:/iu.test(text.trim());
}

const same = (text: string): string => text;
const asWritten = (inlines: readonly PlanInline[]): readonly PlanInline[] => inlines;

/** The typesetter of a document in `language`. */
export function typesetter(language: Language): Typesetter {
  switch (language) {
    case 'fr':
      return { paragraph: asWritten, text: french, placeholder: same, link: (text) => (isAddress(text) ? text : french(text)) };
    case 'ar':
      return { paragraph: arabicParagraph, text: arabic, placeholder: arabicPlaceholder, link: same };
    case 'en':
      return { paragraph: asWritten, text: same, placeholder: same, link: same };
  }
}
