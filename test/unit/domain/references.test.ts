import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../shared/domain/markdown';
import { ModuleSchema } from '../../../shared/schemas/module';
import { courseNumbering, libraryNumbering } from '../../../shared/domain/references/numbering';
import { printModuleRefs, printRef, printRefs } from '../../../shared/domain/references/resolve';
import { findRefs, formatRef, parseRef } from '../../../shared/domain/references/syntax';
import { curriculum, moduleItem, sampleModule } from '../curriculum/sample';

const force = sampleModule('use-of-force-firearms');
const ethics = sampleModule('ethics-integrity');
const [firstHandout, secondHandout] = force.lessons[0]?.handouts ?? [];

describe('reference syntax', () => {
  it('reads every kind, with or without a module and a fallback text', () => {
    expect(parseRef('handout', 'pocket-card')).toEqual({ kind: 'handout', id: 'pocket-card' });
    expect(parseRef('lesson', 'ethics-integrity/3.2', ' the lesson on corruption ')).toEqual({ kind: 'lesson', moduleId: 'ethics-integrity', id: '3.2', fallback: 'the lesson on corruption' });
    expect(parseRef('module', 'police-community-dialogue')).toEqual({ kind: 'module', moduleId: 'police-community-dialogue', id: 'police-community-dialogue' });
    expect(parseRef('lesson', 'intro')).toBeNull();
    expect(parseRef('chapter', '3')).toBeNull();
  });

  it('finds references in text and writes them back as they were', () => {
    const text = 'Give out [[handout:five-principles-police-use]] and announce [[lesson:ethics-integrity/3.2|the lesson on corruption]]. [[lesson:x]] stays text.';
    const refs = findRefs(text);
    expect(refs.map((r) => r.source)).toEqual(['[[handout:five-principles-police-use]]', '[[lesson:ethics-integrity/3.2|the lesson on corruption]]']);
    for (const { ref, source } of refs) expect(formatRef(ref)).toBe(source);
  });

  it('is one inline of the Markdown subset, inside emphasis too', () => {
    const [block] = parseMarkdown('See **[[handout:h1]]** and [[step:s3]].');
    expect(block?.kind === 'paragraph' ? block.children : []).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'strong', children: [{ kind: 'ref', ref: { kind: 'handout', id: 'h1' }, source: '[[handout:h1]]' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'ref', ref: { kind: 'step', id: 's3' }, source: '[[step:s3]]' },
      { kind: 'text', text: '.' },
    ]);
  });
});

describe('printing references', () => {
  const course = curriculum([moduleItem('ethics-integrity'), moduleItem('use-of-force-firearms', { lessons: [{ lessonCode: '4.2', omit: true }] })]);
  const inCourse = courseNumbering(course);
  const inLibrary = libraryNumbering([force, ethics]);
  const origin = { moduleId: force.id, lessonCode: '4.1' };

  it('prints the course numbers in a course and the library codes in the library', () => {
    const ref = { kind: 'handout' as const, id: secondHandout?.id ?? '' };
    expect(printRef(ref, origin, inCourse, 'en')).toEqual({ text: 'Handout 2.1B', found: true });
    expect(printRef(ref, origin, inLibrary, 'en')).toEqual({ text: 'Handout 4.1B', found: true });
    expect(printRef(ref, origin, inCourse, 'fr').text).toBe('Document 2.1B');
    expect(printRef(ref, origin, inCourse, 'ar').text).toBe('المطبوعة 2.1 ب');
    expect(printRef({ kind: 'module', moduleId: 'ethics-integrity', id: 'ethics-integrity' }, origin, inCourse, 'en').text).toBe('Module 1');
    expect(printRef({ kind: 'lesson', moduleId: 'ethics-integrity', id: '3.2' }, origin, inCourse, 'en').text).toBe('Lesson 1.2');
  });

  it('numbers lessons by teaching order: a lesson left out has no number and prints its fallback', () => {
    expect(printRef({ kind: 'lesson', id: '4.3' }, origin, inCourse, 'en').text).toBe('Lesson 2.2');
    expect(printRef({ kind: 'lesson', id: '4.2', fallback: 'the lesson on less-lethal weapons' }, origin, inCourse, 'en')).toEqual({ text: 'the lesson on less-lethal weapons', found: false });
    expect(printRef({ kind: 'module', moduleId: 'torture-prevention', id: 'torture-prevention' }, origin, inCourse, 'en')).toEqual({ text: '(not in this course)', found: false });
  });

  it('prints a step of the same lesson short, and of another lesson with its lesson', () => {
    const step = force.lessons[0]?.steps[2]?.id ?? '';
    expect(printRef({ kind: 'step', id: step }, origin, inCourse, 'en').text).toBe('step 3');
    expect(printRef({ kind: 'step', id: step }, { moduleId: force.id, lessonCode: '4.3' }, inCourse, 'en').text).toBe('Lesson 2.1, step 3');
  });

  it('prints every reference of a module’s texts, keeping untouched lessons as they were', () => {
    const lesson = force.lessons[0];
    if (!lesson || !firstHandout) throw new Error('sample changed');
    // The second lesson as it prints in the library: a lesson whose texts hold no reference.
    const plain = printModuleRefs(force, inLibrary, 'en').lessons.slice(1);
    const edited = { ...force, lessons: [{ ...lesson, trainerNotes: `Hand out [[handout:${firstHandout.id}]].` }, ...plain] };
    const printed = printModuleRefs(edited, inCourse, 'en');
    expect(printed.lessons[0]?.trainerNotes).toBe('Hand out Handout 2.1A.');
    expect(printed.lessons[1]).toBe(edited.lessons[1]);
    expect(printRefs('No reference here.', origin, inCourse, 'en')).toBe('No reference here.');
  });
});

describe('duplicating a lesson keeps its references to its own parts', () => {
  it('gives the copy new ids and points its references at them', async () => {
    const { duplicateLesson } = await import('../../../renderer/src/features/module-editor/duplicate-lesson');
    const lesson = force.lessons[0];
    if (!lesson || !firstHandout) throw new Error('sample changed');
    const module = { ...force, lessons: [{ ...lesson, trainerNotes: `Give out [[handout:${firstHandout.id}]] in [[step:${lesson.steps[1]?.id ?? ''}]].` }, ...force.lessons.slice(1)] };
    const copied = duplicateLesson(module, 0, (key, values) => `${key}:${String(values?.['title'] ?? '')}`);
    const copy = copied.lessons[1];
    expect(copy?.handouts.map((h) => h.id)).not.toContain(firstHandout.id);
    expect(copy?.trainerNotes).toBe(`Give out [[handout:${copy?.handouts[0]?.id ?? ''}]] in [[step:${copy?.steps[1]?.id ?? ''}]].`);
    expect(ModuleSchema.safeParse(copied).success).toBe(true);
  });
});
