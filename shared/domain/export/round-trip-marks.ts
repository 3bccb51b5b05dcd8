/**
 * Round-trip markers: how an exported Word document says which course or module, which lesson and which field
 * each editable text came from, so that an edited copy can be read back field by field.
 *
 * Every editable field is wrapped in a bookmark whose name is short (Word allows 40 characters) and made only
 * of ASCII letters, digits and underscores, which Word and LibreOffice both keep when they save:
 * `cc_<item>_<lesson>_<field><index>`, for example `cc_2_0_st3` (the second module of the table below, its
 * lesson at index 0 in the module, the trainer activity of step 3). The table that gives the item numbers
 * their meaning (course or module id, each module item's id, library module id and revision) travels as
 * custom document properties, which both word processors keep as well. Indices are positions in the module
 * revision named there, so the document is read against exactly that revision.
 */
import type { PlanBlock, PlanList, PlanMarks, PlanParagraph } from './plan';

/** The fields a trainer may edit in a printed document and bring back. */
export const ROUND_TRIP_FIELDS = ['stepTrainer', 'stepParticipant', 'stepMinutes', 'trainerNotes', 'objective', 'handout'] as const;
export type RoundTripField = (typeof ROUND_TRIP_FIELDS)[number];

const FIELD_CODES: Record<RoundTripField, string> = {
  stepTrainer: 'st',
  stepParticipant: 'sp',
  stepMinutes: 'sm',
  trainerNotes: 'tn',
  objective: 'ob',
  handout: 'ho',
};
const FIELDS_BY_CODE = new Map(ROUND_TRIP_FIELDS.map((field) => [FIELD_CODES[field], field]));

/** Fields that hold one of several things of a lesson (a step, an objective, a handout) and so carry its index. */
const INDEXED = new Set<RoundTripField>(['stepTrainer', 'stepParticipant', 'stepMinutes', 'objective', 'handout']);

/** One marked field: the module item's number in the document's table (from 1), the lesson index, the field and its index. */
export type MarkRef = { item: number; lesson: number; field: RoundTripField; index?: number };

/** The course or module a document was exported from, and its module items, numbered from 1 in this order. */
export type RoundTripSource = {
  kind: 'course' | 'module';
  /** The curriculum id, or the library module id. */
  id: string;
  /** The course's last change (ISO) or the module's revision, when the document was exported. */
  version: string;
  variant: 'full' | 'trainer';
  /** A module document of one lesson only: that lesson's index in the module. */
  lesson?: number;
  items: { itemId: string; moduleId: string; revision: number }[];
};

export const MARK_PREFIX = 'cc_';
const MARK_NAME = /^cc_(\d{1,3})_(\d{1,2})_([a-z]{2})(\d{1,2})?$/;

/** The bookmark name of a field. */
export function markName(ref: MarkRef): string {
  const index = INDEXED.has(ref.field) ? String(ref.index ?? 0) : '';
  return `${MARK_PREFIX}${String(ref.item)}_${String(ref.lesson)}_${FIELD_CODES[ref.field]}${index}`;
}

/** The field a bookmark name stands for, or undefined for any other bookmark (or a damaged name). */
export function parseMarkName(name: string): MarkRef | undefined {
  const match = MARK_NAME.exec(name);
  if (!match) return undefined;
  const [, item = '', lesson = '', code = '', index] = match;
  const field = FIELDS_BY_CODE.get(code);
  if (!field || INDEXED.has(field) !== (index !== undefined)) return undefined;
  return { item: Number(item), lesson: Number(lesson), field, ...(index === undefined ? {} : { index: Number(index) }) };
}

function withMarks<T extends { marks?: PlanMarks }>(block: T, start: string | undefined, end: string | undefined): T {
  const marks: PlanMarks = {
    ...(start === undefined ? (block.marks?.start ? { start: block.marks.start } : {}) : { start: [...(block.marks?.start ?? []), start] }),
    ...(end === undefined ? (block.marks?.end ? { end: block.marks.end } : {}) : { end: [...(block.marks?.end ?? []), end] }),
  };
  return { ...block, marks };
}

