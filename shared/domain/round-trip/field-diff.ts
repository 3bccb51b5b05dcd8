/**
 * The diff of an edited copy of one of our Word documents against the course or module it came from: one
 * change per marked field whose text differs, and every problem found on the way. Pure: the caller reads the
 * document (marked fields) and builds the present plan of the source with the same variant, so the
 * comparison is between the same printed forms and only real edits count as changes.
 *
 * Nothing is guessed: a field whose marker is damaged, duplicated, unended or shared with another field's
 * text, minutes that are not a number, and a required text that was emptied are reported and left out.
 */
import { effectiveLessons } from '../curriculum/effective-lessons';
import { labelsFor } from '../export/labels';
import type { ExportPlan } from '../export/plan';
import { parseMarkName, type MarkRef, type RoundTripSource } from '../export/round-trip-marks';
import type { Language } from '../languages';
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import type { Lesson } from '../../schemas/module';
import type { FieldChange, MarkProblem } from '../../schemas/round-trip';
import { comparable, fieldMarkdown, fieldPlainText, planFields, type FieldParagraph } from './field-text';

export type DiffInput = {
  source: RoundTripSource;
  /** The course as it is now; for a module document, the library module as a one-item course. */
  curriculum: Curriculum;
  /** The plan of `curriculum` for the document's variant, with its markers. */
  plan: ExportPlan;
  /** The document's marked fields (problems with them already reported by the reader). */
  fields: ReadonlyMap<string, FieldParagraph[]>;
  /** Names of markers the reader found but could not use, so they are not reported again as deleted. */
  unusable: ReadonlySet<string>;
  /** The library's present revision of a module, if it has the module. */
  libraryRevision: (moduleId: string) => number | undefined;
};

export type FieldDiff = { changes: FieldChange[]; unchanged: number; problems: MarkProblem[] };

const SHORT_TEXT = 300;
const LONG_TEXT = 20_000;

