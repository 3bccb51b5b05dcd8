import { describe, expect, it } from 'vitest';
import { scheduleCurriculum, type Placement } from '../../../shared/domain/curriculum/schedule';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { inlinesText } from '../../../shared/domain/export/inline';
import { EXPORT_VARIANTS, type ExportOptions, type ExportPlan, type ExportVariant, type PlanBlock, type PlanCell, type PlanHeading, type PlanTable } from '../../../shared/domain/export/plan';
import { blockTexts, planInlines, planTexts } from '../../../shared/domain/export/plan-text';
import type { Curriculum, ModuleItem } from '../../../shared/schemas/curriculum';
import { planInput, sampleCourse } from '../../fixtures/export/plan-sample';

const course = sampleCourse();
const options = (variant: ExportVariant, annexes = true): ExportOptions => ({ variant, paper: 'a4', annexes });
const build = (curriculum: Curriculum, variant: ExportVariant, annexes = true): ExportPlan => buildExportPlan(planInput(curriculum), options(variant, annexes));

const headingsOf = (plan: ExportPlan): PlanHeading[] => plan.sections.flatMap((s) => s.blocks.filter((b): b is PlanHeading => b.kind === 'heading'));
const tablesOf = (blocks: readonly PlanBlock[]): PlanTable[] => blocks.filter((b): b is PlanTable => b.kind === 'table');
const cellText = (table: PlanTable, row: number, column: number): string => blockTexts(table.rows[row]?.[column]?.blocks ?? []).join('\n');
const cellTextOf = (cell: PlanCell | undefined): string => blockTexts(cell?.blocks ?? []).join('\n');

function withItem(curriculum: Curriculum, id: string, change: (item: ModuleItem) => ModuleItem): Curriculum {
  return { ...curriculum, items: curriculum.items.map((item) => (item.kind === 'module' && item.id === id ? change(item) : item)) };
}

describe('numbering as in UN training packages', () => {
  const headings = headingsOf(build(course, 'full'));

  it('numbers modules by their position among the course’s modules', () => {
    expect(headings.filter((h) => h.level === 1 && h.number?.startsWith('Module')).map((h) => h.number)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => `Module ${n}`),
    );
    expect(headings.find((h) => h.number === 'Module 3')?.text).toBe(item(course, 'use-of-force-firearms').snapshot.title);
  });

  it('numbers lessons within their module, after omitted lessons are left out', () => {
    const lessons = headings.filter((h) => h.level === 2).map((h) => h.number);
    // Module 5 (torture prevention) leaves out its third lesson; Module 3 (use of force) teaches all four.
    expect(lessons.filter((n) => n?.startsWith('Lesson 3.'))).toEqual(['Lesson 3.1', 'Lesson 3.2', 'Lesson 3.3', 'Lesson 3.4']);
    expect(lessons.filter((n) => n?.startsWith('Lesson 5.'))).toEqual(['Lesson 5.1', 'Lesson 5.2']);
    expect(lessons).toHaveLength(26);
    const omitted = course.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === 'torture-prevention')?.snapshot.lessons[2]?.title;
    expect(omitted).toBeTruthy();
    expect(headings.some((h) => h.text === omitted)).toBe(false);
  });

  it('numbers lessons in the course’s own teaching order', () => {
    const reordered = withItem(course, 'hr-foundations', (item) => ({ ...item, lessonOrder: ['1.3', '1.1'] }));
    const titles = item(reordered, 'hr-foundations').snapshot.lessons.map((l) => l.title);
    const numbered = headingsOf(build(reordered, 'trainer')).filter((h) => h.level === 2 && h.number?.startsWith('Lesson 1.'));
    expect(numbered.map((h) => [h.number, h.text])).toEqual([
      ['Lesson 1.1', titles[2]],
      ['Lesson 1.2', titles[0]],
      ['Lesson 1.3', titles[1]],
    ]);
  });
});

