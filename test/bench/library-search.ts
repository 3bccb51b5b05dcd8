import { LibraryIndex, type LibraryQuery } from '../../shared/domain/library-search';
import type { Module } from '../../shared/schemas/module';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { RESOURCES_DIR } from '../helpers/open-test-store';
import { summarise } from './stats';

/** Deterministic pseudo-random numbers (mulberry32), so every run searches the same library with the same queries. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/**
 * A vocabulary of made-up words (place names, project names...). Copies of 21 modules alone would share
 * one small vocabulary; a real library of thousands of modules has tens of thousands of distinct words,
 * which is what makes fuzzy and prefix lookups expensive.
 */
function vocabulary(size: number, next: () => number): string[] {
  const latin = ['ka', 'ro', 'mi', 'sel', 'van', 'tor', 'du', 'bre', 'ist', 'ne', 'los', 'qua', 'fi', 'zen', 'mar', 'ul'];
  const arabic = ['سا', 'مر', 'كو', 'نب', 'ري', 'دل', 'فت', 'حم', 'قص', 'لي'];
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = next() < 0.8 ? latin : arabic;
    const length = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length }, () => pick(syllables, next)).join(''));
  }
  return [...words];
}

/** Copy `i` of a sample module: new id, a varied title, and a sentence of varied words in its summary and first step. */
function variant(source: Module, i: number, words: readonly string[], next: () => number): Module {
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words, next)).join(' ');
  const [first, ...rest] = source.lessons;
  if (!first) throw new Error(`${source.id} has no lesson`);
  const [step, ...steps] = first.steps;
  if (!step) throw new Error(`${source.id} has no step`);
  return {
    ...source,
    id: `${source.id}-${i}`,
    title: `${source.title} — ${pick(words, next)} ${i}`,
    summary: `${source.summary}\n\n${sentence(20)}`,
    updatedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    lessons: [{ ...first, steps: [{ ...step, trainerActivity: `${step.trainerActivity}\n\n${sentence(30)}` }, ...steps] }, ...rest],
  };
}

/** `count` realistic modules: varied copies of the sample library. */
export async function generatedModules(count: number, words = vocabulary(20_000, random(42)), next = random(43)): Promise<Module[]> {
  const sample = await loadSampleLibrary(RESOURCES_DIR);
  return Array.from({ length: count }, (_, i) => {
    const source = sample.modules[i % sample.modules.length];
    if (!source) throw new Error('The sample library is empty');
    return variant(source, i, words, next);
  });
}

const PHRASES = [
  'police', 'custody', 'torture', 'community', 'gender violence', 'use of force', 'interview', 'firearms', 'oversight complaint',
  'human rights', 'detention safeguards', 'juvenile', 'trafficking victims', 'assembly', 'proportionality necessity', 'referral',
  'sécurité', 'securite publique', 'police de proximité', 'droits de l homme', 'genre', 'confiance partenariat',
  'الشرطة', 'الشرطه', 'حقوق الإنسان', 'احترام', 'الكرامة', 'المجتمعية', 'الشرطة المجتمعية الثقة',
  'comm', 'pol', 'tra', 'inv', 'det', 'proport', 'accoun', 'vuln', 'الشر', 'حقو', 'disc', 'esc', 'de-esc', 'supervi',
  'custdy', 'tortre', 'comunity', 'procedural justice', 'legitimacy trust', 'community engagement patrol',
] as const;
const PREFIXES = new Set<string>(['comm', 'pol', 'tra', 'inv', 'det', 'proport', 'accoun', 'vuln', 'disc', 'esc', 'de-esc', 'supervi']);
const TYPOS = new Set<string>(['custdy', 'tortre', 'comunity']);

type QueryKind = 'words' | 'prefix' | 'typo' | 'arabic' | 'rare' | 'word+rare' | 'facets-only';
type TimedQuery = { kind: QueryKind; request: LibraryQuery };

const KIND_OF_PHRASE: Record<(typeof PHRASES)[number], QueryKind> = Object.fromEntries(
  PHRASES.map((p) => [p, /[\u0600-\u06FF]/.test(p) ? 'arabic' : PREFIXES.has(p) ? 'prefix' : TYPOS.has(p) ? 'typo' : 'words']),
) as Record<(typeof PHRASES)[number], QueryKind>;

