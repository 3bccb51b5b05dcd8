/**
 * "Move to day N". A pin only ever moves content later (the scheduler keeps the course's order), so a
 * move to a later day is a pin; a move to an earlier day reorders the course so that the unit comes where
 * that day starts, and pins it there.
 *
 * A lesson moves within its module's teaching order when that day starts in the same module, or when its
 * module has lessons on that day and coming before them puts it there. Otherwise it
 * cannot move alone (a module's lessons are taught together) and its module item moves instead: before or
 * after the item in which that day starts, whichever puts the lesson on that day with the fewest days used.
 * A session is an item of its own and moves the same way.
 *
 * Some days cannot take a unit: what must be taught before it (its module's earlier lessons, units pinned
 * to that day) would push it to a later one. `dayChoices` says where each move would really land, so that
 * the timetable offers only the days that work and says why the others are not offered.
 */
import { scheduleCurriculum, type Schedule } from '../../../../../shared/domain/curriculum/schedule';
import type { Curriculum, ModuleItem } from '../../../../../shared/schemas/curriculum';
import { lessonRows } from '../lesson-rows';
import { setUnitDay, type UnitRef } from './timetable-edits';

export type MovePlan = {
  curriculum: Curriculum;
  /** `pin`: the unit is pinned in place; `lesson`: reordered within its module; `item`: its module item (or the session) moved. */
  how: 'pin' | 'lesson' | 'item';
  /** The module item that moved with a lesson. */
  movedItem?: ModuleItem;
};

/** The curriculum with the unit moved to `day` (see the file comment); `schedule` is the curriculum's own. */
export function moveToDay(curriculum: Curriculum, schedule: Schedule, unit: UnitRef & { unitKey: string }, day: number): MovePlan {
  const placement = schedule.placements.find((p) => p.unitKey === unit.unitKey);
  const first = schedule.placements.find((p) => p.day >= day);
  const pinOnly: MovePlan = { curriculum: setUnitDay(curriculum, unit, day), how: 'pin' };
  if (!placement || placement.day <= day || !first || first.unitKey === unit.unitKey) return pinOnly;

  if (unit.lessonCode !== undefined) {
    // Before the first of its module's lessons taught on that day or later: where the day starts, or
    // further into the day when that still puts the lesson on it.
    const sibling = schedule.placements.find((p) => p.itemId === unit.itemId && p.lessonCode !== undefined && p.day >= day);
    if (sibling?.lessonCode !== undefined && sibling.unitKey !== unit.unitKey) {
      const reordered = setUnitDay(lessonBefore(curriculum, unit.itemId, unit.lessonCode, sibling.lessonCode), unit, day);
      if (sibling.unitKey === first.unitKey || landsOn(reordered, unit.unitKey) === day) return { curriculum: reordered, how: 'lesson' };
    }
  }

  const from = curriculum.items.findIndex((item) => item.id === unit.itemId);
  const target = curriculum.items.findIndex((item) => item.id === first.itemId);
  if (from < 0 || target < 0 || target >= from) return pinOnly;
  // Before the item where the day starts, or after it when that item began on an earlier day.
  const candidates = [target, target + 1].map((at) => setUnitDay(itemAt(curriculum, from, at), unit, day));
  const scored = candidates.map((c) => {
    const s = scheduleCurriculum(c);
    const landed = s.placements.find((p) => p.unitKey === unit.unitKey)?.day ?? Number.POSITIVE_INFINITY;
    return { c, miss: Math.abs(landed - day), daysUsed: s.daysUsed };
  });
  const best = scored.reduce((a, b) => (b.miss < a.miss || (b.miss === a.miss && b.daysUsed < a.daysUsed) ? b : a));
  const item = curriculum.items[from];
  return { curriculum: best.c, how: 'item', ...(item?.kind === 'module' ? { movedItem: item } : {}) };
}

/** The day the scheduler puts a unit on, in a course. */
function landsOn(curriculum: Curriculum, unitKey: string): number | undefined {
  return scheduleCurriculum(curriculum).placements.find((p) => p.unitKey === unitKey)?.day;
}

/** Where the unit would land if moved to a day: `day` itself when that day can take it. */
export type DayChoice = { day: number; landsOn: number };

/** For each day from 1 to `dayCount`, the day the unit would land on if moved there (see `moveToDay`). */
export function dayChoices(curriculum: Curriculum, schedule: Schedule, unit: UnitRef & { unitKey: string }, dayCount: number): DayChoice[] {
  const now = schedule.placements.find((p) => p.unitKey === unit.unitKey)?.day ?? 0;
  return Array.from({ length: dayCount }, (_x, i) => {
    const day = i + 1;
    const moved = scheduleCurriculum(moveToDay(curriculum, schedule, unit, day).curriculum);
    // A move never leaves a unit out; should it not be found, it is taken as staying where it is.
    return { day, landsOn: moved.placements.find((p) => p.unitKey === unit.unitKey)?.day ?? now };
  });
}

/** The item at `from` moved to position `at` of the items as they were (so `at` counts the item itself). */
function itemAt(curriculum: Curriculum, from: number, at: number): Curriculum {
  const item = curriculum.items[from];
  if (!item) return curriculum;
  const rest = curriculum.items.filter((_x, i) => i !== from);
  return { ...curriculum, items: rest.toSpliced(at > from ? at - 1 : at, 0, item) };
}

/** The module item with lesson `code` taught just before lesson `before`; the order is dropped when it is the module's own again. */
function lessonBefore(curriculum: Curriculum, itemId: string, code: string, before: string): Curriculum {
  return {
    ...curriculum,
    items: curriculum.items.map((item) => {
      if (item.kind !== 'module' || item.id !== itemId) return item;
      const order = lessonRows(item)
        .map((row) => row.lessonCode)
        .filter((c) => c !== code);
      order.splice(Math.max(0, order.indexOf(before)), 0, code);
      const { lessonOrder: _previous, ...rest } = item;
      const natural = item.snapshot.lessons.map((lesson) => lesson.code);
      return order.every((c, i) => c === natural[i]) ? rest : { ...rest, lessonOrder: order };
    }),
  };
}