/** "30", "30 min", "1 h 30 min", "1 h" in the document's language; undefined for anything else. */
export function parseMinutes(text: string, language: Language): number | undefined {
  const l = labelsFor(language);
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^(?:(\\d{1,3})\\s*${escape(l.hoursShort)})?\\s*(?:(\\d{1,4})\\s*(?:${escape(l.minutesShort)})?)?$`, 'u');
  const match = pattern.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

type Located = { item: ModuleItem; lesson: Lesson; ref: MarkRef };

function describe(located: Located, language: Language): string {
  const { lesson, ref } = located;
  return `${located.item.snapshot.title}, ${labelsFor(language).lesson} ${lesson.code}, ${ref.field}${ref.index === undefined ? '' : ` ${String(ref.index + 1)}`}`;
}

function fieldLabel(lesson: Lesson, ref: MarkRef): string | undefined {
  const index = ref.index ?? 0;
  switch (ref.field) {
    case 'stepTrainer':
    case 'stepParticipant':
    case 'stepMinutes':
      return lesson.steps[index]?.title;
    case 'objective':
      return lesson.objectives[index] ? String(index + 1) : undefined;
    case 'handout':
      return lesson.handouts[index]?.title;
    case 'trainerNotes':
      return '';
  }
}

/** The field's present text in the source (Markdown or plain), as the lesson is taught in the course. */
function sourceText(lesson: Lesson, ref: MarkRef): string {
  const index = ref.index ?? 0;
  switch (ref.field) {
    case 'stepTrainer':
      return lesson.steps[index]?.trainerActivity ?? '';
    case 'stepParticipant':
      return lesson.steps[index]?.participantActivity ?? '';
    case 'stepMinutes':
      return String(lesson.steps[index]?.minutes ?? '');
    case 'objective':
      return lesson.objectives[index]?.text ?? '';
    case 'handout':
      return lesson.handouts[index]?.body ?? '';
    case 'trainerNotes':
      return lesson.trainerNotes;
  }
}

/** Computes the changes of one document against its source. */
export function diffFields(input: DiffInput): FieldDiff {
  const { source, curriculum, plan } = input;
  const language = curriculum.language;
  const problems: MarkProblem[] = [];
  const changes: FieldChange[] = [];
  let unchanged = 0;
  const printed = planFields(plan);
  const items = new Map<number, ModuleItem | null>();
  source.items.forEach((entry, index) => {
    const item = curriculum.items.find((i): i is ModuleItem => i.kind === 'module' && (source.kind === 'module' ? i.moduleId === entry.moduleId : i.id === entry.itemId));
    if (item && item.revision !== entry.revision) {
      problems.push({ kind: 'revision-changed', detail: `${item.snapshot.title}: exported at revision ${String(entry.revision)}, now revision ${String(item.revision)}` });
      items.set(index + 1, null);
    } else items.set(index + 1, item ?? null);
  });

  const locate = (name: string): Located | undefined => {
    const ref = parseMarkName(name);
    const item = ref ? items.get(ref.item) : undefined;
    if (!ref || !item) return undefined;
    const taught = effectiveLessons(item).find((e) => e.lessonIndex === ref.lesson);
    return taught ? { item, lesson: taught.lesson, ref } : undefined;
  };

  for (const [name, paragraphs] of input.fields) {
    const ref = parseMarkName(name);
    if (ref && items.get(ref.item) === null) continue; // Its module's revision changed: reported once above.
    const located = locate(name);
    const expected = printed.get(name);
    if (!located || !expected || fieldLabel(located.lesson, located.ref) === undefined) {
      problems.push({ kind: 'unknown-field', name });
      continue;
    }
    const { item, lesson } = located;
    const field = located.ref.field;
    const plainField = field === 'objective' || field === 'stepMinutes';
    const now = plainField ? fieldPlainText(paragraphs) : fieldMarkdown(paragraphs);
    const was = plainField ? fieldPlainText(expected) : fieldMarkdown(expected);
    if (comparable(now) === comparable(was)) {
      unchanged += 1;
      continue;
    }
    const before = sourceText(lesson, located.ref);
    let after = now;
    const where = describe(located, language);
    if (field === 'stepMinutes') {
      const minutes = parseMinutes(now, language);
      const range = lesson.steps[located.ref.index ?? 0]?.range;
      if (minutes === undefined || minutes < 1 || minutes > 480 || (range && (minutes < range.min || minutes > range.max))) {
        const allowed = range ? `${String(range.min)}–${String(range.max)}` : '1–480';
        problems.push({ kind: 'minutes-invalid', name, detail: `${where}: "${now}" is not a number of minutes in ${allowed}` });
        continue;
      }
      if (String(minutes) === before) {
        unchanged += 1;
        continue;
      }
      after = String(minutes);
    } else if (field === 'objective') {
      const objective = lesson.objectives[located.ref.index ?? 0];
      const suffix = objective ? ` (${labelsFor(language)[`bloom.${objective.bloom}`]})` : '';
      if (suffix && after.endsWith(suffix.trim())) after = after.slice(0, after.length - suffix.trim().length).trim();
    }
    if (after.trim() === '' && field !== 'trainerNotes') {
      problems.push({ kind: 'emptied', name, detail: `${where}: the text was deleted` });
      continue;
    }
    if (after.length > (field === 'objective' ? SHORT_TEXT : LONG_TEXT)) {
      problems.push({ kind: 'too-long', name, detail: `${where}: ${String(after.length)} characters` });
      continue;
    }
    changes.push({
      name,
      ...(source.kind === 'course' ? { itemId: item.id } : {}),
      moduleId: item.moduleId,
      moduleTitle: item.snapshot.title,
      lessonCode: lesson.code,
      lessonTitle: lesson.title,
      field,
      ...(located.ref.index === undefined ? {} : { index: located.ref.index }),
      label: fieldLabel(lesson, located.ref) ?? '',
      before,
      after,
      overridable: source.kind === 'course' && (field === 'stepMinutes' || field === 'trainerNotes'),
      libraryEditable: input.libraryRevision(item.moduleId) === item.revision,
      printedText: /\{[a-z]|\[\[/.test(before),
    });
  }

  for (const name of printed.keys()) {
    const ref = parseMarkName(name);
    if (input.fields.has(name) || input.unusable.has(name) || (ref && items.get(ref.item) === null)) continue;
    const located = locate(name);
    problems.push({ kind: 'deleted-marker', name, ...(located ? { detail: describe(located, language) } : {}) });
  }
  return { changes, unchanged, problems };
}
