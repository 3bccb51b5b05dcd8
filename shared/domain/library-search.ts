import MiniSearch, { type SearchOptions } from 'minisearch';
import { LANGUAGES, type Language } from './languages';
import { recordOf } from './own';
import { summariseModule } from './module-summary';
import { normaliseForSearch, tokenise } from './text-normalise';
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

/** What MiniSearch indexes for a module: plain text per field. */
type IndexedDocument = { id: string; title: string; summary: string; objectives: string; lessonText: string };

/** `titleRank`: the module's place in title order (its index in `LibraryIndex.order`). */
type Entry = { summary: ModuleSummary; updatedMs: number; titleRank: number };
/** A module that passed the filters, with its text score (0 without text). */
type Hit = { entry: Entry; score: number };

/**
 * Trainer notes, evaluation items, materials and room set-up are left out on purpose: they say how to run
 * a lesson rather than what it is about, and would make the index larger and the matches noisier.
 */
const FIELDS = ['title', 'summary', 'objectives', 'lessonText'] as const;

/** A word in a title says more about the module than the same word in the middle of a step. */
const BOOST: Record<(typeof FIELDS)[number], number> = { title: 4, summary: 2, objectives: 1.5, lessonText: 1 };

/** Shorter terms would match too many unrelated words at edit distance 1. */
const FUZZY_MIN_LENGTH = 5;
/** 0.2 of a long word would allow 3–4 edits: slow on a large vocabulary and no longer a typo. */
const MAX_EDITS = 2;
/**
 * One or two typed letters expand to hundreds of words present in nearly every module: slow (over 100 ms
 * at 5,000 modules) and no narrower than the list itself. Such a term is matched as a whole word ("UN").
 */
const PREFIX_MIN_LENGTH = 3;

/**
 * Words in almost every module of every subject. They narrow nothing, yet were 30% of the words indexed
 * from the sample library, so they are left out of the index and of queries: "use of force" searches "use"
 * and "force". Kept on purpose: "un" (also "UN"), "pas", "non", numbers (treaty years). Listed as written,
 * compared normalised ("à" is "a", "إلى" is "الي").
 */
const STOP_WORDS = new Set(
  [
    // English
    'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or',
    'that', 'the', 'their', 'them', 'they', 'this', 'to', 'was', 'were', 'which', 'with',
    // French, with the elided forms that apostrophes leave behind (l', d', qu', n', s', c')
    'au', 'aux', 'c', 'ce', 'ces', 'd', 'dans', 'de', 'des', 'du', 'en', 'est', 'et', 'l', 'la', 'le', 'les', 'leur',
    'leurs', 'n', 'ne', 'ou', 'par', 'pour', 'qu', 'que', 'qui', 's', 'se', 'sont', 'sur', 'une',
    // Arabic
    'في', 'من', 'على', 'إلى', 'عن', 'مع', 'أو', 'أن', 'إن', 'التي', 'الذي', 'هذا', 'هذه', 'ذلك', 'تلك', 'ما', 'كما', 'قد',
  ].map(normaliseForSearch),
);

/** Query terms arrive as typed: fold them as the indexed text was folded. */
function processQueryTerm(term: string): string | null {
  const normalised = normaliseForSearch(term);
  return normalised === '' || STOP_WORDS.has(normalised) ? null : normalised;
}

/** Indexed text is folded once per field (see `toDocument`), not once per word: only stop words remain. */
function processIndexedTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : term;
}

/**
 * Lesson text is long (tens of kilobytes a module) and a word's frequency there says little about what a
 * module is about; indexing each word once per module keeps building 5,000 modules to seconds.
 */
function tokeniseField(text: string, field?: string): string[] {
  const tokens = tokenise(text);
  return field === 'lessonText' ? [...new Set(tokens)] : tokens;
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: BOOST,
  processTerm: processQueryTerm,
  tokenize: (text) => tokenise(text),
  // Only the last term is still being typed: expanding the others would just add noise.
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= PREFIX_MIN_LENGTH,
  fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? 0.2 : false),
  maxFuzzy: MAX_EDITS,
  combineWith: 'AND',
};

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

/**
 * Just enough Markdown removal for indexing: link targets are dropped (URLs are not what anyone searches
 * for) and emphasis markers become spaces. Spaces rather than nothing, so that a placeholder such as
 * {national_police_law} still yields its words.
 */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|[*_]/g, ' ');
}

