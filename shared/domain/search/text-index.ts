/**
 * Full-text search over analysed modules: BM25+ per field with field boosts, every query word required,
 * the last one completed as a prefix, typos tolerated in long words. (The scoring follows MiniSearch's,
 * which this replaces: its Map-per-posting index took seconds to load and hundreds of megabytes for 5,000
 * modules.)
 *
 * The index is a compact segment (segment.ts) plus the changes made since: documents of the segment that
 * were removed or replaced, and a small in-memory part holding documents added since. `compaction` folds
 * both into a new segment, which is what gets persisted.
 */
import { FIELD_COUNT, BOOSTS, queryTerms, type AnalysedDocument, type AnalysedField } from './analyzer';
import { fuzzyMatches } from './fuzzy';
import { buildSegment, EMPTY_SEGMENT, prefixRange, readPostings, runSteps, runStepsAsync, termIndex, type Segment } from './segment';
import { mergeSegment } from './merge';

/** Shorter terms would match too many unrelated words at edit distance 1. */
const FUZZY_MIN_LENGTH = 5;
/** 0.2 of a long word would allow 3–4 edits: slow on a large vocabulary and no longer a typo. */
const MAX_EDITS = 2;
/**
 * One or two typed letters expand to hundreds of words present in nearly every module: slow (over 100 ms
 * at 5,000 modules) and no narrower than the list itself. Such a term is matched as a whole word ("UN").
 */
const PREFIX_MIN_LENGTH = 3;
/** Weights of words that only start with, or nearly match, a query word (MiniSearch's defaults). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** BM25+ parameters (MiniSearch's defaults). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A document added since the segment was made. Its analysed fields are kept: removing it needs its terms. */
export type DeltaDocument = { readonly number: number; readonly id: string; readonly fields: readonly AnalysedField[] };

export class TextIndex {
  private base: Segment = EMPTY_SEGMENT;
  /** 1 for each document of the segment removed or replaced since. */
  private deleted = new Uint8Array(0);
  /** Documents added since the segment, by number; numbers go on from the segment's and only grow. */
  private readonly delta = new Map<number, DeltaDocument>();
  private readonly deltaTerms = new Map<string, Set<DeltaDocument>>();
  private deltaSorted: string[] | null = null;
  /** Live documents: id → number. */
  private readonly numbers = new Map<string, number>();
  private nextNumber = 0;
  /** Per field, the sum of the live documents' lengths (for the average BM25 needs). */
  private lengthSums: number[] = new Array<number>(FIELD_COUNT).fill(0);
  /** Counts changes, so that a compaction knows whether it still describes the index. */
  private changes = 0;

  constructor(base: Segment = EMPTY_SEGMENT) {
    this.useSegment(base);
  }

  static build(documents: Iterable<AnalysedDocument>): TextIndex {
    return new TextIndex(runSteps(buildSegment(documents)));
  }

  /** As `build`, giving the event loop a turn every few documents. */
  static async buildAsync(documents: Iterable<AnalysedDocument>): Promise<TextIndex> {
    return new TextIndex(await runStepsAsync(buildSegment(documents, 16)));
  }

  get size(): number {
    return this.numbers.size;
  }

