/**
 * Pure edits of a curriculum's items. Each returns a new curriculum sharing every part it did not change,
 * or the same object when nothing changes (so the history records no empty step).
 */
import { uniqueId } from '../../../../shared/domain/ids';
import type { Curriculum, CurriculumItem, LessonOverride, ModuleItem, SessionItem, SessionKind } from '../../../../shared/schemas/curriculum';
import type { Module } from '../../../../shared/schemas/module';
import { lessonRows } from './lesson-rows';

/** Step and session minutes allowed by the schema (StepMinutesSchema, SessionItemSchema). */
export const MINUTES_MIN = 1;
export const MINUTES_MAX = 480;

/** Moves the item at `from` to position `to`, the others closing up around it. */
export function moveItem(curriculum: Curriculum, from: number, to: number): Curriculum {
  const { items } = curriculum;
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return curriculum;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (!moved) return curriculum;
  next.splice(to, 0, moved);
  return { ...curriculum, items: next };
}

export function removeItem(curriculum: Curriculum, itemId: string): Curriculum {
  const items = curriculum.items.filter((item) => item.id !== itemId);
  return items.length === curriculum.items.length ? curriculum : { ...curriculum, items };
}

/**
 * Where a new item goes by default (an index into the items): an opening after the openings the course
 * starts with, so before everything else; a closing at the end; a module or any other session before the
 * closing sessions the course ends with. So openings stay first and closings last; either can be moved.
 */
export function defaultPosition(curriculum: Curriculum, what: SessionKind | 'module'): number {
  const { items } = curriculum;
  const isKind = (item: CurriculumItem | undefined, kind: SessionKind) => item?.kind === 'session' && item.sessionKind === kind;
  let at = items.length;
  if (what === 'opening') {
    at = 0;
    while (isKind(items[at], 'opening')) at += 1;
  } else if (what !== 'closing') while (at > 0 && isKind(items[at - 1], 'closing')) at -= 1;
  return at;
}

/** Adds an item at its default position (`defaultPosition`). */
export function insertItem(curriculum: Curriculum, item: CurriculumItem): Curriculum {
  const at = defaultPosition(curriculum, item.kind === 'module' ? 'module' : item.sessionKind);
  return { ...curriculum, items: curriculum.items.toSpliced(at, 0, item) };
}

/** An item id not used in this course yet, readable: "use-of-force", "use-of-force-2", "opening". */
export function newItemId(curriculum: Curriculum, base: string): string {
  return uniqueId(base, new Set(curriculum.items.map((item) => item.id)), 'item');
}

/** A library module taken into the course as it is now: the snapshot is what the course keeps. */
export function moduleItem(curriculum: Curriculum, module: Module): ModuleItem {
  return { kind: 'module', id: newItemId(curriculum, module.id), moduleId: module.id, revision: module.revision, snapshot: module, lessons: [] };
}

export function sessionItem(curriculum: Curriculum, sessionKind: SessionKind, title: string, minutes: number): SessionItem {
  return { kind: 'session', id: newItemId(curriculum, sessionKind), sessionKind, title, minutes };
}

function replaceItem<T extends CurriculumItem>(curriculum: Curriculum, itemId: string, update: (item: T) => T, kind: T['kind']): Curriculum {
  const index = curriculum.items.findIndex((item) => item.id === itemId && item.kind === kind);
  const item = curriculum.items[index];
  if (!item) return curriculum;
  const next = update(item as T);
  return next === item ? curriculum : { ...curriculum, items: curriculum.items.with(index, next) };
}

export function updateSession(curriculum: Curriculum, itemId: string, patch: Partial<Pick<SessionItem, 'title' | 'minutes' | 'sessionKind'>>): Curriculum {
  return replaceItem<SessionItem>(curriculum, itemId, (item) => (Object.entries(patch).every(([k, v]) => item[k as keyof SessionItem] === v) ? item : { ...item, ...patch }), 'session');
}

/** An override that changes nothing is dropped, so "include again" leaves the item as it was taken. */
function isEmptyOverride(override: LessonOverride): boolean {
  return override.omit !== true && (override.stepMinutes?.length ?? 0) === 0 && !override.trainerNotes && override.day === undefined;
}

