import { LANGUAGES, type Language } from './languages';
import { recordOf } from './own';
import { summariseModule } from './module-summary';
import { analyseModule, queryTerms } from './search/analyzer';
import { CorruptIndexError } from './search/bytes';
import type { Segment } from './search/segment';
import { assertNever } from '../errors';
import { TextIndex } from './search/text-index';
import type { ModuleSummary } from '../schemas/library';
import type { Level, LibraryQuery, LibrarySort } from '../schemas/library-query';
import { AUDIENCES, LEVELS, type Audience, type Module } from '../schemas/module';
import { THEMES, type Theme } from '../schemas/themes';

export type { LibraryQuery } from '../schemas/library-query';

/** Per facet value, how many modules a request would show (see `LibraryIndex.facetCounts`). */
export type FacetCounts = {
  themes: Record<Theme, number>;
  languages: Record<Language, number>;
  audiences: Record<Audience, number>;
  levels: Record<Level, number>;
  sources: Record<string, number>;
};

/** `titleRank`: the module's place in title order (its index in `LibraryIndex.order`). */
type Entry = { summary: ModuleSummary; updatedMs: number; titleRank: number };
/** A module that passed the filters, with its text score (0 without text). */
type Hit = { entry: Entry; score: number };

/** What a persisted index holds: the list rows in title order and the full text as one segment. */
export type LibraryIndexSnapshot = { entries: readonly ModuleSummary[]; text: Segment };

/** A snapshot being taken: `text` steps fold the text index as it was at `textVersion`. */
export type PendingSnapshot = { version: number; textVersion: number; entries: ModuleSummary[]; text: Generator<void, Segment> };

/**
 * The full-text part: ready, deferred until the first text search (`open`), or being built. Changes that
 * arrive while it is not ready are kept (a module, or null for a removal) and applied once it is.
 */
type TextState =
  | { state: 'ready'; index: TextIndex }
  | { state: 'deferred'; pending: Map<string, Module> }
  | { state: 'building'; done: Promise<void>; changes: Map<string, Module | null> };

/**
 * Titles compare with their own language's rules; two titles in different languages compare with one fixed
 * collator, not the host's default locale, so the order is the same on every machine (Latin before Arabic).
 */
const COLLATORS: Record<Language, Intl.Collator> = {
  en: new Intl.Collator('en', { numeric: true }),
  fr: new Intl.Collator('fr', { numeric: true }),
  ar: new Intl.Collator('ar', { numeric: true }),
};
const CROSS_LANGUAGE_COLLATOR = new Intl.Collator('en', { numeric: true });

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** OR within a kind; an empty or missing list does not filter. */
function anyOf<T>(wanted: readonly T[] | undefined, values: readonly T[]): boolean {
  return !wanted?.length || values.some((v) => wanted.includes(v));
}

function oneOf<T>(wanted: readonly T[] | undefined, value: T): boolean {
  return !wanted?.length || wanted.includes(value);
}

function passes(request: LibraryQuery, s: ModuleSummary): boolean {
  return (
    inRange(request, s.minutes) &&
    anyOf(request.themes, s.themes) &&
    oneOf(request.languages, s.language) &&
    anyOf(request.audiences, s.audiences) &&
    oneOf(request.levels, s.level) &&
    oneOf(request.sources, s.source)
  );
}

function compareTitles(a: Entry, b: Entry): number {
  const collator = a.summary.language === b.summary.language ? COLLATORS[a.summary.language] : CROSS_LANGUAGE_COLLATOR;
  const order = collator.compare(a.summary.title, b.summary.title);
  if (order !== 0) return order;
  // Same title (a module and its copy): the id keeps the order stable between calls.
  return a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;
}

/**
 * Full-text and faceted search over the module library, kept in memory and updated module by module as the
 * library changes. Pure: the same code runs in Electron's main process, the web harness and the CLI.
 */