function listWithMarks(list: PlanList, index: number, start: string | undefined, end: string | undefined): PlanList {
  const itemMarks = Array.from({ length: list.items.length }, (_, i) => list.itemMarks?.[i]);
  const current = itemMarks[index];
  itemMarks[index] = {
    start: [...(current?.start ?? []), ...(start === undefined ? [] : [start])],
    end: [...(current?.end ?? []), ...(end === undefined ? [] : [end])],
  };
  return { ...list, itemMarks };
}

function markOne<T extends PlanBlock>(block: T, start: string | undefined, end: string | undefined): T {
  if (block.kind === 'paragraph') {
    const marked: PlanParagraph = withMarks<PlanParagraph>(block, start, end);
    return marked as T;
  }
  if (block.kind === 'list') {
    const list: PlanList = block;
    const last = list.items.length - 1;
    if (start !== undefined && end !== undefined && last > 0) return listWithMarks(listWithMarks(list, 0, start, undefined), last, undefined, end) as T;
    return listWithMarks(list, start !== undefined ? 0 : last, start, end) as T;
  }
  return block;
}

/**
 * The blocks of one field with its marker around them: started at the first paragraph or list item, ended
 * at the last. Blocks are copied, never changed (Markdown blocks are shared, see inline.ts). A field with no
 * blocks cannot be marked and is returned as it is. Only paragraphs and lists carry marks.
 */
export function markBlocks<T extends PlanParagraph | PlanList>(blocks: readonly T[], name: string | undefined): T[] {
  if (name === undefined || blocks.length === 0) return [...blocks];
  const out = [...blocks];
  const first = out[0];
  const lastIndex = out.length - 1;
  if (lastIndex === 0 && first) {
    out[0] = markOne(first, name, name);
    return out;
  }
  const last = out[lastIndex];
  if (first) out[0] = markOne(first, name, undefined);
  if (last) out[lastIndex] = markOne(last, undefined, name);
  return out;
}

/** Custom document property names. The table is one property per module item, so none grows long. */
export const SOURCE_PROPERTY = 'CurriculumComposerSource';
export const ITEM_PROPERTY_PREFIX = 'CurriculumComposerItem';
const FORMAT = 'cc-roundtrip-1';

/** The source as custom document properties (name → text). */
export function sourceProperties(source: RoundTripSource): { name: string; value: string }[] {
  return [
    { name: SOURCE_PROPERTY, value: [FORMAT, source.kind, source.variant, source.id, source.version, ...(source.lesson === undefined ? [] : [String(source.lesson)])].join(' ') },
    ...source.items.map((item, index) => ({ name: `${ITEM_PROPERTY_PREFIX}${String(index + 1)}`, value: [item.itemId, item.moduleId, String(item.revision)].join(' ') })),
  ];
}

/**
 * The source read back from custom document properties, or a reason why the document is not one of ours
 * (`absent`) or its table is damaged (`damaged`). Ids never contain spaces (IdSchema), so space separates.
 */
export function parseSourceProperties(properties: ReadonlyMap<string, string>): { ok: true; source: RoundTripSource } | { ok: false; reason: 'absent' | 'damaged' } {
  const head = properties.get(SOURCE_PROPERTY);
  if (head === undefined) return { ok: false, reason: 'absent' };
  const [format, kind, variant, id, version, lesson, ...rest] = head.trim().split(/\s+/);
  const lessonIndex = lesson === undefined ? undefined : Number(lesson);
  if (format !== FORMAT || (kind !== 'course' && kind !== 'module') || (variant !== 'full' && variant !== 'trainer') || !id || !version || rest.length > 0)
    return { ok: false, reason: 'damaged' };
  if (lessonIndex !== undefined && (!Number.isInteger(lessonIndex) || lessonIndex < 0 || lessonIndex > 99)) return { ok: false, reason: 'damaged' };
  const items: RoundTripSource['items'] = [];
  for (let n = 1; properties.has(`${ITEM_PROPERTY_PREFIX}${String(n)}`); n += 1) {
    const [itemId, moduleId, revision, ...more] = (properties.get(`${ITEM_PROPERTY_PREFIX}${String(n)}`) ?? '').trim().split(/\s+/);
    const number = Number(revision);
    if (!itemId || !moduleId || !Number.isInteger(number) || number < 1 || more.length > 0) return { ok: false, reason: 'damaged' };
    items.push({ itemId, moduleId, revision: number });
  }
  return { ok: true, source: { kind, variant, id, version, ...(lessonIndex === undefined ? {} : { lesson: lessonIndex }), items } };
}
