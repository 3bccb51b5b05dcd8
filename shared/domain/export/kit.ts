/**
 * The trainer kit: every document a course needs to be run, exported in one go with consistent names
 * (`<course>-01-curriculum.docx` …), so that a folder or an archive sorts in the order a trainer uses them.
 * A document with nothing to print for this course (a pre-test the course does not hold, a checklist of a
 * course without practical items) is left out of the kit and named as left out, rather than exported as a
 * document that only says it is empty.
 */
import { plannedTest, practicalItems, writtenCandidates, type TestKind } from '../curriculum/assessment';
import { effectiveLessons } from '../curriculum/effective-lessons';
import type { Curriculum } from '../../schemas/curriculum';
import { courseFileBase } from './file-name';
import type { ExportVariant } from './plan';

/** The kit's documents in order, with the part of the file name that says what each is. */
export const KIT_DOCUMENTS = [
  { variant: 'full', name: 'curriculum' },
  { variant: 'trainer', name: 'trainer-plans' },
  { variant: 'participant', name: 'participant-handouts' },
  { variant: 'pre-test', name: 'pre-test' },
  { variant: 'post-test', name: 'post-test' },
  { variant: 'answer-key', name: 'answer-key' },
  { variant: 'observation-checklist', name: 'observation-checklist' },
  { variant: 'evaluation-form', name: 'evaluation-form' },
] as const satisfies readonly { variant: ExportVariant; name: string }[];

/** Why a document is not in a kit. */
export const KIT_OMISSIONS = ['no-lessons', 'no-test-items', 'no-practical-items'] as const;
export type KitOmission = (typeof KIT_OMISSIONS)[number];

export type KitDocument = { variant: ExportVariant; fileName: string };

export type KitContents = {
  /** "foundation-course-on-human-rights": the start of every name, and the kit's folder name with "-kit". */
  base: string;
  documents: KitDocument[];
  omitted: { variant: ExportVariant; reason: KitOmission }[];
};

function testHasItems(curriculum: Curriculum, test: TestKind): boolean {
  const planned = plannedTest(curriculum, test);
  return planned ? planned.items.some((c) => c.item.kind === 'written') : writtenCandidates(curriculum, test).length > 0;
}

function omission(curriculum: Curriculum, variant: ExportVariant): KitOmission | undefined {
  switch (variant) {
    case 'participant':
      return curriculum.items.some((i) => i.kind === 'module' && effectiveLessons(i).length > 0) ? undefined : 'no-lessons';
    case 'pre-test':
    case 'post-test':
      return testHasItems(curriculum, variant) ? undefined : 'no-test-items';
    case 'answer-key':
      return testHasItems(curriculum, 'pre-test') || testHasItems(curriculum, 'post-test') ? undefined : 'no-test-items';
    case 'observation-checklist':
      return practicalItems(curriculum).length > 0 ? undefined : 'no-practical-items';
    case 'full':
    case 'trainer':
    case 'evaluation-form':
      return undefined;
  }
}

/** What the kit of a course holds and what it leaves out, with the file name of each document. */
export function kitContents(curriculum: Curriculum): KitContents {
  const base = courseFileBase(curriculum.title, curriculum.id);
  const documents: KitDocument[] = [];
  const omitted: KitContents['omitted'] = [];
  KIT_DOCUMENTS.forEach(({ variant, name }, index) => {
    const reason = omission(curriculum, variant);
    if (reason) omitted.push({ variant, reason });
    // Numbers stay with the document, not its position in this kit: "07" is always the checklist.
    else documents.push({ variant, fileName: `${base}-${String(index + 1).padStart(2, '0')}-${name}.docx` });
  });
  return { base, documents, omitted };
}

/** The folder a kit is written into, or the top folder inside its archive. */
export function kitFolderName(contents: Pick<KitContents, 'base'>): string {
  return `${contents.base}-kit`;
}

/** The archive the web harness downloads. */
export function kitArchiveName(contents: Pick<KitContents, 'base'>): string {
  return `${kitFolderName(contents)}.zip`;
}