export class LibraryIndex {
  private readonly entries = new Map<string, Entry>();
  /**
   * Every entry in title order, kept sorted as modules come and go. Collator comparisons are slow enough
   * that sorting 5,000 titles with them on every keystroke, or even after every save, would cost tens of
   * milliseconds; sorts compare the ranks instead.
   */
  private readonly order: Entry[] = [];
  /** The last text search: the UI asks for results and facet counts of the same text one after the other. */
  private memo: { text: string; scores: ReadonlyMap<string, number> | null } | undefined;
  private text: TextState;
  /** Counts changes to the list rows (the text index counts its own). */
  private changes = 0;

  /** Builds the whole index at once; fine for tests and small libraries, see `open` for large ones. */
  constructor(modules: readonly Module[], options: { deferText?: boolean } = {}) {
    for (const module of modules) this.remember(entryOf(module));
    this.order.push(...[...this.entries.values()].sort(compareTitles));
    this.renumber(0);
    this.text = options.deferText
      ? { state: 'deferred', pending: new Map(modules.map((m) => [m.id, m])) }
      : { state: 'ready', index: TextIndex.build(modules.map(analyseModule)) };
  }

  /**
   * Lists, facets and sorts at once; the full text is built on the first text search (`textReady`), in
   * steps that yield to the event loop: thousands of modules take seconds to index, and the process must
   * keep answering meanwhile.
   */
  static open(modules: readonly Module[]): LibraryIndex {
    return new LibraryIndex(modules, { deferText: true });
  }

  /** An index as persisted (`snapshot`); throws CorruptIndexError when its parts do not agree. */
  static restore(snapshot: LibraryIndexSnapshot): LibraryIndex {
    const index = new LibraryIndex([], { deferText: true });
    for (const summary of snapshot.entries) index.remember({ summary, updatedMs: Date.parse(summary.updatedAt), titleRank: 0 });
    if (index.entries.size !== snapshot.entries.length) throw new CorruptIndexError('A module is listed twice in the search index');
    index.order.push(...index.entries.values());
    // Titles were persisted in order; another collator version (a Node update) may order them otherwise.
    if (index.order.some((entry, i) => i > 0 && compareTitles(index.order[i - 1] as Entry, entry) > 0)) index.order.sort(compareTitles);
    index.renumber(0);
    const text = new TextIndex(snapshot.text);
    if (text.size !== index.entries.size || [...index.entries.keys()].some((id) => !text.has(id))) {
      throw new CorruptIndexError('The search index lists other modules than its text holds');
    }
    index.text = { state: 'ready', index: text };
    return index;
  }

  /** Starts the deferred build if needed; resolves when text searches can run. */
  textReady(): Promise<void> {
    if (this.text.state === 'ready') return Promise.resolve();
    if (this.text.state === 'building') return this.text.done;
    const modules = [...this.text.pending.values()];
    const changes = new Map<string, Module | null>();
    const done = TextIndex.buildAsync(lazily(modules, analyseModule)).then((index) => {
      // Changes made while the build ran, which worked from the list as it was when it started.
      for (const [id, module] of changes) {
        if (module) index.replace(analyseModule(module));
        else index.remove(id);
      }
      this.text = { state: 'ready', index };
      this.memo = undefined;
    });
    this.text = { state: 'building', done, changes };
    return done;
  }

  get textIsReady(): boolean {
    return this.text.state === 'ready';
  }

