import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseModule, ANALYZER_VERSION, type AnalysedDocument } from '../../../../shared/domain/search/analyzer';
import { ByteWriter, CorruptIndexError } from '../../../../shared/domain/search/bytes';
import { fuzzyMatches } from '../../../../shared/domain/search/fuzzy';
import { checkSegment, readPostings, runSteps } from '../../../../shared/domain/search/segment';
import { TextIndex } from '../../../../shared/domain/search/text-index';
import { ModuleSchema, type Module } from '../../../../shared/schemas/module';

const modulesDir = join(import.meta.dirname, '../../../../resources/library/modules');
const samples: Module[] = readdirSync(modulesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ModuleSchema.parse(JSON.parse(readFileSync(join(modulesDir, file), 'utf8'))));

function sample(id: string): Module {
  const module = samples.find((m) => m.id === id);
  if (!module) throw new Error(`No sample module ${id}`);
  return module;
}

const QUERIES = ['police', 'human rights', 'custody', 'custdy', 'comm', 'proportionality necessity', 'الشرطة', 'securite', 'quokka', 'detention safe', 'tortre'];

/** Every query's results, ids with their exact scores, in a stable order. */
function results(index: TextIndex): [string, [string, number][] | null][] {
  return QUERIES.map((q) => {
    const found = index.search(q);
    return [q, found ? [...found].sort(([a], [b]) => (a < b ? -1 : 1)) : null];
  });
}

describe('TextIndex: changes folded into a new segment', () => {
  it('answers exactly as a fresh build, before and after compaction, through adds, replacements and removals', () => {
    const index = TextIndex.build(samples.map(analyseModule));
    const retitled = { ...sample('ethics-integrity'), title: 'Quokka ethics and custody' };
    index.replace(analyseModule(retitled));
    index.remove('trafficking-smuggling');
    index.add(analyseModule({ ...sample('arrest-and-detention'), id: 'arrest-copy', title: 'Detention safeguards, a quokka copy' }));
    index.remove('arrest-copy');
    index.add(analyseModule({ ...sample('arrest-and-detention'), id: 'arrest-copy', title: 'Detention safeguards again' }));
    const final = [
      ...samples.filter((m) => m.id !== 'trafficking-smuggling').map((m) => (m.id === retitled.id ? retitled : m)),
      { ...sample('arrest-and-detention'), id: 'arrest-copy', title: 'Detention safeguards again' },
    ];
    const fresh = results(TextIndex.build(final.map(analyseModule)));
    expect(results(index)).toEqual(fresh);

    const { version, steps } = index.compaction();
    const segment = runSteps(steps);
    checkSegment(segment);
    expect(index.adopt(segment, version)).toBe(true);
    expect(results(index)).toEqual(fresh);
    expect(results(new TextIndex(segment))).toEqual(fresh);
    expect(index.size).toBe(final.length);
  });

  it('declines a compaction taken before a later change, which it would undo', () => {
    const index = TextIndex.build(samples.map(analyseModule));
    const { version, steps } = index.compaction();
    index.remove('ethics-integrity');
    expect(index.adopt(runSteps(steps), version)).toBe(false);
    expect(index.has('ethics-integrity')).toBe(false);
  });

  it('leaves a word out of the vocabulary once no document has it', () => {
    const index = TextIndex.build([analyseModule({ ...sample('ethics-integrity'), title: 'Zyzzyva' }), analyseModule(sample('arrest-and-detention'))]);
    index.remove('ethics-integrity');
    const segment = runSteps(index.compaction().steps);
    expect(segment.terms).not.toContain('zyzzyva');
    expect(new TextIndex(segment).search('zyzzyva')?.size).toBe(0);
  });
});