function queries(count: number, words: readonly string[], next: () => number): TimedQuery[] {
  const facets: LibraryQuery[] = [
    {},
    {},
    {},
    { languages: ['en'] },
    { languages: ['fr', 'ar'] },
    { themes: ['community-policing'] },
    { themes: ['use-of-force-and-firearms', 'arrest-and-detention'], levels: ['intermediate'] },
    { audiences: ['supervisors'], minMinutes: 360, maxMinutes: 420 },
    { levels: ['basic'], sort: 'title' },
    { sort: 'updated' },
    { sort: 'duration', maxMinutes: 400 },
  ];
  const result: TimedQuery[] = [];
  let previous = '';
  while (result.length < count) {
    const roll = next();
    // Mostly real phrases; some made-up words (rare terms), some a real phrase plus the start of a made-up word, some facets only.
    let kind: QueryKind;
    let text: string;
    if (roll < 0.6) {
      const phrase = pick(PHRASES, next);
      [kind, text] = [KIND_OF_PHRASE[phrase], phrase];
    } else if (roll < 0.75) {
      [kind, text] = ['rare', pick(words, next)];
    } else if (roll < 0.9) {
      [kind, text] = ['word+rare', `${pick(PHRASES, next)} ${pick(words, next).slice(0, 4)}`];
    } else {
      [kind, text] = ['facets-only', ''];
    }
    // Each query a new text, so the index's memo of the last text never answers for it.
    if (text !== '' && text === previous) text = `${text} police`;
    previous = text;
    result.push({ kind, request: { ...pick(facets, next), ...(text ? { text } : {}) } });
  }
  return result;
}

/**
 * Library search at scale: 5,000 modules of realistic size (copies of the ~65 kB sample modules with varied
 * titles and words), index build time, then varied queries: 1–3 words, prefixes, typos, Arabic, with and
 * without facets. `search` alone and `search` followed by `facetCounts` (what the library screen asks for).
 */
export async function benchLibrarySearch(moduleCount = 5000, queryCount = 240): Promise<Record<string, unknown>> {
  const next = random(42);
  const words = vocabulary(20_000, next);
  const modules = await generatedModules(moduleCount, words, next);
  const bytes = modules.reduce((total, m) => total + JSON.stringify(m).length, 0);

  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = performance.now();
  const index = new LibraryIndex(modules);
  const buildMs = Math.round(performance.now() - buildStarted);
  const heapAfter = process.memoryUsage().heapUsed;

  const requests = queries(queryCount, words, next);
  // Warm-up, untimed: the first queries also measure V8 compiling the search code.
  for (const { request } of queries(20, words, random(7))) index.search(request);
  const searchTimes: number[] = [];
  const withFacetsTimes: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  let hits = 0;
  for (const { kind, request } of requests) {
    const started = performance.now();
    hits += index.search(request).length;
    const searched = performance.now() - started;
    index.facetCounts(request);
    searchTimes.push(searched);
    withFacetsTimes.push(performance.now() - started);
    byKind.set(kind, [...(byKind.get(kind) ?? []), searched]);
  }
  // Saving a module: re-index it, then the list refreshes (which re-ranks every title once after a change).
  const changed = modules[0];
  if (!changed) throw new Error('No module to replace');
  const replaceStarted = performance.now();
  index.replace({ ...changed, title: `${changed.title} revised` });
  const replaceMs = performance.now() - replaceStarted;
  index.search({ text: 'police', sort: 'title' });
  const replaceThenListMs = performance.now() - replaceStarted;
  const round = (ms: number) => Math.round(ms * 10) / 10;

  return {
    modules: moduleCount,
    libraryMB: Math.round(bytes / 1e5) / 10,
    buildMs,
    // Approximate: no forced garbage collection around the measurement.
    indexHeapMB: Math.round((heapAfter - heapBefore) / 1e5) / 10,
    replaceOneMs: round(replaceMs),
    replaceThenListMs: round(replaceThenListMs),
    queries: requests.length,
    averageHits: Math.round(hits / requests.length),
    search: summarise(searchTimes),
    searchAndFacets: summarise(withFacetsTimes),
    searchByKind: Object.fromEntries([...byKind].map(([kind, times]) => [kind, summarise(times)])),
  };
}
