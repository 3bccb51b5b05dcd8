import type { Curriculum, CurriculumItem, LessonOverride } from '../../../../../shared/schemas/curriculum';

/** One thing the designer can move: a session (no lesson code) or a lesson of a module item. */
export type UnitRef = { itemId: string; lessonCode?: string | undefined };

/**
 * The curriculum with a unit pinned to `day`, or unpinned when `day` is undefined. A lesson's pin lives in
 * its item's override for that lesson code (so it survives a module update); a session's on the session.
 * An override left with nothing but its code is dropped so that the file stays tidy.
 */
export function setUnitDay(curriculum: Curriculum, unit: UnitRef, day: number | undefined): Curriculum {
  return { ...curriculum, items: curriculum.items.map((item) => (item.id === unit.itemId ? withDay(item, unit.lessonCode, day) : item)) };
}

function withDay(item: CurriculumItem, lessonCode: string | undefined, day: number | undefined): CurriculumItem {
  if (item.kind === 'session') {
    const { day: _old, ...rest } = item;
    return day === undefined ? rest : { ...rest, day };
  }
  if (lessonCode === undefined) return item;
  const existing = item.lessons.find((o) => o.lessonCode === lessonCode);
  const next = pinned(existing ?? { lessonCode }, day);
  const lessons = existing
    ? item.lessons.flatMap((o) => (o === existing ? (isEmpty(next) ? [] : [next]) : [o]))
    : isEmpty(next) ? item.lessons : [...item.lessons, next];
  return { ...item, lessons };
}

function pinned(override: LessonOverride, day: number | undefined): LessonOverride {
  const { day: _old, ...rest } = override;
  return day === undefined ? rest : { ...rest, day };
}

function isEmpty(override: LessonOverride): boolean {
  return Object.keys(override).every((key) => key === 'lessonCode');
}

/** The day a unit is pinned to, if any. */
export function unitPin(curriculum: Curriculum, unit: UnitRef): number | undefined {
  const item = curriculum.items.find((i) => i.id === unit.itemId);
  if (!item) return undefined;
  if (item.kind === 'session') return item.day;
  return item.lessons.find((o) => o.lessonCode === unit.lessonCode)?.day;
}
