/**
 * The compact, immutable part of the text index: every term in sorted order and, per term and field, the
 * documents that contain it with the term's count, as varints in one byte array. It loads from a file as a
 * handful of arrays (nothing per posting is allocated), which is what lets a library of thousands of
 * modules answer its first search a moment after start.
 */
import { ByteWriter, CorruptIndexError, VarintReader } from './bytes';
import { FIELD_COUNT, type AnalysedDocument } from './analyzer';

export type Segment = {
  /** Module id of each document number. */
  readonly docIds: readonly string[];
  /** Length of field `f` of document `d` at `d * FIELD_COUNT + f`. */
  readonly fieldLengths: Uint32Array;
  /** Strictly ascending (UTF-16 code unit order, JavaScript's `<`). */
  readonly terms: readonly string[];
  /** Postings of term `t` in field `f` are `postings[offsets[t * FIELD_COUNT + f], offsets[t * FIELD_COUNT + f + 1])`. */
  readonly offsets: Uint32Array;
  /** Pairs (document number gap, count); the first gap of a run is the document number itself. */
  readonly postings: Uint8Array;
};

export const EMPTY_SEGMENT: Segment = { docIds: [], fieldLengths: new Uint32Array(0), terms: [], offsets: new Uint32Array(1), postings: new Uint8Array(0) };

/** Checks the shape a decoder cannot see at once; postings themselves are checked as they are read. */
export function checkSegment(segment: Segment): void {
  const { docIds, fieldLengths, terms, offsets, postings } = segment;
  if (fieldLengths.length !== docIds.length * FIELD_COUNT) throw new CorruptIndexError('Field lengths do not match the documents');
  if (offsets.length !== terms.length * FIELD_COUNT + 1 || offsets[0] !== 0 || offsets[offsets.length - 1] !== postings.length) {
    throw new CorruptIndexError('Posting offsets do not match the terms');
  }
  for (let i = 1; i < offsets.length; i += 1) if ((offsets[i] as number) < (offsets[i - 1] as number)) throw new CorruptIndexError('Posting offsets go backwards');
  for (let i = 1; i < terms.length; i += 1) if (!((terms[i - 1] as string) < (terms[i] as string))) throw new CorruptIndexError('Terms are not in order');
}

/** Index of the first term not less than `key` (terms.length if none). */
export function lowerBound(terms: readonly string[], key: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function termIndex(terms: readonly string[], term: string): number {
  const at = lowerBound(terms, term);
  return terms[at] === term ? at : -1;
}

/** Indexes of the terms that start with `prefix`: they are contiguous in sorted order. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(terms, prefix);
  let end = start;
  while (end < terms.length && (terms[end] as string).startsWith(prefix)) end += 1;
  return [start, end];
}

/**
 * Appends the postings of a term in a field to `docs` and `counts`. A document number outside the segment
 * means damage, and throws.
 */
export function readPostings(segment: Segment, term: number, field: number, docs: number[], counts: number[]): void {
  const slot = term * FIELD_COUNT + field;
  const limit = segment.docIds.length;
  const reader = new VarintReader(segment.postings, segment.offsets[slot] as number, segment.offsets[slot + 1] as number);
  let doc = -1;
  while (!reader.done) {
    const gap = reader.next();
    const count = reader.next();
    if ((doc >= 0 && gap === 0) || count === 0) throw new CorruptIndexError('A posting list repeats a document');
    doc = doc < 0 ? gap : doc + gap;
    if (doc >= limit) throw new CorruptIndexError('A posting names a document that is not indexed');
    docs.push(doc);
    counts.push(count);
  }
}

/** Writes one term's postings field by field, document numbers ascending, into one byte array. */
export class SegmentWriter {
  private readonly docIds: string[] = [];
  private readonly lengths: number[] = [];
  private readonly terms: string[] = [];
  private readonly offsets: number[] = [0];
  private readonly bytes = new ByteWriter(1 << 16);
  private lastDoc = -1;

  addDocument(id: string, fieldLengths: readonly number[]): number {
    this.docIds.push(id);
    this.lengths.push(...fieldLengths);
    return this.docIds.length - 1;
  }

  /** Terms must come in ascending order; within a field, documents in ascending order. */
  startTerm(term: string): void {
    const previous = this.terms.at(-1);
    if (previous !== undefined && !(previous < term)) throw new Error(`Terms out of order: "${previous}" then "${term}"`);
    this.terms.push(term);
  }

  posting(doc: number, count: number): void {
    this.bytes.varint(this.lastDoc < 0 ? doc : doc - this.lastDoc);
    this.bytes.varint(count);
    this.lastDoc = doc;
  }

  /** A field's whole run, already encoded (gaps from the run's own start). */
  run(bytes: Uint8Array): void {
    this.bytes.append(bytes);
    this.endField();
  }

  /** Closes the current field's run (an empty run when it had no posting). */
  endField(): void {
    this.offsets.push(this.bytes.length);
    this.lastDoc = -1;
  }

  finish(): Segment {
    return {
      docIds: this.docIds,
      fieldLengths: Uint32Array.from(this.lengths),
      terms: this.terms,
      offsets: Uint32Array.from(this.offsets),
      postings: this.bytes.view().slice(),
    };
  }
}

/** One term's postings while a segment is built: a run of varints per field, written as documents come. */
type TermRuns = { runs: (ByteWriter | undefined)[]; last: number[] };

/**
 * Builds a segment from analysed documents, in steps (one per `batch` documents, then one per `batch`
 * terms) so that a caller can yield to the event loop between them: thousands of modules take seconds.
 */
export function* buildSegment(documents: Iterable<AnalysedDocument>, batch = 64): Generator<void, Segment> {
  const writer = new SegmentWriter();
  const byTerm = new Map<string, TermRuns>();
  let added = 0;
  for (const document of documents) {
    const doc = writer.addDocument(document.id, document.fields.map((f) => f.length));
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      for (const [term, count] of (document.fields[f] as AnalysedDocument['fields'][number]).terms) {
        let entry = byTerm.get(term);
        if (!entry) {
          entry = { runs: [], last: [] };
          byTerm.set(term, entry);
        }
        const run = (entry.runs[f] ??= new ByteWriter(16));
        const last = entry.last[f];
        run.varint(last === undefined ? doc : doc - last);
        run.varint(count);
        entry.last[f] = doc;
      }
    }
    if (++added % batch === 0) yield;
  }
  const terms = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [i, term] of terms.entries()) {
    writer.startTerm(term);
    const { runs } = byTerm.get(term) as TermRuns;
    for (let f = 0; f < FIELD_COUNT; f += 1) writer.run(runs[f]?.view() ?? EMPTY_RUN);
    if ((i + 1) % (batch * 16) === 0) yield;
  }
  return writer.finish();
}

const EMPTY_RUN = new Uint8Array(0);

/** Runs a step generator to its end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a step generator, giving the event loop a turn between steps. */
export async function runStepsAsync<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => {
      setTimeout(resolve, 0);
    });
  }
}
