/**
 * Lays lessons and sessions into days one after another: the day each one starts on, where on that day,
 * and the free time it leaves before it. The scheduler (schedule.ts, which states the rules) draws the
 * timetable from it through a sink; "fit to N days" and the remedies use it without one, to try many
 * versions of a course cheaply. One piece of code decides for both, so what fit promises is what the
 * timetable shows.
 *
 * Hot path: the composer runs it on every edit, fit and the remedies many times per answer. It allocates
 * nothing per step and only a little per day.
 */
import { teachingCapacity, type DayModel } from './day-model';

/** What the packer needs of a lesson (its steps, never split) or a session (one block, cut by breaks on time). */
export type PackUnit = { steps: readonly number[]; session: boolean; pinnedDay?: number | undefined };

/**
 * Why a unit starts a new day although the day before had room: `full` when it is longer than the room
 * left, `short-part` when every start left on that day would leave a part shorter than the rule allows.
 */
export type MoveReason = 'full' | 'short-part';

export type DayAssignment = {
  day: number;
  moved: MoveReason | undefined;
  /** Longer than a whole teaching day: it has the day to itself and runs past its end. */
  overflow: boolean;
  /** Teaching minutes the day it was first tried on had left. */
  freeBefore: number;
  /** Minutes left free just before it, so that it starts after a break rather than be cut short by it. */
  idle: number;
  /** A part shorter than the rule that no start on an empty day would avoid (its steps are too long for the gaps between breaks). */
  shortPart: number | undefined;
};

/** Receives the timetable as the packer lays it out; minutes since midnight. */
export type PackSink = {
  /** Break `index` of the template, taken at `at`: its planned start, or later when a step ran on. */
  breakAt(day: number, index: number, at: number): void;
  free(day: number, from: number, to: number): void;
  /** Teaching time: one call per lesson step, per uninterrupted part of a session, of the recap or of the buffer. */
  interval(day: number, what: 'recap' | 'unit' | 'buffer', from: number, to: number): void;
};

/** A break is taken at most this much before its planned time, so that a lesson is not cut short. */
export const EARLY_BREAK_MINUTES = 30;