describe('TextIndex: words chosen by users', () => {
  it('indexes and finds words and ids that are Object.prototype members without touching it', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const module = { ...sample('ethics-integrity'), id: 'constructor', title: 'constructor __proto__ toString hasOwnProperty valueOf' };
    const other: AnalysedDocument = { id: 'other', fields: [1, 2, 3, 4].map(() => ({ length: 1, terms: new Map([['other', 1]]) })) };
    const index = TextIndex.build([analyseModule(module), other]);
    for (const word of ['constructor', 'proto', 'tostring', 'hasownproperty', 'valueof']) expect([...(index.search(word) ?? [])].map(([id]) => id)).toEqual(['constructor']);
    const reloaded = new TextIndex(runSteps(index.compaction().steps));
    expect([...(reloaded.search('__proto__') ?? [])].map(([id]) => id)).toEqual(['constructor']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

describe('fuzzyMatches', () => {
  function levenshtein(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      let diagonal = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const above = row[j] as number;
        row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length] as number;
  }

  it('finds exactly the terms a full distance table finds, however the sorted terms share prefixes', () => {
    const terms = [...new Set(samples.flatMap((m) => analyseModule(m).fields.flatMap((f) => [...f.terms.keys()])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const query of ['custody', 'custdy', 'polce', 'torture', 'الشرطه', 'proportionality', 'a', 'zzzzzz']) {
      for (const edits of [1, 2]) {
        const found = new Map<string, number>();
        fuzzyMatches(terms, query, edits, (index, distance) => found.set(terms[index] as string, distance));
        const expected = new Map(terms.map((t) => [t, levenshtein(t, query)] as const).filter(([, d]) => d <= edits));
        expect(found, `${query} within ${edits}`).toEqual(expected);
      }
    }
  });
});

describe('segments read from damaged bytes', () => {
  const segment = runSteps(TextIndex.build(samples.slice(0, 3).map(analyseModule)).compaction().steps);

  it('refuses offsets that do not fit the postings and terms out of order', () => {
    expect(() => {
      checkSegment({ ...segment, offsets: segment.offsets.map((o, i) => (i === segment.offsets.length - 1 ? o + 1 : o)) });
    }).toThrow(CorruptIndexError);
    expect(() => {
      checkSegment({ ...segment, terms: [...segment.terms].reverse() });
    }).toThrow(CorruptIndexError);
  });

  it('refuses a posting that names a document the segment does not have, or a number cut short', () => {
    const bytes = new ByteWriter();
    bytes.varint(99);
    bytes.varint(1);
    const postings = bytes.view().slice();
    const offsets = new Uint32Array(segment.terms.length * 4 + 1).fill(postings.length);
    offsets[0] = 0;
    expect(() => {
      readPostings({ ...segment, offsets, postings }, 0, 0, [], []);
    }).toThrow(/not indexed/);
    expect(() => {
      readPostings({ ...segment, offsets, postings: Uint8Array.of(0x80, 0x80) }, 0, 0, [], []);
    }).toThrow(CorruptIndexError);
  });

  it('writes varints of the whole unsigned 32-bit range and nothing else', () => {
    const writer = new ByteWriter(1);
    for (const n of [0, 127, 128, 16_383, 16_384, 0xffff_ffff]) writer.varint(n);
    expect(writer.length).toBe(1 + 1 + 2 + 2 + 3 + 5);
    for (const bad of [-1, 1.5, 2 ** 32]) {
      expect(() => {
        writer.varint(bad);
      }).toThrow(RangeError);
    }
  });
});

describe('the analyzer', () => {
  it(`indexes the sample library as analyzer version ${ANALYZER_VERSION} did; a change of these terms needs a new version`, () => {
    // If this fails, the analyzer (or text-normalise.ts) now indexes differently: persisted indexes made by the
    // old one must not be trusted. Bump ANALYZER_VERSION, then update this digest.
    const terms = (doc: AnalysedDocument) => doc.fields.map((f) => [f.length, [...f.terms].sort(([a], [b]) => (a < b ? -1 : 1))]);
    const digest = createHash('sha256').update(JSON.stringify(samples.map((m) => terms(analyseModule(m))))).digest('hex');
    expect({ version: ANALYZER_VERSION, digest }).toEqual({ version: 1, digest: '63c6387ca1fe486812a45d395f3d69b52c700b576e9f38d33ec416005ef4bf6a' });
  });
});