function tidy(override: LessonOverride): LessonOverride {
  const { lessonCode, omit, stepMinutes, trainerNotes, day } = override;
  return {
    lessonCode,
    ...(omit === true ? { omit } : {}),
    ...(stepMinutes && stepMinutes.length > 0 ? { stepMinutes: [...stepMinutes].sort((a, b) => a.step - b.step) } : {}),
    ...(trainerNotes ? { trainerNotes } : {}),
    ...(day !== undefined ? { day } : {}),
  };
}

/** Changes the override of one lesson of a module item (creating or dropping it as needed). */
export function updateLesson(curriculum: Curriculum, itemId: string, lessonCode: string, update: (override: LessonOverride) => LessonOverride): Curriculum {
  return replaceItem<ModuleItem>(
    curriculum,
    itemId,
    (item) => {
      const index = item.lessons.findIndex((o) => o.lessonCode === lessonCode);
      const current = item.lessons[index] ?? { lessonCode };
      const next = tidy(update(current));
      if (index >= 0 && JSON.stringify(next) === JSON.stringify(current)) return item;
      const lessons = item.lessons.filter((o) => o.lessonCode !== lessonCode);
      if (!isEmptyOverride(next)) lessons.splice(index >= 0 ? index : lessons.length, 0, next);
      return index < 0 && isEmptyOverride(next) ? item : { ...item, lessons };
    },
    'module',
  );
}

export function setOmitted(curriculum: Curriculum, itemId: string, lessonCode: string, omit: boolean): Curriculum {
  return updateLesson(curriculum, itemId, lessonCode, (o) => ({ ...o, omit }));
}

/** Minutes of one step; the snapshot's own length removes the override, unless the step is locked. */
export function setStepMinutes(curriculum: Curriculum, itemId: string, lessonCode: string, step: number, minutes: number, snapshotMinutes: number): Curriculum {
  return updateLesson(curriculum, itemId, lessonCode, (o) => {
    const locked = o.stepMinutes?.find((s) => s.step === step)?.locked === true;
    const others = (o.stepMinutes ?? []).filter((s) => s.step !== step);
    return { ...o, stepMinutes: minutes === snapshotMinutes && !locked ? others : [...others, { step, minutes, ...(locked ? { locked } : {}) }] };
  });
}

/**
 * Locks a step at `minutes` so that fitting the course to its days never changes it, or unlocks it (an
 * unlocked step at the snapshot's length needs no override).
 */
export function setStepLocked(curriculum: Curriculum, itemId: string, lessonCode: string, step: number, locked: boolean, minutes: number, snapshotMinutes: number): Curriculum {
  return updateLesson(curriculum, itemId, lessonCode, (o) => {
    const others = (o.stepMinutes ?? []).filter((s) => s.step !== step);
    if (locked) return { ...o, stepMinutes: [...others, { step, minutes, locked }] };
    return { ...o, stepMinutes: minutes === snapshotMinutes ? others : [...others, { step, minutes }] };
  });
}

export function setTrainerNotes(curriculum: Curriculum, itemId: string, lessonCode: string, trainerNotes: string): Curriculum {
  return updateLesson(curriculum, itemId, lessonCode, (o) => ({ ...o, trainerNotes }));
}

/**
 * Moves a lesson one place earlier (-1) or later (+1) in this course's teaching order. The order is kept as
 * the item's `lessonOrder` (lesson codes), left out when it is the module's own order again.
 */
export function moveLesson(curriculum: Curriculum, itemId: string, lessonCode: string, by: -1 | 1): Curriculum {
  return {
    ...curriculum,
    items: curriculum.items.map((item) => {
      if (item.kind !== 'module' || item.id !== itemId) return item;
      const order = lessonRows(item).map((row) => row.lessonCode);
      const from = order.indexOf(lessonCode);
      const to = from + by;
      if (from < 0 || to < 0 || to >= order.length) return item;
      [order[from], order[to]] = [order[to] ?? lessonCode, lessonCode];
      const natural = item.snapshot.lessons.map((lesson) => lesson.code);
      const { lessonOrder: _previous, ...rest } = item;
      return order.every((code, index) => code === natural[index]) ? rest : { ...rest, lessonOrder: order };
    }),
  };
}
