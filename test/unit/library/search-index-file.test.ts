import { describe, expect, it } from 'vitest';
import { decodeIndex, encodeIndex, SEARCH_INDEX_FORMAT, UnusableIndex, type PersistedIndex } from '../../../electron/services/library/search-index-file';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { summariseModule } from '../../../shared/domain/module-summary';
import { analyseModule } from '../../../shared/domain/search/analyzer';
import { runSteps } from '../../../shared/domain/search/segment';
import { TextIndex } from '../../../shared/domain/search/text-index';
import { RESOURCES_DIR } from '../../helpers/open-test-store';

const { modules } = await loadSampleLibrary(RESOURCES_DIR);

function persisted(): PersistedIndex {
  const [first, ...rest] = modules;
  if (!first) throw new Error('no sample module');
  // A publisher called like an Object.prototype member, and a module that is a translation (an optional field).
  const imported = { ...first, id: 'constructor', provenance: { author: 'A', sourcePack: { packId: 'p', publisher: '__proto__', revision: 1, importedAt: '2026-11-01T00:00:00.000Z' } } };
  const all = [imported, ...rest];
  return {
    entries: all.map((m, i) => ({ summary: summariseModule(m), file: { size: 1000 + i, mtimeNs: `17330000000${String(i).padStart(8, '0')}`, racy: i === 0 } })),
    text: runSteps(TextIndex.build(all.map(analyseModule)).compaction().steps),
  };
}

function unusable(bytes: Buffer): string {
  try {
    decodeIndex(bytes);
  } catch (error) {
    if (error instanceof UnusableIndex) return error.message;
    throw error;
  }
  throw new Error('decoded');
}

describe('the search index file', () => {
  it('reads back what it wrote: list rows, optional fields, file stamps and the text segment', () => {
    const index = persisted();
    const read = decodeIndex(encodeIndex(index));
    expect(read.entries).toEqual(index.entries);
    expect(read.entries.some((e) => e.summary.translationOf)).toBe(true);
    expect(read.entries.find((e) => e.summary.id === 'constructor')?.summary.source).toBe('__proto__');
    expect(read.text.docIds).toEqual(index.text.docIds);
    expect(read.text.terms).toEqual(index.text.terms);
    expect(read.text.fieldLengths).toEqual(index.text.fieldLengths);
    expect(read.text.offsets).toEqual(index.text.offsets);
    expect(read.text.postings).toEqual(index.text.postings);
  });

  it('refuses a file that is not a search index, of another format, or made by another analyzer', () => {
    const bytes = encodeIndex(persisted());
    expect(unusable(Buffer.from('{"schemaVersion": 4, "modules": []}'))).toMatch(/not a search index/);
    const newer = Buffer.from(bytes);
    newer.writeUInt32LE(SEARCH_INDEX_FORMAT + 1, 8);
    expect(unusable(newer)).toMatch(new RegExp(`format ${SEARCH_INDEX_FORMAT + 1}`));
    const otherAnalyzer = Buffer.from(bytes);
    otherAnalyzer.writeUInt32LE(99, 12);
    expect(unusable(otherAnalyzer)).toMatch(/analyzer 99/);
  });

  it('refuses a damaged or truncated file', () => {
    const bytes = encodeIndex(persisted());
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 10] = (flipped[bytes.length - 10] ?? 0) ^ 0xff;
    expect(unusable(flipped)).toMatch(/checksum/);
    expect(unusable(bytes.subarray(0, bytes.length - 100))).toMatch(/checksum|truncated/);
    expect(unusable(bytes.subarray(0, 20))).toMatch(/not a search index/);
  });

  it('checks every list row against the module summary schema, even with a good checksum', () => {
    const index = persisted();
    const bad = { ...index, entries: index.entries.map((e, i) => (i === 1 ? { ...e, summary: { ...e.summary, language: 'de' } } : e)) } as unknown as PersistedIndex;
    expect(unusable(encodeIndex(bad))).toMatch(/header does not read .* at rows\.language\.1/);
  });
});
