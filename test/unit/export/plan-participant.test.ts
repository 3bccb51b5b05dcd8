import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import { assertParticipantSafe } from '../../../shared/domain/export/participant-safety';
import type { ExportPlan, ExportVariant } from '../../../shared/domain/export/plan';
import { planTexts } from '../../../shared/domain/export/plan-text';
import { markdownToPlainText } from '../../../shared/domain/markdown';
import { courseNumbering } from '../../../shared/domain/references/numbering';
import { printModuleRefs } from '../../../shared/domain/references/resolve';
import { AppError } from '../../../shared/errors';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { Lesson, Module } from '../../../shared/schemas/module';
import { MODULE_IDS, planInput, sampleCourse, sampleModule } from '../../fixtures/export/plan-sample';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const PARTICIPANT: readonly ExportVariant[] = ['participant', 'pre-test', 'post-test'];

function build(curriculum: Curriculum, variant: ExportVariant): ExportPlan {
  return buildExportPlan(planInput(curriculum), { variant, paper: 'a4', annexes: true });
}

/** Paragraphs and list items of a Markdown text as plain lines, list markers removed. */
function lines(source: string): string[] {
  return markdownToPlainText(source)
    .split('\n')
    .map((line) => line.replace(/^(-|\d+\.) /, '').replace(/\s+/g, ' ').trim());
}

/**
 * Trainer-only lines of a lesson long enough not to occur by chance. An answer line that the lesson's own
 * participant material already prints (a marking guide quoting the handout) is not secret.
 */
function trainerOnlyLines(lesson: Lesson): string[] {
  const material = [
    ...lesson.handouts.filter((h) => !h.sensitivity || h.sensitivity.participantVisible).map((h) => h.body),
    ...lesson.steps.filter((s) => !s.sensitivity || s.sensitivity.participantVisible).map((s) => s.participantActivity),
  ].flatMap(lines);
  const hiddenSteps = lesson.steps.filter((s) => s.sensitivity && !s.sensitivity.participantVisible);
  const hiddenHandouts = lesson.handouts.filter((h) => h.sensitivity && !h.sensitivity.participantVisible);
  return [
    ...lines(lesson.trainerNotes),
    ...lesson.steps.flatMap((s) => lines(s.trainerActivity)),
    ...hiddenSteps.flatMap((s) => [...lines(s.participantActivity), s.sensitivity?.warning ?? '']),
    ...hiddenHandouts.flatMap((h) => [...lines(h.body), h.sensitivity?.warning ?? '']),
    ...lesson.evaluation.flatMap((e) => lines(e.answer).filter((line) => !material.includes(line))),
  ].filter((line) => line.length >= 40);
}

function withLesson(module: Module, change: (lesson: Lesson) => Lesson): Module {
  return { ...module, lessons: module.lessons.map((lesson, index) => (index === 0 ? change(lesson) : lesson)) };
}

describe('participant documents of every sample module', () => {
  it.each(MODULE_IDS)('%s: holds none of the module’s trainer-only text', (id) => {
    // Compared as printed: references in the texts become "Handout 1.1B", "Lesson 1.2" in the one-module course.
    const source = sampleModule(id);
    const module = printModuleRefs(source, courseNumbering(curriculumForModule(source, NOW)), source.language);
    const secrets = module.lessons.flatMap(trainerOnlyLines);
    // The same comparison finds the trainer notes and activities in the full document, so it can fail.
    const fullText = planTexts(build(curriculumForModule(module, NOW), 'full')).join('\n').replace(/\s+/g, ' ');
    const taught = module.lessons.flatMap((l) => [...lines(l.trainerNotes), ...l.steps.flatMap((s) => lines(s.trainerActivity))]).filter((line) => line.length >= 40);
    expect(taught.length).toBeGreaterThan(0);
    for (const line of taught) expect(fullText.includes(line), line).toBe(true);
    for (const variant of PARTICIPANT) {
      const text = planTexts(build(curriculumForModule(module, NOW), variant)).join('\n').replace(/\s+/g, ' ');
      for (const secret of secrets) expect(text.includes(secret), `${variant}: ${secret}`).toBe(false);
    }
  });

  it('prints released sensitive handouts with their content warning and leaves the others out', () => {
    const module = sampleModule('sgbv-response');
    const text = planTexts(build(curriculumForModule(module, NOW), 'participant')).join('\n');
    const handouts = module.lessons.flatMap((l) => l.handouts);
    // Numbered in the one-module course: "Handout 1.3B: Case record review".
    module.lessons.forEach((lesson, li) => {
      lesson.handouts.forEach((handout, index) => {
        const visible = !handout.sensitivity || handout.sensitivity.participantVisible;
        const heading = `Handout 1.${li + 1}${'ABCDEFGH'.charAt(index)}: ${handout.title}`;
        expect(text.includes(heading), heading).toBe(visible);
      });
    });
    expect(handouts.some((h) => h.sensitivity && !h.sensitivity.participantVisible)).toBe(true);
  });

  it('leaves out the sample course’s trainer notes in the participant handouts of the whole course', () => {
    const course = sampleCourse();
    const text = planTexts(build(course, 'participant')).join('\n');
    expect(text).not.toContain('Trainer notes');
    expect(text).not.toContain('Trainer activity');
  });
});

