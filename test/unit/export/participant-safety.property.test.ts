/**
 * Property tests of the participant-safety check: a trainer-only sentence planted anywhere in the text
 * participants receive, in English, French or Arabic, typed in another case, with other punctuation and
 * spacing, with or without Arabic diacritics, tatweel and hamza forms, is refused; and courses made only
 * of sample modules are never refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportVariant } from '../../../shared/domain/export/plan';
import type { Language } from '../../../shared/domain/languages';
import { AppError } from '../../../shared/errors';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { Lesson, Module } from '../../../shared/schemas/module';
import { curriculum, moduleItem, modules, sampleModule } from '../curriculum/sample';
import { planInput } from '../../fixtures/export/plan-sample';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const RUNS = 60;

/** Words a trainer sentence is made of: none shorter than four letters, so every sentence of six or more counts. */
const WORDS: Record<Language, readonly string[]> = {
  en: ['keep', 'names', 'officers', 'involved', 'incident', 'private', 'remind', 'group', 'confidential', 'witness', 'statement', 'never', 'station', 'record', 'evidence', 'colleague', 'complaint', 'warning', 'answer', 'silence'],
  fr: ['garder', 'noms', 'agents', 'impliqués', 'incident', 'secret', 'rappeler', 'groupe', 'confidentiel', 'témoin', 'déclaration', 'jamais', 'commissariat', 'registre', 'preuve', 'collègue', 'plainte', 'sévère', 'réponse', 'élève'],
  ar: ['احتفظ', 'بأسماء', 'الضباط', 'المتورطين', 'الحادثة', 'سرية', 'ذكّر', 'المجموعة', 'إفادة', 'الشاهد', 'أبدًا', 'المركز', 'السجل', 'الأدلة', 'الزميل', 'الشكوى', 'التحذير', 'الإجابة', 'آمنة', 'إلى'],
};

const SAMPLE: Record<Language, string> = { en: 'hr-foundations', fr: 'hr-foundations-fr', ar: 'hr-foundations-ar' };

/** Where the trainer sentence is written. Trainer activities and answers are written anew, so that they share nothing else with the participant text. */
const KINDS = ['trainer notes', 'extra course notes', 'sensitive handout', 'trainer activity', 'answer'] as const;
type Kind = (typeof KINDS)[number];

/** Where it is planted: an existing paragraph (at its start, middle or end), a new list item, a step's task, a test question. */
const PLACES = ['paragraph start', 'paragraph middle', 'paragraph end', 'list item', 'participant activity', 'question'] as const;
type Place = (typeof PLACES)[number];

type Plant = {
  language: Language;
  lesson: number;
  words: number[];
  kind: Kind;
  place: Place;
  /** Which paragraph, step or question, modulo how many there are. */
  target: number;
  caseChange: 'none' | 'upper' | 'lower';
  ending: string;
  quotes: boolean;
  spaces: string[];
  /** Arabic: marks added to the planted copy, or to the trainer's copy. */
  marks: 'none' | 'planted' | 'trainer';
  /** French: the planted copy without its accents. */
  stripAccents: boolean;
};

const plantArb: fc.Arbitrary<Plant> = fc.record({
  language: fc.constantFrom<Language>('en', 'fr', 'ar'),
  lesson: fc.nat({ max: 2 }),
  words: fc.array(fc.nat({ max: 19 }), { minLength: 7, maxLength: 14 }),
  kind: fc.constantFrom(...KINDS),
  place: fc.constantFrom(...PLACES),
  target: fc.nat({ max: 50 }),
  caseChange: fc.constantFrom('none', 'upper', 'lower'),
  ending: fc.constantFrom('.', '!', '?', '…', ';', '', ' ؟'),
  quotes: fc.boolean(),
  spaces: fc.array(fc.constantFrom(' ', '  ', ' \u00a0', '\n', ', ', ' – '), { minLength: 14, maxLength: 14 }),
  marks: fc.constantFrom('none', 'planted', 'trainer'),
  stripAccents: fc.boolean(),
});

/** Fatha, damma, kasra, shadda, sukun and tatweel after Arabic letters, and alef with hamza for bare alef. */
function arabicMarks(text: string): string {
  const marks = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u0640'];
  let index = 0;
  return text.replace(/[\u0628-\u064a]/gu, (letter) => `${letter}${marks[index++ % (marks.length + 2)] ?? ''}`).replace(/ا/gu, 'أ');
}

