/**
 * Brings a module written before course packages (library v2, curricula v1, pack format 1) to today's shape,
 * on raw JSON before it is validated. Used by the store's migrations and by the pack reader, so that a
 * library, the snapshots in its courses and a partner's old pack all upgrade the same way. It is idempotent
 * and deterministic: the same module always gets the same ids, so a library module and a course's snapshot
 * of it (or a partner's copy) still compare equal after both are upgraded.
 *
 * What it adds or corrects:
 * - ids for steps ("s1"...), handouts (from their titles) and evaluation items ("q1"...), unique in the module,
 *   so that texts and assessment plans can point at them;
 * - an evaluation item's kind (practical items are observed, everything else is written) and the minutes it
 *   takes (by type, until an author sets them);
 * - option letters ("A. ") removed from multiple-choice options: tests add them when printed;
 * - a number written at the start of a handout's title ("Handout 4.1A: ") removed: documents number handouts.
 */
import { OPTION_LETTER, type EvaluationItem } from '../schemas/module';
import { slugify } from './ids';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** Minutes an item takes when its author has not said: a quick choice, a short written answer, an observed task. */
export const DEFAULT_ITEM_MINUTES: Readonly<Record<EvaluationItem['type'], number>> = {
  'true-false': 1,
  'multiple-choice': 1,
  open: 4,
  practical: 10,
};

/**
 * "Handout 4.1A: ", "Handout 13.1-A: ", "Document 11.1-A : ", "Fiche 2.3 B – ", "المطبوعة 1.1 أ: ": the word, a
 * lesson number with an optional letter, and a separator. Anything else in a title is left alone.
 */
const HANDOUT_NUMBER_PREFIX = /^\s*(?:handout|document|fiche|annexe|المطبوعة|النشرة)\s+\d{1,2}\.\d{1,2}\s*-?\s*(?:[A-Za-z]|[\u0623-\u064A])?\s*[:：–—-]\s*/iu;

export function stripHandoutNumber(title: string): string {
  const stripped = title.replace(HANDOUT_NUMBER_PREFIX, '');
  return stripped.trim() === '' ? title : stripped;
}

export function stripOptionLetter(option: string): string {
  const stripped = option.replace(OPTION_LETTER, '');
  return stripped.trim() === '' ? option : stripped;
}

const LOCAL_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Proposes "s1", "s2"... skipping numbers already taken. */
function counter(prefix: string): (entry: Raw, index: number, taken: ReadonlySet<string>) => string {
  let n = 0;
  return (_entry, _index, taken) => {
    do n += 1;
    while (taken.has(`${prefix}${n}`));
    return `${prefix}${n}`;
  };
}

/** Gives every entry without a valid, unrepeated id one that is free in `taken`. */
function assignIds(entries: Raw[], taken: Set<string>, propose: (entry: Raw, index: number, taken: ReadonlySet<string>) => string): void {
  for (const entry of entries) {
    const id = entry['id'];
    if (typeof id === 'string' && LOCAL_ID.test(id) && !taken.has(id)) taken.add(id);
    else delete entry['id'];
  }
  entries.forEach((entry, index) => {
    if (typeof entry['id'] === 'string') return;
    const base = propose(entry, index, taken);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base.slice(0, 36)}-${n}`;
    taken.add(id);
    entry['id'] = id;
  });
}

/** Words that make an id longer without telling handouts apart. */
const FILLER_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et']);

/** "The five principles of police use of force" → "five-principles-police-use": short, readable in a text. */
function handoutIdFor(title: unknown, index: number): string {
  const words = slugify(typeof title === 'string' ? title : '')
    .split('-')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
  let id = '';
  for (const word of words.slice(0, 4)) if (`${id}-${word}`.length <= 33) id = id ? `${id}-${word}` : word;
  if (id.length < 2) return `h${index + 1}`;
  return /^[a-z]/.test(id) ? id : `h-${id}`;
}

/** A deep copy of `raw` upgraded as the file comment says; anything that is not a module object is returned as is. */
export function upgradeModule(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const module = JSON.parse(JSON.stringify(raw)) as Raw;
  const lessons = records(module['lessons']);
  const steps = lessons.flatMap((lesson) => records(lesson['steps']));
  const handouts = lessons.flatMap((lesson) => records(lesson['handouts']));
  const items = lessons.flatMap((lesson) => records(lesson['evaluation']));

  for (const handout of handouts) if (typeof handout['title'] === 'string') handout['title'] = stripHandoutNumber(handout['title']);
  for (const item of items) {
    const type = item['type'];
    if (item['kind'] !== 'written' && item['kind'] !== 'practical') item['kind'] = type === 'practical' ? 'practical' : 'written';
    if (typeof item['minutes'] !== 'number' && typeof type === 'string' && Object.hasOwn(DEFAULT_ITEM_MINUTES, type))
      item['minutes'] = DEFAULT_ITEM_MINUTES[type as EvaluationItem['type']];
    if (Array.isArray(item['options'])) item['options'] = (item['options'] as unknown[]).map((option) => (typeof option === 'string' ? stripOptionLetter(option) : option));
  }

  // Counting across the module keeps ids unique in it and stable for the same content.
  assignIds(steps, new Set(), counter('s'));
  assignIds(handouts, new Set(), (handout, index) => handoutIdFor(handout['title'], index));
  assignIds(items, new Set(), counter('q'));
  return module;
}

/** The same upgrade for each module snapshot of a raw curriculum (`items[].snapshot`). */
export function upgradeCurriculumSnapshots(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw['items'])) return raw;
  return { ...raw, items: raw['items'].map((item: unknown) => (isRecord(item) && isRecord(item['snapshot']) ? { ...item, snapshot: upgradeModule(item['snapshot']) } : item)) };
}