type Cursor = { day: number; at: number; nextBreak: number; used: number; units: number; recapDone: boolean };

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export class DayPacker {
  private current: Cursor;
  private readonly probe: Cursor;
  private readonly recap: PackUnit;
  private readonly buffer: PackUnit;
  /** Room for lessons, sessions, recap and free time in a day: the buffer is held back for the end. */
  private readonly limit: number;

  constructor(
    private readonly model: DayModel,
    private readonly sink?: PackSink,
  ) {
    this.current = this.newDay(1);
    this.probe = this.newDay(1);
    // One block each that a break waits for, as for a lesson step: a recap or buffer cut in two helps no one.
    this.recap = { steps: [model.recap], session: false };
    this.buffer = { steps: [model.buffer], session: false };
    this.limit = model.capacity - model.buffer;
  }

  /** Decides where `unit` goes, lays it there (telling the sink) and says where. */
  place(unit: PackUnit): DayAssignment {
    const m = this.model;
    if (unit.pinnedDay !== undefined && unit.pinnedDay > this.current.day) this.switchTo(this.newDay(unit.pinnedDay));
    const total = sum(unit.steps);
    const freeBefore = this.room(this.current);
    let start = this.firstStart(this.current, unit, total);
    let moved: MoveReason | undefined;
    let unavoidable = false;
    if (start === undefined) {
      const next = this.newDay(this.current.day + 1);
      const onNext = this.current.units > 0 ? this.firstStart(next, unit, total) : undefined;
      // A day that already ran over (one unit longer than a day) does not count as one the unit moved from.
      const reason: MoveReason | undefined = this.current.used > this.limit ? undefined : total > freeBefore ? 'full' : 'short-part';
      if (onNext !== undefined) {
        moved = reason;
        this.switchTo(next);
        start = onNext;
      } else {
        // No start avoids a short part, or nothing fits: it flows on from where the day is, as without the rule.
        unavoidable = true;
        if (this.current.units > 0 && total > freeBefore) {
          moved = reason === undefined ? undefined : 'full';
          this.switchTo(next);
        }
        start = -1;
      }
    }
    const c = this.current;
    if (!c.recapDone) {
      this.run(c, this.recap, 'recap', this.sink);
      c.used += m.recap;
      c.recapDone = true;
    }
    const idle = this.idleThrough(c, start, this.sink);
    const shortest = this.run(c, unit, 'unit', this.sink);
    c.used += idle + total;
    c.units += 1;
    const overflow = total > teachingCapacity(m, c.day);
    return { day: c.day, moved, overflow, freeBefore, idle, shortPart: unavoidable && !overflow && shortest < m.minPart ? shortest : undefined };
  }

  /** Closes the last day: its buffer and the free time after it. */
  finish(): void {
    this.close(this.current);
  }

  private newDay(day: number): Cursor {
    return { day, at: this.model.start, nextBreak: 0, used: 0, units: 0, recapDone: day === 1 || this.model.recap === 0 };
  }

  private room(c: Cursor): number {
    return this.limit - c.used - (c.recapDone ? 0 : this.model.recap);
  }

  private switchTo(next: Cursor): void {
    this.close(this.current);
    this.current = next;
  }

  /**
   * The earliest start on day `c` at which the unit fits and no break cuts it into a part shorter than the
   * rule: where the day is (-1), or just after break k, the time until that break left free. Undefined when
   * there is none.
   */
  private firstStart(c: Cursor, unit: PackUnit, total: number): number | undefined {
    const m = this.model;
    const room = this.room(c);
    if (total > room) return undefined;
    const p = this.probe;
    const breaks = m.breaks;
    for (let k = -1; k < breaks.length; k += 1) {
      this.copy(c, p);
      if (!p.recapDone) this.run(p, this.recap, 'recap', undefined);
      // A break already due is taken before the unit anyway: starting "after" it is the start at -1.
      if (k >= 0 && (k < p.nextBreak || (breaks[k]?.start ?? 0) <= p.at)) continue;
      const idle = this.idleThrough(p, k, undefined);
      // Each later start leaves more free time: once one does not fit, none does.
      if (idle + total > room) return undefined;
      if (this.run(p, unit, 'unit', undefined) >= m.minPart) return k;
    }
    return undefined;
  }

  private copy(from: Cursor, to: Cursor): void {
    to.day = from.day;
    to.at = from.at;
    to.nextBreak = from.nextBreak;
    to.used = from.used;
    to.units = from.units;
    to.recapDone = from.recapDone;
  }

  /** Takes the breaks due at the cursor (planned at or before it) there and then; true when it took one. */
  private takeDue(c: Cursor, sink: PackSink | undefined): boolean {
    const breaks = this.model.breaks;
    const before = c.nextBreak;
    for (let b = breaks[c.nextBreak]; b && b.start <= c.at; b = breaks[c.nextBreak]) {
      sink?.breakAt(c.day, c.nextBreak, c.at);
      c.at += b.end - b.start;
      c.nextBreak += 1;
    }
    return c.nextBreak !== before;
  }

  /** Waits for breaks up to break `last` (inclusive) and takes them; returns the minutes left free. */
  private idleThrough(c: Cursor, last: number, sink: PackSink | undefined): number {
    const breaks = this.model.breaks;
    let free = 0;
    while (c.nextBreak <= last) {
      const b = breaks[c.nextBreak];
      if (!b) break;
      if (b.start > c.at) {
        sink?.free(c.day, c.at, b.start);
        free += b.start - c.at;
        c.at = b.start;
      }
      sink?.breakAt(c.day, c.nextBreak, c.at);
      c.at += b.end - b.start;
      c.nextBreak += 1;
    }
    return free;
  }

  /**
   * Lays a unit from the cursor: a lesson step by step (a due break waits for the running step to end), a
   * session in one block cut by each break at its planned time. Where waiting would leave a part shorter
   * than the rule, the break is taken early instead, before the step (by at most EARLY_BREAK_MINUTES); a
   * session whose first part would be short starts after a break taken early. Returns the shortest part
   * the breaks cut the unit into, or Infinity when none cuts it.
   */
  private run(c: Cursor, unit: PackUnit, what: 'recap' | 'unit' | 'buffer', sink: PackSink | undefined): number {
    const { breaks, minPart } = this.model;
    // A part ends where a break is taken after some of the unit was laid; `part` is what the current one holds.
    let part = 0;
    let parts = 0;
    let shortest = Number.POSITIVE_INFINITY;
    if (!unit.session) {
      let rest = sum(unit.steps);
      for (const minutes of unit.steps) {
        rest -= minutes;
        let taken = this.takeDue(c, sink);
        const next = breaks[c.nextBreak];
        // This step runs up to or across the next break and more of the lesson follows: wait, or break now?
        if (next && rest > 0 && next.start <= c.at + minutes && next.start - c.at <= EARLY_BREAK_MINUTES) {
          const waitLeavesNoShortPart = part + minutes >= minPart && rest >= minPart;
          const earlyLeavesNoShortPart = part === 0 || (part >= minPart && minutes + rest >= minPart);
          if (!waitLeavesNoShortPart && earlyLeavesNoShortPart) taken = this.takeNext(c, sink) || taken;
        }
        if (taken && part > 0) {
          parts += 1;
          shortest = Math.min(shortest, part);
          part = 0;
        }
        sink?.interval(c.day, what, c.at, c.at + minutes);
        c.at += minutes;
        part += minutes;
      }
    } else {
      let remaining = sum(unit.steps);
      this.takeDue(c, sink);
      const first = breaks[c.nextBreak];
      // A first part shorter than the rule: take that break now, and start after it.
      if (first && first.start - c.at < Math.min(minPart, remaining) && first.start - c.at <= EARLY_BREAK_MINUTES) this.takeNext(c, sink);
      while (remaining > 0) {
        if (this.takeDue(c, sink) && part > 0) {
          parts += 1;
          shortest = Math.min(shortest, part);
          part = 0;
        }
        const next = breaks[c.nextBreak];
        const chunk = next ? Math.min(remaining, next.start - c.at) : remaining;
        sink?.interval(c.day, what, c.at, c.at + chunk);
        c.at += chunk;
        remaining -= chunk;
        part += chunk;
      }
    }
    return parts === 0 ? Number.POSITIVE_INFINITY : Math.min(shortest, part);
  }

  /** Takes the next break now, before its planned time. */
  private takeNext(c: Cursor, sink: PackSink | undefined): boolean {
    const b = this.model.breaks[c.nextBreak];
    if (!b) return false;
    sink?.breakAt(c.day, c.nextBreak, c.at);
    c.at += b.end - b.start;
    c.nextBreak += 1;
    return true;
  }

  /** The end of a day with teaching: the buffer, then free time around the breaks still to come. */
  private close(c: Cursor): void {
    const sink = this.sink;
    if (!sink || c.units === 0) return;
    if (this.model.buffer > 0) this.run(c, this.buffer, 'buffer', sink);
    const { breaks, end } = this.model;
    // Breaks that fell due while the last step ran are left out; those still to come are kept as planned.
    for (let k = c.nextBreak; k < breaks.length; k += 1) {
      const b = breaks[k];
      if (!b || b.start < c.at) continue;
      if (b.start > c.at) sink.free(c.day, c.at, b.start);
      sink.breakAt(c.day, k, b.start);
      c.at = b.end;
    }
    if (c.at < end) sink.free(c.day, c.at, end);
  }
}

/** Where each unit goes, without drawing anything. */
export function assignDays(units: readonly PackUnit[], model: DayModel): DayAssignment[] {
  const packer = new DayPacker(model);
  return units.map((unit) => packer.place(unit));
}

/** Whether the units fit the first `days` days, no day over its end; stops at the first that does not. */
export function packsInto(units: readonly PackUnit[], model: DayModel, days: number): boolean {
  const packer = new DayPacker(model);
  for (const unit of units) {
    const placed = packer.place(unit);
    if (placed.overflow || placed.day > days) return false;
  }
  return true;
}