  /** Changes since the index was made; a persisted copy names the version it describes. */
  get version(): number {
    return this.changes + (this.text.state === 'ready' ? this.text.index.version : 0);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The list row of a module, if indexed. */
  summaryOf(id: string): ModuleSummary | undefined {
    return this.entries.get(id)?.summary;
  }

  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Throws if the module is already indexed: adding it twice would be a bug in the caller. */
  add(module: Module): void {
    this.insertInOrder(this.remember(entryOf(module)));
    this.changeText(module.id, module);
  }

  /** Indexes the module's new content in place of the old; a module not yet indexed is added. */
  replace(module: Module): void {
    const old = this.entries.get(module.id);
    if (!old) {
      this.add(module);
      return;
    }
    this.removeFromOrder(old);
    const entry = entryOf(module);
    this.entries.set(module.id, entry);
    this.insertInOrder(entry);
    this.changeText(module.id, module);
  }

  /** Returns whether the module was indexed. */
  remove(module: Pick<Module, 'id'>): boolean {
    const entry = this.entries.get(module.id);
    if (!entry) return false;
    this.entries.delete(module.id);
    this.removeFromOrder(entry);
    this.changeText(module.id, null);
    return true;
  }

  /**
   * What to persist: the list rows now, and steps that fold the text into one segment (run them when
   * convenient; they describe the index as it is now whatever happens meanwhile). Only once the text is ready.
   */
  snapshot(): PendingSnapshot {
    if (this.text.state !== 'ready') throw new Error('The full text is not indexed yet');
    const { version, steps } = this.text.index.compaction();
    return { version: this.version, textVersion: version, entries: this.order.map((e) => e.summary), text: steps };
  }

  /** Uses a folded text segment from `snapshot` in place of the text index, unless the text changed since. */
  adoptText(snapshot: Pick<PendingSnapshot, 'textVersion'>, segment: Segment): boolean {
    return this.text.state === 'ready' && this.text.index.adopt(segment, snapshot.textVersion);
  }

  /** Every match, in rank order. */
  search(request: LibraryQuery): ModuleSummary[] {
    return this.searchPage(request).modules;
  }

  /**
   * A slice of the matches in rank order, and how many there are in all. The whole match list is ranked
   * before it is cut, so a page holds exactly the rows the unpaged answer holds at those places.
   */
  searchPage(request: LibraryQuery, page: { offset?: number | undefined; limit?: number | undefined } = {}): { modules: ModuleSummary[]; matched: number } {
    const scores = this.textScores(request.text);
    const hits: Hit[] = [];
    if (scores) {
      for (const [id, score] of scores) {
        const entry = this.entries.get(id);
        if (entry && passes(request, entry.summary)) hits.push({ entry, score });
      }
    } else {
      for (const entry of this.entries.values()) if (passes(request, entry.summary)) hits.push({ entry, score: 0 });
    }
    hits.sort(COMPARATORS[request.sort ?? 'relevance']);
    const start = page.offset ?? 0;
    const end = page.limit === undefined ? hits.length : start + page.limit;
    return { modules: hits.slice(start, end).map((h) => h.entry.summary), matched: hits.length };
  }

  /**
   * Counts for the modules that match the text and the minute range. Each kind is counted with the other
   * kinds' filters applied but not its own, so a count says how many modules choosing that value would show
   * ("French (3)" stays visible and accurate while "English" is ticked). With no facet ticked, these are
   * simply the counts over the text-matching set.
   */
  facetCounts(request: LibraryQuery): FacetCounts {
    const counts: FacetCounts = {
      themes: zeroCounts(THEMES),
      languages: zeroCounts(LANGUAGES),
      audiences: zeroCounts(AUDIENCES),
      levels: zeroCounts(LEVELS),
      sources: {},
    };
    // Sources are publishers' names, so they are counted in a Map: "__proto__" or "constructor" is a name too.
    const sources = new Map<string, number>();
    for (const { summary: s } of this.candidates(this.textScores(request.text))) {
      if (!inRange(request, s.minutes)) continue;
      const theme = anyOf(request.themes, s.themes);
      const language = oneOf(request.languages, s.language);
      const audience = anyOf(request.audiences, s.audiences);
      const level = oneOf(request.levels, s.level);
      const source = oneOf(request.sources, s.source);
      if (language && audience && level && source) for (const t of s.themes) counts.themes[t] += 1;
      if (theme && audience && level && source) counts.languages[s.language] += 1;
      if (theme && language && level && source) for (const a of s.audiences) counts.audiences[a] += 1;
      if (theme && language && audience && source) counts.levels[s.level] += 1;
      if (theme && language && audience && level) sources.set(s.source, (sources.get(s.source) ?? 0) + 1);
    }
    return { ...counts, sources: recordOf(sources) };
  }

  /** Applies a text change now, or keeps it for when the text is ready (null: the module was removed). */
  private changeText(id: string, module: Module | null): void {
    this.changes += 1;
    this.memo = undefined;
    switch (this.text.state) {
      case 'ready':
        if (module) this.text.index.replace(analyseModule(module));
        else this.text.index.remove(id);
        return;
      case 'deferred':
        if (module) this.text.pending.set(id, module);
        else this.text.pending.delete(id);
        return;
      case 'building':
        this.text.changes.set(id, module);
        return;
      default:
        assertNever(this.text);
    }
  }

  private remember(entry: Entry): Entry {
    const { id } = entry.summary;
    if (this.entries.has(id)) throw new Error(`Module "${id}" is already in the search index`);
    this.entries.set(id, entry);
    return entry;
  }

  /** Binary search: a dozen collator comparisons at 5,000 modules, then plain number updates. */
  private insertInOrder(entry: Entry): void {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.order[middle];
      if (other && compareTitles(other, entry) <= 0) low = middle + 1;
      else high = middle;
    }
    this.order.splice(low, 0, entry);
    this.renumber(low);
  }