  get version(): number {
    return this.changes;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  add(document: AnalysedDocument): void {
    if (this.numbers.has(document.id)) throw new Error(`"${document.id}" is already in the text index`);
    const entry: DeltaDocument = { number: this.nextNumber++, id: document.id, fields: document.fields };
    this.delta.set(entry.number, entry);
    this.numbers.set(entry.id, entry.number);
    entry.fields.forEach((field, f) => {
      this.lengthSums[f] = (this.lengthSums[f] as number) + field.length;
      for (const term of field.terms.keys()) {
        const docs = this.deltaTerms.get(term);
        if (docs) docs.add(entry);
        else this.deltaTerms.set(term, new Set([entry]));
      }
    });
    this.deltaSorted = null;
    this.changes += 1;
  }

  remove(id: string): boolean {
    const number = this.numbers.get(id);
    if (number === undefined) return false;
    this.numbers.delete(id);
    const entry = this.delta.get(number);
    if (entry) {
      this.delta.delete(number);
      entry.fields.forEach((field, f) => {
        this.lengthSums[f] = (this.lengthSums[f] as number) - field.length;
        for (const term of field.terms.keys()) {
          const docs = this.deltaTerms.get(term);
          docs?.delete(entry);
          if (docs?.size === 0) this.deltaTerms.delete(term);
        }
      });
      this.deltaSorted = null;
    } else {
      this.deleted[number] = 1;
      for (let f = 0; f < FIELD_COUNT; f += 1) this.lengthSums[f] = (this.lengthSums[f] as number) - (this.base.fieldLengths[number * FIELD_COUNT + f] as number);
    }
    this.changes += 1;
    return true;
  }

  replace(document: AnalysedDocument): void {
    this.remove(document.id);
    this.add(document);
  }

  /** Score per matching id, or null when the text has no searchable word (then everything matches). */
  search(text: string): Map<string, number> | null {
    const terms = queryTerms(text);
    if (terms.length === 0) return null;
    // Scores by document number: arrays, not maps, because a common word touches every module.
    const total = new Float64Array(this.nextNumber);
    const matched = new Uint8Array(this.nextNumber);
    for (const [i, term] of terms.entries()) {
      const prefix = i === terms.length - 1 && term.length >= PREFIX_MIN_LENGTH;
      const edits = term.length >= FUZZY_MIN_LENGTH ? Math.min(MAX_EDITS, Math.round(term.length * 0.2)) : 0;
      const scores = new Float64Array(this.nextNumber);
      const hit = new Uint8Array(this.nextNumber);
      this.scoreTerm(term, prefix, edits, scores, hit);
      // Every word is required: a document stays only while each word has matched it.
      for (let doc = 0; doc < total.length; doc += 1) {
        if (i === 0) {
          matched[doc] = hit[doc] as number;
          total[doc] = scores[doc] as number;
        } else if (matched[doc] && hit[doc]) total[doc] = (total[doc] as number) + (scores[doc] as number);
        else matched[doc] = 0;
      }
    }
    // Every result matched every distinct query word: MiniSearch's "quality" factor.
    const quality = new Set(terms).size;
    const byId = new Map<string, number>();
    for (let doc = 0; doc < total.length; doc += 1) if (matched[doc]) byId.set(this.idOf(doc), (total[doc] as number) * quality);
    return byId;
  }

  /**
   * Folds the changes into a new segment, in steps. The state is captured now; the index may change while
   * the steps run, and `adopt` then declines the result (it still describes the state at `version`).
   */
  compaction(): { version: number; steps: Generator<void, Segment> } {
    return { version: this.changes, steps: mergeSegment(this.base, this.deleted.slice(), [...this.delta.values()]) };
  }

  /** Takes a compacted segment in place of the segment and the changes, unless the index changed since. */
  adopt(segment: Segment, version: number): boolean {
    if (version !== this.changes) return false;
    this.useSegment(segment);
    return true;
  }

  private useSegment(segment: Segment): void {
    this.base = segment;
    this.deleted = new Uint8Array(segment.docIds.length);
    this.delta.clear();
    this.deltaTerms.clear();
    this.deltaSorted = null;
    this.numbers.clear();
    segment.docIds.forEach((id, number) => {
      if (this.numbers.has(id)) throw new Error(`"${id}" appears twice in the text index`);
      this.numbers.set(id, number);
    });
    this.nextNumber = segment.docIds.length;
    this.lengthSums = new Array<number>(FIELD_COUNT).fill(0);
    for (let i = 0; i < segment.fieldLengths.length; i += 1) {
      const f = i % FIELD_COUNT;
      this.lengthSums[f] = (this.lengthSums[f] as number) + (segment.fieldLengths[i] as number);
    }
  }

  private idOf(number: number): string {
    return number < this.base.docIds.length ? (this.base.docIds[number] as string) : (this.delta.get(number) as DeltaDocument).id;
  }

  private sortedDeltaTerms(): string[] {
    return (this.deltaSorted ??= [...this.deltaTerms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Indexed terms that stand for a query word, with their weight: the word itself, its completions, its near misses. */
  private derivedTerms(term: string, prefix: boolean, edits: number): [string, number][] {
    const derived = new Map<string, number>();
    const lists = [this.base.terms, this.sortedDeltaTerms()];
    for (const terms of lists) if (termIndex(terms, term) >= 0) derived.set(term, 1);
    if (prefix) {
      for (const terms of lists) {
        const [start, end] = prefixRange(terms, term);
        for (let t = start; t < end; t += 1) {
          const found = terms[t] as string;
          if (found !== term) derived.set(found, (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * (found.length - term.length)));
        }
      }
    }
    if (edits > 0) {
      for (const terms of lists) {
        fuzzyMatches(terms, term, edits, (t, distance) => {
          const found = terms[t] as string;
          if (distance > 0 && !derived.has(found)) derived.set(found, (FUZZY_WEIGHT * found.length) / (found.length + distance));
        });
      }
    }
    // One order whatever part of the index holds a term, so that scores add up the same way to the last bit.
    return [...derived].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Adds each document's score for one query word (all its derived terms, every field) into `scores`. */
  private scoreTerm(term: string, prefix: boolean, edits: number, scores: Float64Array, hit: Uint8Array): void {
    const live = this.numbers.size;
    const docs: number[] = [];
    const counts: number[] = [];
    const lengths: number[] = [];
    for (const [derived, weight] of this.derivedTerms(term, prefix, edits)) {
      const inBase = termIndex(this.base.terms, derived);
      const inDelta = this.deltaTerms.get(derived);
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        docs.length = 0;
        counts.length = 0;
        lengths.length = 0;
        if (inBase >= 0) {
          readPostings(this.base, inBase, f, docs, counts);
          // Documents removed or replaced since the segment was made drop out here.
          let kept = 0;
          for (let p = 0; p < docs.length; p += 1) {
            const doc = docs[p] as number;
            if (this.deleted[doc]) continue;
            docs[kept] = doc;
            counts[kept] = counts[p] as number;
            lengths[kept] = this.base.fieldLengths[doc * FIELD_COUNT + f] as number;
            kept += 1;
          }
          docs.length = kept;
          counts.length = kept;
        }
        for (const entry of inDelta ?? []) {
          const field = entry.fields[f] as AnalysedField;
          const count = field.terms.get(derived);
          if (count === undefined) continue;
          docs.push(entry.number);
          counts.push(count);
          lengths.push(field.length);
        }
        if (docs.length === 0) continue;
        const average = (this.lengthSums[f] as number) / live;
        const idf = Math.log(1 + (live - docs.length + 0.5) / (docs.length + 0.5));
        const factor = weight * (BOOSTS[f] as number) * idf;
        for (let i = 0; i < docs.length; i += 1) {
          const count = counts[i] as number;
          const doc = docs[i] as number;
          scores[doc] = (scores[doc] as number) + factor * (D + (count * (K + 1)) / (count + K * (1 - B + (B * (lengths[i] as number)) / average)));
          hit[doc] = 1;
        }
      }
    }
  }
}