function sentences(plant: Plant): { trainer: string; planted: string } {
  const words = plant.words.map((n) => WORDS[plant.language][n] ?? '');
  const trainer = `${words.join(' ')}.`;
  let planted = words.map((w, i) => (i === 0 ? w : `${plant.spaces[i - 1] ?? ' '}${w}`)).join('');
  if (plant.caseChange === 'upper') planted = planted.toUpperCase();
  if (plant.caseChange === 'lower') planted = planted.toLowerCase();
  if (plant.stripAccents) planted = planted.normalize('NFD').replace(/\p{Mn}/gu, '');
  if (plant.language === 'ar' && plant.marks === 'planted') planted = arabicMarks(planted);
  planted = `${planted}${plant.ending}`;
  if (plant.quotes) planted = plant.language === 'fr' ? `« ${planted} »` : `"${planted}"`;
  return { trainer: plant.language === 'ar' && plant.marks === 'trainer' ? arabicMarks(trainer) : trainer, planted };
}

/** Paragraphs of a Markdown text with at least three words, the only ones a sentence is planted in. */
function paragraphIndexes(body: string): number[] {
  return body
    .split('\n\n')
    .flatMap((p, i) => (p.split(/\s+/).length >= 3 && !/^(- |\d+\. )/.test(p) ? [i] : []));
}

function plantIn(body: string, planted: string, place: Place, target: number): string {
  const paragraphs = body.split('\n\n');
  if (place === 'list item') {
    // A new item between words of the handout: at least three before and after, so the item says more than the sentence.
    const words = body.split(/\s+/).filter((w) => /^\p{L}+$/u.test(w));
    return `${body}\n\n- ${words.slice(0, 3).join(' ')} ${planted} ${words.slice(3, 7).join(' ')}`;
  }
  const candidates = paragraphIndexes(body);
  const index = candidates[target % candidates.length] ?? 0;
  const paragraph = paragraphs[index] ?? '';
  const words = paragraph.split(' ');
  const middle = Math.floor(words.length / 2);
  paragraphs[index] =
    place === 'paragraph start' ? `${planted} ${paragraph}` : place === 'paragraph end' ? `${paragraph} ${planted}` : [...words.slice(0, middle), planted, ...words.slice(middle)].join(' ');
  return paragraphs.join('\n\n');
}

function withTrainerSentence(lesson: Lesson, kind: Kind, trainer: string, target: number): Lesson {
  switch (kind) {
    case 'trainer notes':
      return { ...lesson, trainerNotes: `${lesson.trainerNotes}\n\n${trainer}` };
    case 'sensitive handout':
      return { ...lesson, handouts: [...lesson.handouts, { id: 'planted-case-file', title: 'Case file', body: trainer, sensitivity: { warning: 'Graphic detail.', participantVisible: false } }] };
    case 'trainer activity':
      return { ...lesson, steps: lesson.steps.map((s, i) => (i === target % lesson.steps.length ? { ...s, trainerActivity: trainer } : s)) };
    case 'answer':
      return { ...lesson, evaluation: lesson.evaluation.map((e, i) => (i === target % lesson.evaluation.length ? { ...e, answer: trainer } : e)) };
    case 'extra course notes':
      return lesson;
  }
}

/** The lesson with the sentence planted where `place` says, and the document that then prints it. */
function withPlanted(lesson: Lesson, plant: Plant, planted: string): { lesson: Lesson; variant: ExportVariant } {
  if (plant.place === 'participant activity') {
    // Among the steps participants see (a sensitive step's task is not printed for them).
    const shown = lesson.steps.flatMap((s, i) => (s.sensitivity && !s.sensitivity.participantVisible ? [] : [i]));
    const step = shown[plant.target % shown.length];
    return { lesson: { ...lesson, steps: lesson.steps.map((s, i) => (i === step ? { ...s, participantActivity: plantIn(s.participantActivity, planted, 'paragraph end', 0) } : s)) }, variant: 'participant' };
  }
  if (plant.place === 'question') {
    const pre = lesson.evaluation.flatMap((e, i) => (e.use.includes('pre-test') ? [i] : []));
    const item = pre[plant.target % pre.length] ?? 0;
    return { lesson: { ...lesson, evaluation: lesson.evaluation.map((e, i) => (i === item ? { ...e, question: plantIn(e.question, planted, 'paragraph middle', 0) } : e)) }, variant: 'pre-test' };
  }
  // Among the handouts participants receive (not the sensitive one the sentence may have been written in).
  const released = lesson.handouts.flatMap((h, i) => (h.sensitivity ? [] : [i]));
  const handout = released[plant.target % released.length];
  return { lesson: { ...lesson, handouts: lesson.handouts.map((h, i) => (i === handout ? { ...h, body: plantIn(h.body, planted, plant.place, plant.target) } : h)) }, variant: 'participant' };
}

