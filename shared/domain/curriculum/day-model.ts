/**
 * A teaching day as the scheduler works with it: the day template in minutes since midnight, with the
 * course's scheduling rules (shortest part of a split lesson, daily recap, daily buffer) beside it.
 */
import { clockToMinutes, DEFAULT_SCHEDULING_RULES, type DayTemplate, type SchedulingRules } from '../../schemas/curriculum';

export type CompiledBreak = { start: number; end: number; kind: 'break' | 'lunch'; label: string | undefined };

export type DayModel = {
  start: number;
  end: number;
  /** In time order. */
  breaks: readonly CompiledBreak[];
  /** The day's length minus its breaks. */
  capacity: number;
  /** A lesson or session is not cut by a break into a part shorter than this (0: no limit). */
  minPart: number;
  /** Opens every day but the first. */
  recap: number;
  /** Closes every day. */
  buffer: number;
};

export function dayModel(template: DayTemplate, rules: SchedulingRules = DEFAULT_SCHEDULING_RULES): DayModel {
  const start = clockToMinutes(template.start);
  const end = clockToMinutes(template.end);
  const breaks = template.breaks
    .map((b) => ({ start: clockToMinutes(b.start), end: clockToMinutes(b.end), kind: b.kind, label: b.label }))
    .sort((a, b) => a.start - b.start);
  const breakMinutes = breaks.reduce((total, b) => total + (b.end - b.start), 0);
  return { start, end, breaks, capacity: end - start - breakMinutes, minPart: rules.minPartMinutes, recap: rules.recapMinutes, buffer: rules.bufferMinutes };
}

/**
 * A day of `capacity` minutes without breaks, recap or buffer: lessons then pack by their totals alone,
 * which is what "fit to N days" reasons about, and what the tests of its optimisation use.
 */
export function plainDay(capacity: number): DayModel {
  return { start: 0, end: capacity, breaks: [], capacity, minPart: 0, recap: 0, buffer: 0 };
}

/** Minutes of lessons and sessions day `day` (from 1) holds: the day less its buffer and, after day 1, its recap. */
export function teachingCapacity(model: DayModel, day: number): number {
  return Math.max(0, model.capacity - model.buffer - (day > 1 ? model.recap : 0));
}

/** Minutes of lessons and sessions the first `days` days hold together. */
export function plannedCapacity(model: DayModel, days: number): number {
  return days <= 0 ? 0 : teachingCapacity(model, 1) + (days - 1) * teachingCapacity(model, 2);
}
