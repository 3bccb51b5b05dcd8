/** What the scheduler says about where a unit went: pins beyond the days, moves, overflow, short parts. */
import { teachingCapacity, type DayModel } from './day-model';
import type { DayAssignment } from './day-packer';
import type { Placement, ScheduleUnit, ScheduleWarning } from './schedule';

/** Where a warning about a unit points. */
export function where(unit: ScheduleUnit): Pick<ScheduleWarning, 'unitKey' | 'itemId' | 'lessonCode' | 'lessonNumber'> {
  return {
    unitKey: unit.key,
    itemId: unit.itemId,
    ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }),
    ...(unit.lessonNumber === undefined ? {} : { lessonNumber: unit.lessonNumber }),
  };
}

/** The warnings about one unit's placement, in the order a reader meets them. */
export function unitWarnings(unit: ScheduleUnit, assignment: DayAssignment, placement: Placement, model: DayModel, plannedDays: number): ScheduleWarning[] {
  const found: ScheduleWarning[] = [];
  const at = where(unit);
  const name = describeUnit(unit);
  const { minutes } = placement;
  const { day } = assignment;
  if (unit.pinnedDay !== undefined && unit.pinnedDay > plannedDays)
    found.push({
      code: 'pin-beyond-days',
      severity: 'warning',
      message: `${name} is moved to day ${unit.pinnedDay}, but the course has ${plannedDays} days`,
      params: { name, pinnedDay: unit.pinnedDay, days: plannedDays },
      ...at,
    });
  if (assignment.moved === 'full')
    found.push({
      code: 'moved-to-next-day',
      severity: 'info',
      message: `${name} (${minutes} min) does not fit the ${assignment.freeBefore} min left on day ${day - 1} and starts day ${day}`,
      params: { name, minutes, free: assignment.freeBefore, day },
      day,
      ...at,
    });
  if (assignment.moved === 'short-part')
    found.push({
      code: 'moved-to-avoid-short-part',
      severity: 'info',
      message: `${name} (${minutes} min) would be cut by a break into a part shorter than ${model.minPart} min on day ${day - 1}, so it starts day ${day}`,
      params: { name, minutes, free: assignment.freeBefore, minPart: model.minPart, day },
      day,
      ...at,
    });
  if (assignment.overflow) {
    const capacity = teachingCapacity(model, day);
    found.push({
      code: 'longer-than-day',
      severity: 'error',
      message: `${name} lasts ${minutes} min, longer than a teaching day (${capacity} min); day ${day} runs over`,
      params: { name, minutes, capacity, day },
      day,
      ...at,
    });
  }
  if (assignment.shortPart !== undefined)
    found.push({
      code: 'short-part',
      severity: 'warning',
      message: `${name} is cut by a break into a part of ${assignment.shortPart} min on day ${day}, shorter than ${model.minPart} min, and starting it after a break would not avoid that: change the length of its activities or the times of the breaks`,
      params: { name, part: assignment.shortPart, minPart: model.minPart, day },
      day,
      ...at,
    });
  return found;
}

/** How messages for logs and the command line name a unit. */
export function describeUnit(unit: ScheduleUnit): string {
  return unit.lessonCode === undefined ? `Session "${unit.title}"` : `Lesson ${unit.lessonNumber ?? unit.lessonCode} "${unit.title}"`;
}