function plantedCourse(plant: Plant): { course: Curriculum; variant: ExportVariant } {
  const module = sampleModule(SAMPLE[plant.language]);
  const { trainer, planted } = sentences(plant);
  let variant: ExportVariant = 'participant';
  const lessons = module.lessons.map((lesson, index) => {
    if (index !== plant.lesson) return lesson;
    const result = withPlanted(withTrainerSentence(lesson, plant.kind, trainer, plant.target), plant, planted);
    variant = result.variant;
    return result.lesson;
  });
  const course = curriculumForModule({ ...module, lessons }, NOW);
  if (plant.kind === 'extra course notes') {
    const code = module.lessons[plant.lesson]?.code ?? '';
    const item = course.items[0];
    if (item?.kind === 'module') course.items[0] = { ...item, lessons: [{ lessonCode: code, trainerNotes: trainer }] };
  }
  return { course, variant };
}

function refusal(course: Curriculum, variant: ExportVariant): AppError | undefined {
  try {
    buildExportPlan(planInput(course), { variant, paper: 'a4', annexes: true });
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('participant safety: planted trainer sentences', () => {
  it('refuses a trainer-only sentence planted anywhere in participant text, in English, French and Arabic', () => {
    fc.assert(
      fc.property(plantArb, (plant) => {
        const { course, variant } = plantedCourse(plant);
        const error = refusal(course, variant);
        expect(error?.code, JSON.stringify(plant)).toBe('forbidden');
        const module = course.items[0]?.kind === 'module' ? course.items[0].snapshot : undefined;
        expect(error?.message).toContain(module?.title ?? '');
        expect(error?.message).toContain(`lesson ${module?.lessons[plant.lesson]?.code ?? ''}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('names the sentence it found, as the trainer wrote it', () => {
    const plant: Plant = { language: 'ar', lesson: 1, words: [0, 1, 2, 3, 4, 5, 6, 7], kind: 'trainer notes', place: 'paragraph middle', target: 0, caseChange: 'none', ending: '.', quotes: false, spaces: Array<string>(14).fill(' '), marks: 'planted', stripAccents: false };
    const { course, variant } = plantedCourse(plant);
    expect(refusal(course, variant)?.message).toContain(`"${sentences(plant).trainer}"`);
  });
});

/** Sample modules of one language. */
function modulesIn(language: Language): Module[] {
  return [...modules.values()].filter((m) => m.language === language);
}

describe('participant safety: clean courses', () => {
  it('never refuses a course made of sample modules of one language, with lessons left out and placeholders filled', () => {
    const courseArb = fc.constantFrom<Language>('en', 'fr', 'ar').chain((language) =>
      fc.record({
        language: fc.constant(language),
        picked: fc.shuffledSubarray(modulesIn(language), { minLength: 1, maxLength: Math.min(4, modulesIn(language).length) }),
        omit: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        variant: fc.constantFrom<ExportVariant>('participant', 'pre-test', 'post-test'),
        country: fc.constantFrom('Veridia', 'Ruritania', 'la République de Nova', 'جمهورية نوفا'),
      }),
    );
    fc.assert(
      fc.property(courseArb, ({ language, picked, omit, variant, country }) => {
        const items = picked.map((m) => moduleItem(m.id, { lessons: m.lessons.slice(1).flatMap((l, i) => (omit[i] ? [{ lessonCode: l.code, omit: true }] : [])) }));
        const course = curriculum(items, { language, days: 20, placeholders: { country, oversight_body: 'Independent Police Complaints Authority' } });
        expect(refusal(course, variant)).toBeUndefined();
      }),
      { numRuns: 25 },
    );
  });
});