function item(curriculum: Curriculum, id: string): ModuleItem {
  const found = curriculum.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe('sections of each document', () => {
  it('gives the full curriculum an overview, timetable, coverage, one section per module and the annexes', () => {
    const ids = build(course, 'full').sections.map((s) => s.id);
    // Course description and assessment come between overview and timetable when the course has them.
    expect(ids[0]).toBe('overview');
    expect(ids.filter((id) => ['overview', 'timetable', 'coverage'].includes(id))).toEqual(['overview', 'timetable', 'coverage']);
    expect(ids.filter((id) => id.startsWith('module-'))).toHaveLength(9);
    expect(ids.slice(-3)).toEqual(['annex-traceability', 'annex-references', 'annex-quality']);
    expect(build(course, 'full', false).sections.map((s) => s.id).filter((id) => id.startsWith('annex'))).toEqual([]);
  });

  it('gives trainers one section per lesson and per session, in course order', () => {
    const ids = build(course, 'trainer', false).sections.map((s) => s.id);
    expect(ids[0]).toBe('session-opening');
    expect(ids.filter((id) => id.startsWith('lesson-'))).toHaveLength(26);
    expect(ids.slice(-2)).toEqual(['session-post-test', 'session-closing']);
  });

  it('gives participants one section per lesson', () => {
    expect(build(course, 'participant', false).sections.map((s) => s.id).every((id) => id.startsWith('lesson-'))).toBe(true);
    expect(build(course, 'participant', false).sections).toHaveLength(26);
  });

  it('never produces an empty section, and only long documents get a table of contents', () => {
    for (const variant of EXPORT_VARIANTS) {
      const plan = build(course, variant);
      for (const section of plan.sections) expect(section.blocks.length, `${variant} ${section.id}`).toBeGreaterThan(0);
      expect(new Set(plan.sections.map((s) => s.id)).size).toBe(plan.sections.length);
      expect(plan.tableOfContents).toBe(variant === 'full' || variant === 'trainer' || variant === 'participant');
    }
  });

  it('fills cover, properties, running header and footer and the file name', () => {
    const plan = build(course, 'trainer');
    expect(plan.cover).toMatchObject({ title: course.title, subtitle: course.subtitle, documentKind: 'Trainer lesson plans' });
    expect(plan.cover.facts).toEqual(
      expect.arrayContaining([
        { label: 'Organisation', value: 'National Police Academy' },
        { label: 'Version', value: '1.0' },
        { label: 'Status', value: 'Draft' },
        { label: 'Date', value: '2026-03-02' },
      ]),
    );
    expect(plan.running).toEqual({ header: course.title, footer: 'Version 1.0 – Draft' });
    expect(plan.properties.creator).toBe('Curriculum Composer sample');
    expect(plan.properties.keywords).toContain('Human rights foundations');
    expect(plan.properties.description).not.toContain('**');
    expect(plan.fileName).toBe('foundation-course-on-human-rights-and-community-policing-trainer.docx');
    expect(plan.direction).toBe('ltr');
  });
});

describe('the course’s own changes to its modules', () => {
  const notes = 'Remind the group of the academy complaints box by the canteen door before the break.';
  // Lesson 1.1 already has an override in the sample (a step shortened): the notes join it.
  const changed = withItem(course, 'hr-foundations', (i) => ({ ...i, lessons: i.lessons.map((o) => (o.lessonCode === '1.1' ? { ...o, trainerNotes: notes } : o)) }));

  it('prints the curriculum’s extra trainer notes for trainers and never for participants', () => {
    expect(planTexts(build(changed, 'full')).some((t) => t.includes(notes))).toBe(true);
    expect(planTexts(build(changed, 'trainer')).some((t) => t.includes(notes))).toBe(true);
    expect(planTexts(build(changed, 'participant')).some((t) => t.includes(notes))).toBe(false);
  });

  it('uses the course’s step minutes', () => {
    // hr-foundations 1.3, step 0: 25 minutes in the course instead of the snapshot's own.
    const module1 = build(course, 'full').sections.find((s) => s.id === 'module-hr-foundations');
    const table = tablesOf(module1?.blocks ?? [])[2];
    expect(table && cellText(table, 0, 0).split('\n')[1]).toBe('25 min');
    expect(item(course, 'hr-foundations').snapshot.lessons[2]?.steps[0]?.minutes).not.toBe(25);
  });
});

describe('clock times', () => {
  const schedule = scheduleCurriculum(course);

  it('prints the timetable with the schedule’s slots, day by day', () => {
    const section = build(course, 'full').sections.find((s) => s.id === 'timetable');
    const tables = tablesOf(section?.blocks ?? []);
    const teachingDays = schedule.days.filter((d) => d.slots.some((s) => s.kind === 'lesson' || s.kind === 'session'));
    expect(tables).toHaveLength(teachingDays.length);
    teachingDays.forEach((day, index) => {
      const table = tables[index];
      if (!table) throw new Error('missing day table');
      expect(table.caption).toBe(`Day ${day.day}`);
      expect(table.rows.map((_r, row) => cellText(table, row, 0))).toEqual(day.slots.map((s) => `${s.start}–${s.end}`));
      day.slots.forEach((slot, row) => {
        expect(table.rows[row]?.[0]?.shade === 'break').toBe(slot.kind === 'break' || slot.kind === 'lunch');
      });
    });
  });

  it('prints the daily recap and buffer as rows of their own, and the end of a short last day as one free-time row', () => {
    const rules: Curriculum = { ...course, scheduling: { ...course.scheduling, recapMinutes: 15, bufferMinutes: 20 } };
    const tables = tablesOf(build(rules, 'full').sections.find((s) => s.id === 'timetable')?.blocks ?? []);
    const texts = (table: PlanTable | undefined) => (table?.rows ?? []).map((_r, row) => (table ? cellText(table, row, 1) : ''));
    expect(texts(tables[0])).not.toContain('Recap of the day before');
    expect(texts(tables[1])[0]).toBe('Recap of the day before');
    expect(tables[1]?.rows[0]?.[1]?.shade).toBe('muted');
    expect(texts(tables[1])).toContain('Buffer');

    const lastDay = schedule.days.filter((d) => d.slots.some((s) => s.kind === 'lesson' || s.kind === 'session')).at(-1);
    const lastTaught = lastDay?.slots.findLast((s) => s.kind === 'lesson' || s.kind === 'session');
    const dayEnd = lastDay?.slots.at(-1)?.end;
    expect(lastTaught && dayEnd && lastTaught.end < dayEnd).toBe(true);
    const last = tablesOf(build(course, 'full').sections.find((s) => s.id === 'timetable')?.blocks ?? []).at(-1);
    expect(texts(last).at(-1)).toBe('Free time');
    expect(texts(last).filter((t) => t === 'Free time')).toHaveLength(1);
    expect(last ? cellText(last, last.rows.length - 1, 0) : '').toBe(`${lastTaught?.end ?? ''}–${dayEnd ?? ''}`);
  });

  /** The clock times in the first column of each row, and whether the row is a break. */
  function timeColumn(table: PlanTable): { time: string; isBreak: boolean }[] {
    return table.rows.map((row, index) => ({ time: cellText(table, index, 0).split('\n')[0] ?? '', isBreak: row[1]?.shade === 'break' }));
  }

  /** Each step's interval, with the day's breaks that fall between two steps in their place. */
  function expectedTimes(placement: Placement): { time: string; isBreak: boolean }[] {
    const breaks = schedule.days[placement.day - 1]?.slots.filter((s) => s.kind === 'break' || s.kind === 'lunch') ?? [];
    return placement.intervals.flatMap((interval, index) => {
      const previous = placement.intervals[index - 1];
      const between = previous ? breaks.filter((b) => b.startMinute >= previous.endMinute && b.endMinute <= interval.startMinute) : [];
      return [...between.map((b) => ({ time: `${b.start}–${b.end}`, isBreak: true })), { time: `${interval.start}–${interval.end}`, isBreak: false }];
    });
  }

  it('gives each step of a lesson plan its interval from the schedule, and a row to a break or lunch taken inside the lesson', () => {
    const lessons = schedule.placements.filter((p) => p.kind === 'lesson');
    for (const variant of ['trainer', 'full'] as const) {
      const plan = build(course, variant);
      for (const placement of lessons) {
        const [itemId, index] = placement.unitKey.split('/');
        const section = variant === 'trainer' ? plan.sections.find((s) => s.id === `lesson-${itemId ?? ''}-${index ?? ''}`) : plan.sections.find((s) => s.id === `module-${itemId ?? ''}`);
        const table = tablesOf(section?.blocks ?? []).find((t) => t.rows.length === expectedTimes(placement).length && timeColumn(t)[0]?.time === `${placement.intervals[0]?.start ?? ''}–${placement.intervals[0]?.end ?? ''}`);
        expect(table, `${variant} ${placement.unitKey}`).toBeDefined();
        if (table) expect(timeColumn(table)).toEqual(expectedTimes(placement));
      }
    }
    // The sample course has lessons that run over lunch, so the rows above are not all steps.
    const lunches = lessons.flatMap(expectedTimes).filter((row) => row.isBreak);
    expect(lunches.length).toBeGreaterThan(0);
    const lunchRow = build(course, 'trainer').sections.flatMap((s) => tablesOf(s.blocks)).flatMap((t) => t.rows).find((row) => row[1]?.shade === 'break' && cellTextOf(row[1]) === 'Lunch');
    expect(lunchRow).toBeDefined();
  });
});

describe('text of every document', () => {
  it('holds no literal Markdown emphasis and no link markup', () => {
    for (const variant of EXPORT_VARIANTS) {
      const plan = build(course, variant);
      for (const text of planTexts(plan)) {
        // Emphasis that parsed must not leave its markers; "____" answer blanks are not emphasis.
        expect(text, variant).not.toMatch(/\*\*|\*[^\s*][^*]*\*|(?<![\w_])_[^\s_][^_]*_(?![\w_])/);
        expect(text, variant).not.toMatch(/\]\(https?:/);
      }
      for (const inline of planInlines(plan)) if (inline.kind === 'link') expect(inline.href).toMatch(/^(https?:\/\/|mailto:)/);
    }
  });

  it('fills the sample course’s placeholders', () => {
    const texts = planTexts(build(course, 'full'));
    expect(texts.some((t) => t.includes('Veridia'))).toBe(true);
    expect(texts.some((t) => /\{[a-z][a-z0-9_]*\}/.test(t))).toBe(false);
  });

  it('shows a placeholder without a value as unfilled', () => {
    const { country: _dropped, ...rest } = course.placeholders;
    const runs = planInlines(build({ ...course, placeholders: rest }, 'full'));
    const country = runs.filter((r) => r.kind === 'placeholder' && r.name === 'country');
    expect(country.length).toBeGreaterThan(0);
    expect(country.every((r) => r.kind === 'placeholder' && r.value === undefined)).toBe(true);
    expect(inlinesText(country.slice(0, 1))).toBe('{country}');
  });
});
