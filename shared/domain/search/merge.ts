/**
 * Folds a segment, the documents removed from it and the documents added since into one new segment. The
 * segment's postings are copied without being analysed again, so this costs a pass over the bytes rather
 * than a rebuild: it is how changes reach the persisted index.
 */
import { FIELD_COUNT, type AnalysedField } from './analyzer';
import { readPostings, SegmentWriter, type Segment } from './segment';
import type { DeltaDocument } from './text-index';

/**
 * New numbering: the segment's remaining documents first, in their order, then the added ones in theirs.
 * Within every run document numbers stay ascending, which the gap encoding needs.
 */
export function* mergeSegment(base: Segment, deleted: Uint8Array, added: readonly DeltaDocument[], batch = 2048): Generator<void, Segment> {
  const writer = new SegmentWriter();
  const renumbered = new Int32Array(base.docIds.length).fill(-1);
  base.docIds.forEach((id, doc) => {
    if (!deleted[doc]) renumbered[doc] = writer.addDocument(id, Array.from(base.fieldLengths.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT)));
  });
  const addedTerms = new Map<string, { number: number; fields: readonly AnalysedField[] }[]>();
  for (const document of added) {
    const number = writer.addDocument(document.id, document.fields.map((f) => f.length));
    const seen = new Set<string>();
    for (const field of document.fields) {
      for (const term of field.terms.keys()) {
        if (seen.has(term)) continue;
        seen.add(term);
        const list = addedTerms.get(term);
        if (list) list.push({ number, fields: document.fields });
        else addedTerms.set(term, [{ number, fields: document.fields }]);
      }
    }
  }
  yield;
  const newTerms = [...addedTerms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const runs: number[][] = Array.from({ length: FIELD_COUNT }, () => []);
  const docs: number[] = [];
  const counts: number[] = [];
  let [i, j, steps] = [0, 0, 0];
  while (i < base.terms.length || j < newTerms.length) {
    const fromBase = base.terms[i];
    const fromAdded = newTerms[j];
    const term = fromAdded === undefined || (fromBase !== undefined && fromBase <= fromAdded) ? (fromBase as string) : fromAdded;
    for (const run of runs) run.length = 0;
    if (fromBase === term) {
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        const run = runs[f] as number[];
        docs.length = 0;
        counts.length = 0;
        readPostings(base, i, f, docs, counts);
        for (let p = 0; p < docs.length; p += 1) {
          const number = renumbered[docs[p] as number] as number;
          if (number >= 0) run.push(number, counts[p] as number);
        }
      }
      i += 1;
    }
    if (fromAdded === term) {
      for (const { number, fields } of addedTerms.get(term) ?? []) {
        fields.forEach((field, f) => {
          const count = field.terms.get(term);
          if (count !== undefined) (runs[f] as number[]).push(number, count);
        });
      }
      j += 1;
    }
    // A term whose every document was removed leaves the vocabulary.
    if (runs.some((run) => run.length > 0)) {
      writer.startTerm(term);
      for (const run of runs) {
        for (let p = 0; p < run.length; p += 2) writer.posting(run[p] as number, run[p + 1] as number);
        writer.endField();
      }
    }
    if (++steps % batch === 0) yield;
  }
  return writer.finish();
}