describe('the export refuses participant documents with trainer-only text', () => {
  const source = sampleModule('hr-foundations');

  it('refuses a handout that copies the trainer notes, naming the module, the lesson and the kind of text', () => {
    const crafted = withLesson(source, (lesson) => ({ ...lesson, handouts: [...lesson.handouts, { id: 'extra-reading', title: 'Extra reading', body: lesson.trainerNotes }] }));
    const curriculum = curriculumForModule(crafted, NOW);
    let error: unknown;
    try {
      build(curriculum, 'participant');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'forbidden' });
    const message = (error as AppError).message;
    expect(message).toContain('trainer notes');
    expect(message).toContain(source.title);
    expect(message).toContain(`lesson ${source.lessons[0]?.code ?? ''}`);
    // The same module is fine in a trainer document.
    expect(() => build(curriculum, 'trainer')).not.toThrow();
  });

  it('refuses a handout quoting one paragraph of a trainer activity, in different case and spacing', () => {
    const activity = source.lessons[0]?.steps[1]?.trainerActivity ?? '';
    const paragraph = lines(activity).find((line) => line.length >= 40) ?? '';
    expect(paragraph).not.toBe('');
    const crafted = withLesson(source, (lesson) => ({
      ...lesson,
      handouts: [...lesson.handouts, { id: 'summary-extra', title: 'Summary', body: `Read this first.\n\n${paragraph.toUpperCase().replace(/ /g, '   ')}` }],
    }));
    expect(() => build(curriculumForModule(crafted, NOW), 'participant')).toThrow(/trainer activity/);
  });

  it('refuses a pre-test whose question gives its own answer away', () => {
    const crafted = withLesson(source, (lesson) => ({
      ...lesson,
      evaluation: lesson.evaluation.map((item, index) =>
        index === 0 ? { ...item, question: `${item.question}\n\n(${item.answer})`, use: ['pre-test' as const] } : item,
      ),
    }));
    expect(() => build(curriculumForModule(crafted, NOW), 'pre-test')).toThrow(AppError);
    expect(() => build(curriculumForModule(crafted, NOW), 'answer-key')).not.toThrow();
  });

  it('refuses the course’s extra trainer notes pasted into a handout', () => {
    const notes = 'Keep the names of the officers involved in the 2024 incident out of the discussion.';
    const course = sampleCourse();
    const crafted: Curriculum = {
      ...course,
      items: course.items.map((item) =>
        item.kind === 'module' && item.id === 'ethics-integrity'
          ? {
              ...item,
              snapshot: withLesson(item.snapshot, (lesson) => ({ ...lesson, handouts: [...lesson.handouts, { id: 'notes-extra', title: 'Notes', body: notes }] })),
              lessons: [{ lessonCode: '3.2', trainerNotes: notes }],
            }
          : item,
      ),
    };
    expect(() => build(crafted, 'participant')).toThrow(/extra trainer notes/);
  });

  it('checks a finished plan, so a builder mistake cannot leak either', () => {
    const curriculum = curriculumForModule(source, NOW);
    const plan = build(curriculum, 'participant');
    const leaked: ExportPlan = {
      ...plan,
      sections: [...plan.sections, { id: 'oops', blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: source.lessons[1]?.trainerNotes ?? '' }] }] }],
    };
    expect(() => {
      assertParticipantSafe(leaked, curriculum);
    }).toThrow(AppError);
    expect(() => {
      assertParticipantSafe({ ...leaked, variant: 'full' }, curriculum);
    }).not.toThrow();
  });
});