  private removeFromOrder(entry: Entry): void {
    this.order.splice(entry.titleRank, 1);
    this.renumber(entry.titleRank);
  }

  private renumber(from: number): void {
    for (let rank = from; rank < this.order.length; rank += 1) {
      const entry = this.order[rank];
      if (entry) entry.titleRank = rank;
    }
  }

  private *candidates(scores: ReadonlyMap<string, number> | null): Iterable<Entry> {
    if (!scores) {
      yield* this.entries.values();
      return;
    }
    for (const id of scores.keys()) {
      const entry = this.entries.get(id);
      if (entry) yield entry;
    }
  }

  /** Score per matching module id, or null when the text has no searchable term (everything matches). */
  private textScores(text: string | undefined): ReadonlyMap<string, number> | null {
    const trimmed = text?.trim() ?? '';
    if (this.memo?.text === trimmed) return this.memo.scores;
    if (queryTerms(trimmed).length === 0) return null;
    if (this.text.state !== 'ready') throw new Error('The full text is not indexed yet: await textReady() first');
    const scores = this.text.index.search(trimmed);
    this.memo = { text: trimmed, scores };
    return scores;
  }
}

function* lazily<T, U>(items: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

function entryOf(module: Module): Entry {
  // Frozen: every search hands out these very objects, and the web harness encodes a frozen one once.
  return { summary: freezeSummary(summariseModule(module)), updatedMs: Date.parse(module.updatedAt), titleRank: 0 };
}

function freezeSummary(summary: ModuleSummary): ModuleSummary {
  for (const part of Object.values(summary)) if (typeof part === 'object') Object.freeze(part);
  return Object.freeze(summary);
}

function inRange(request: LibraryQuery, minutes: number): boolean {
  return (request.minMinutes === undefined || minutes >= request.minMinutes) && (request.maxMinutes === undefined || minutes <= request.maxMinutes);
}

const byTitle = (a: Hit, b: Hit) => a.entry.titleRank - b.entry.titleRank;

/** Ties always fall back to the title, so equal scores or dates do not shuffle between calls. */
const COMPARATORS: Record<LibrarySort, (a: Hit, b: Hit) => number> = {
  // Without text every score is 0, so this is title order: the least surprising order for a plain list.
  relevance: (a, b) => b.score - a.score || byTitle(a, b),
  title: byTitle,
  // Newest first: the list answers "what changed lately".
  updated: (a, b) => b.entry.updatedMs - a.entry.updatedMs || byTitle(a, b),
  // Shortest first: trainers usually look for what fits into a slot.
  duration: (a, b) => a.entry.summary.minutes - b.entry.summary.minutes || byTitle(a, b),
};
