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

  it('exports every lesson of every sample module, and the sample course, without a refusal', () => {
    const refused: string[] = [];
    const tryBuild = (name: string, curriculum: Curriculum): void => {
      for (const variant of PARTICIPANT)
        try {
          build(curriculum, variant);
        } catch (error) {
          refused.push(`${name} ${variant}: ${(error as Error).message}`);
        }
    };
    for (const id of MODULE_IDS) {
      const module = sampleModule(id);
      module.lessons.forEach((_lesson, index) => {
        tryBuild(`${id} lesson ${index + 1}`, curriculumForModule(module, NOW, index));
      });
    }
    tryBuild('sample course', sampleCourse());
    expect(refused).toEqual([]);
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

  /** The module with `change` applied to its lesson `index`. */
  function withLessonAt(module: Module, index: number, change: (lesson: Lesson) => Lesson): Module {
    return { ...module, lessons: module.lessons.map((lesson, i) => (i === index ? change(lesson) : lesson)) };
  }

  /** The first handout's first paragraph with `text` put in its middle. */
  function quotedInHandout(lesson: Lesson, text: string): Lesson {
    return {
      ...lesson,
      handouts: lesson.handouts.map((h, i) => {
        if (i > 0) return h;
        const [first = '', ...rest] = h.body.split('\n\n');
        const words = first.split(' ');
        return { ...h, body: [[...words.slice(0, 12), text, ...words.slice(12)].join(' '), ...rest].join('\n\n') };
      }),
    };
  }

  function refusalOf(module: Module, variant: ExportVariant = 'participant'): string {
    try {
      build(curriculumForModule(module, NOW), variant);
    } catch (error) {
      expect(error).toMatchObject({ code: 'forbidden' });
      return (error as AppError).message;
    }
    return '';
  }

  it('refuses one sentence of the trainer notes quoted inside a longer handout paragraph, naming module, lesson and sentence', () => {
    const sentence = 'Participants trust the lesson more when the national framework is accurate and specific.';
    expect(source.lessons[0]?.trainerNotes).toContain(sentence);
    const message = refusalOf(withLesson(source, (lesson) => quotedInHandout(lesson, sentence)));
    expect(message).toContain('(trainer notes)');
    expect(message).toContain(`module 1 "${source.title}"`);
    expect(message).toContain(`lesson ${source.lessons[0]?.code ?? ''}`);
    expect(message).toContain(`"${sentence}"`);
  });

  it('refuses a trainer sentence holding a reference, quoted as printed ("Handout 1.1B") in a handout', () => {
    const handout = source.lessons[0]?.handouts[1];
    if (!handout) throw new Error('the sample lesson has no second handout');
    const crafted = withLesson(source, (lesson) => ({ ...lesson, trainerNotes: `${lesson.trainerNotes}\n\nHide the answers to [[handout:${handout.id}]] under the flip chart.` }));
    expect(refusalOf(crafted)).toBe('');
    const quoted = withLesson(crafted, (lesson) => quotedInHandout(lesson, 'Hide the answers to Handout 1.1B under the flip chart.'));
    expect(refusalOf(quoted)).toContain('(trainer notes)');
  });

  it('refuses a sentence of an answer quoted inside a longer handout paragraph', () => {
    const answer = source.lessons[0]?.evaluation[1]?.answer ?? '';
    const sentence = 'Universal = they apply to everyone without exception, including suspects, foreigners and detainees (1); example, e.g. a foreign national without papers who is arrested is entitled to humane treatment and information on the reasons for arrest (1).';
    expect(answer).toContain(sentence);
    expect(refusalOf(withLesson(source, (lesson) => quotedInHandout(lesson, sentence.toLowerCase())))).toContain('(answer or marking guide)');
  });

  it('refuses a sentence of a sensitive handout that is not released, in a released one', () => {
    const module = sampleModule('sgbv-response');
    const sentence = 'She is shaking and her clothes are torn.';
    expect(module.lessons[0]?.handouts.some((h) => h.sensitivity?.participantVisible === false && h.body.includes(sentence))).toBe(true);
    const crafted = withLessonAt(module, 1, (lesson) => ({ ...lesson, steps: lesson.steps.map((s, i) => (i === 0 ? { ...s, participantActivity: `${s.participantActivity} ${sentence}` } : s)) }));
    expect(refusalOf(crafted)).toContain('(sensitive handout)');
  });

  it('refuses a sentence of a trainer activity in another lesson’s handout, not in the handout the activity presents', () => {
    const module = sampleModule('ethics-integrity');
    const sentence = 'Could I explain it openly to my supervisor, a court, my family, the public?';
    // The activity presents Handout 3.3A, which holds the same questions: the module exports.
    expect(module.lessons[2]?.steps[1]?.trainerActivity).toContain(sentence);
    expect(module.lessons[2]?.handouts[0]?.body).toContain(sentence);
    expect(refusalOf(module)).toBe('');
    expect(refusalOf(withLessonAt(module, 0, (lesson) => quotedInHandout(lesson, sentence)))).toContain('(trainer activity)');
  });

  it('refuses twelve words in a row of the trainer notes in a handout, and eight in a plan whose participant texts do not hold them', () => {
    const notes = 'Prepare carefully the list of treaties ratified by {country}, the applicable regional system and the exact title of {national_police_law}.';
    expect(source.lessons[0]?.trainerNotes).toContain(notes);
    // Ten words of a trainer note are how notes discuss a handout's case; twelve are a copy.
    const ten = 'Prepare carefully the list of treaties ratified by our country';
    const twelve = 'We prepare carefully the list of treaties ratified by {country}, the applicable regional system';
    expect(refusalOf(withLesson(source, (lesson) => quotedInHandout(lesson, ten)))).toBe('');
    expect(refusalOf(withLesson(source, (lesson) => quotedInHandout(lesson, twelve)))).toContain('(trainer notes)');
    const curriculum = curriculumForModule(source, NOW);
    const plan = build(curriculum, 'participant');
    const eight: ExportPlan = { ...plan, sections: [...plan.sections, { id: 'oops', blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Remember: participants trust the lesson more when the national flag is shown.' }] }] }] };
    expect(() => {
      assertParticipantSafe(eight, curriculum);
    }).toThrow(/trainer notes/);
  });

  it('lets short common sentences and the names of instruments and placeholder values through', () => {
    const crafted = withLesson(source, (lesson) => ({
      ...lesson,
      trainerNotes: `${lesson.trainerNotes}\n\nDiscuss in pairs. Yes. Form groups of four people.\n\nRead the Basic Principles on the Use of Force and Firearms by Law Enforcement Officials (1990) aloud.`,
      handouts: lesson.handouts.map((h, i) =>
        i === 0 ? { ...h, body: `${h.body}\n\nDiscuss in pairs. Yes. Form groups of four people. Then read the Basic Principles on the Use of Force and Firearms by Law Enforcement Officials (1990) aloud.` } : h,
      ),
    }));
    expect(refusalOf(crafted)).toBe('');
    expect(refusalOf(crafted, 'pre-test')).toBe('');
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