function toDocument(module: Module): IndexedDocument {
  const { lessons } = module;
  return {
    id: module.id,
    title: normaliseForSearch(module.title),
    summary: normaliseForSearch(plainText(module.summary)),
    objectives: normaliseForSearch([...module.learningOutcomes, ...lessons.flatMap((l) => l.objectives.map((o) => o.text))].join('\n')),
    lessonText: normaliseForSearch(lessons
      .flatMap((l) => [
        l.title,
        l.aim,
        l.relevance,
        ...l.steps.flatMap((s) => [s.title, s.trainerActivity, s.participantActivity]),
        ...l.handouts.flatMap((h) => [h.title, h.body]),
      ])
      .map(plainText)
      .join('\n')),
  };
}

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
  private readonly engine = new MiniSearch<IndexedDocument>({
    fields: [...FIELDS],
    tokenize: tokeniseField,
    processTerm: processIndexedTerm,
    searchOptions: SEARCH_OPTIONS,
  });
  private readonly entries = new Map<string, Entry>();
  /**
   * Every entry in title order, kept sorted as modules come and go. Collator comparisons are slow enough
   * that sorting 5,000 titles with them on every keystroke, or even after every save, would cost tens of
   * milliseconds; sorts compare the ranks instead.
   */
  private readonly order: Entry[] = [];
  /** The last text search: the UI asks for results and facet counts of the same text one after the other. */
  private memo: { text: string; scores: ReadonlyMap<string, number> | null } | undefined;

  /**
   * The full-text part: built at once (constructor), or deferred until the first text search (`open`), so
   * that opening a large library never waits for it. While deferred, changes are kept in `pending`.
   */
  private text: { state: 'ready' } | { state: 'deferred'; pending: Map<string, Module> } | { state: 'building'; done: Promise<void> };

  /** Builds the whole index at once; fine for tests and small libraries, see `open` for large ones. */
  constructor(modules: readonly Module[], options: { deferText?: boolean } = {}) {
    for (const module of modules) this.remember(module);
    this.order.push(...[...this.entries.values()].sort(compareTitles));
    this.renumber(0);
    if (options.deferText) {
      this.text = { state: 'deferred', pending: new Map(modules.map((m) => [m.id, m])) };
    } else {
      this.engine.addAll(modules.map(toDocument));
      this.text = { state: 'ready' };
    }
  }

  /**
   * Lists, facets and sorts at once; the full text is built on the first text search (`textReady`), in
   * chunks that yield to the event loop: thousands of modules take many seconds to index, and the process
   * must keep answering meanwhile.
   */
  static open(modules: readonly Module[]): LibraryIndex {
    return new LibraryIndex(modules, { deferText: true });
  }

  /** Starts the deferred build if needed; resolves when text searches and changes can run. */
  textReady(chunkSize = 10): Promise<void> {
    if (this.text.state === 'ready') return Promise.resolve();
    if (this.text.state === 'building') return this.text.done;
    const modules = [...this.text.pending.values()];
    const done = this.addInChunks(modules, chunkSize).then(() => {
      this.text = { state: 'ready' };
    });
    this.text = { state: 'building', done };
    return done;
  }

  /** Changes may be applied now unless the text is being built (then after `textReady`). */
  whenWritable(): Promise<void> {
    return this.text.state === 'building' ? this.text.done : Promise.resolve();
  }

  /** Preparing a module's text costs as much as indexing it, so both happen chunk by chunk. */
  private async addInChunks(modules: readonly Module[], chunkSize: number): Promise<void> {
    for (let start = 0; start < modules.length; start += chunkSize) {
      await new Promise<void>((resolve) => {
        setTimeout(resolve, 0);
      });
      this.engine.addAll(modules.slice(start, start + chunkSize).map(toDocument));
    }
  }

  /** Applies a text change now, or records it for the deferred build. */
  private changeText(apply: () => void, module: Module | { id: string }, removed = false): void {
    if (this.text.state === 'deferred') {
      if (removed) this.text.pending.delete(module.id);
      else this.text.pending.set(module.id, module as Module);
    } else apply();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Throws if the module is already indexed: adding it twice would be a bug in the caller. */
  add(module: Module): void {
    this.insertInOrder(this.remember(module));
    this.changeText(() => {
      this.engine.add(toDocument(module));
    }, module);
    this.memo = undefined;
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
    this.changeText(() => {
      this.engine.replace(toDocument(module));
    }, module);
    this.memo = undefined;
  }

  /** Returns whether the module was indexed. */
  remove(module: Pick<Module, 'id'>): boolean {
    const entry = this.entries.get(module.id);
    if (!entry) return false;
    this.entries.delete(module.id);
    this.removeFromOrder(entry);
    // discard, not remove: MiniSearch's remove needs the exact content that was indexed, which the caller
    // may no longer have. The stale postings are skipped at once and vacuumed later.
    this.changeText(
      () => {
        this.engine.discard(module.id);
      },
      module,
      true,
    );
    this.memo = undefined;
    return true;
  }

  search(request: LibraryQuery): ModuleSummary[] {
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
    return hits.map((h) => h.entry.summary);
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

  private remember(module: Module): Entry {
    if (this.entries.has(module.id)) throw new Error(`Module "${module.id}" is already in the search index`);
    const entry = entryOf(module);
    this.entries.set(module.id, entry);
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
    let scores: Map<string, number> | null = null;
    if (tokenise(trimmed).some((token) => processQueryTerm(token) !== null)) {
      scores = new Map();
      for (const result of this.engine.search(trimmed)) scores.set(String(result.id), result.score);
    }
    this.memo = { text: trimmed, scores };
    return scores;
  }
}

function entryOf(module: Module): Entry {
  // Frozen: every search hands out these very objects, and the web harness encodes a frozen one once.
  return { summary: freezeSummary(summariseModule(module)), updatedMs: Date.parse(module.updatedAt), titleRank: 0 };
}

function freezeSummary(summary: ModuleSummary): ModuleSummary {
  for (const part of Object.values(summary)) if (part !== null && typeof part === 'object') Object.freeze(part);
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
