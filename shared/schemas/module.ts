import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema, LongTextSchema, ShortTextSchema } from './common';
import { ThemeSchema } from './themes';

export const BLOOM_LEVELS = ['remember', 'understand', 'apply', 'analyse', 'evaluate', 'create'] as const;
export const BloomLevelSchema = z.enum(BLOOM_LEVELS).describe("The level of Bloom's taxonomy the objective reaches, from remember to create.");

export const METHODS = [
  'lecture',
  'interactive-presentation',
  'discussion',
  'case-study',
  'role-play',
  'group-work',
  'scenario-exercise',
  'demonstration',
  'practical-exercise',
  'field-visit',
  'video',
  'quiz',
  'reflection',
] as const;
export const MethodSchema = z.enum(METHODS).describe('A training method, from the fixed list.');

export const AUDIENCES = ['recruits', 'in-service-officers', 'supervisors', 'trainers', 'command'] as const;
export const AudienceSchema = z.enum(AUDIENCES).describe('Who the module is for, from the fixed list.');

export const LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export const LevelSchema = z.enum(LEVELS).describe('How advanced the module is.');

/**
 * Local ids: objective ids are local to their lesson ("o1", "o2"...); step ("s3"), handout ("pocket-card")
 * and evaluation item ("q7") ids are unique within their module, so that texts can refer to them and a
 * course's assessment plan can select items (see shared/domain/references/).
 */
export const LocalIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Use a short lowercase id such as o1');

export const ObjectiveSchema = z
  .strictObject({
    id: LocalIdSchema.describe('A short id such as o1, unique within its lesson; steps and evaluation items of the lesson cite it.'),
    text: ShortTextSchema.min(1).describe('What participants can do at the end of the lesson, as one sentence (plain text, 1–300 characters).'),
    bloom: BloomLevelSchema,
  })
  .describe('A learning objective of one lesson.');

/**
 * Material that may distress participants or expose case details (sexual violence, graphic force).
 * It is trainer-only unless the author explicitly says participants may see it.
 */
export const SensitivitySchema = z
  .strictObject({
    warning: ShortTextSchema.min(1).describe('Why the material is sensitive, shown to the trainer (plain text).'),
    participantVisible: z.boolean().default(false).describe('true only if participants may see the material; participant documents are refused otherwise.'),
  })
  .describe('Marks material that may distress participants or expose case details.');

/** A step of the lesson map. `range` lets the scheduler stretch or shorten it (e.g. 15–25 minutes). */
export const StepSchema = z
  .strictObject({
    id: LocalIdSchema.describe('A short id such as s3, unique among the steps of the module; texts refer to the step by it.'),
    title: ShortTextSchema.min(1).describe('Name of the step in the lesson map (plain text).'),
    minutes: z.number().int().min(1).max(480).describe('Planned duration in minutes (1–480); within range when range is given.'),
    range: z
      .strictObject({ min: z.number().int().min(1).describe('Shortest, in minutes.'), max: z.number().int().max(480).describe('Longest, in minutes.') })
      .optional()
      .describe('How far the scheduler may shorten or stretch the step, in minutes: min ≤ minutes ≤ max.'),
    method: MethodSchema,
    trainerActivity: LongTextSchema.min(1).describe('What the trainer does (Markdown subset); trainer-only.'),
    participantActivity: LongTextSchema.min(1).describe('What participants do (Markdown subset).'),
    objectives: z.array(LocalIdSchema).max(20).describe("Ids of the lesson's objectives this step teaches."),
    sensitivity: SensitivitySchema.optional(),
  })
  .refine((s) => !s.range || (s.range.min <= s.minutes && s.minutes <= s.range.max), {
    error: 'minutes must lie within range',
    path: ['range'],
  })
  .describe('One step of the lesson map: a timed activity.');

/** Participant text. Its number ("Handout 2.1A") is given where it is printed, never written in the title. */
export const HandoutSchema = z
  .strictObject({
    id: LocalIdSchema.describe('A short id such as pocket-card, unique among the handouts of the module; texts refer to the handout by it.'),
    title: ShortTextSchema.min(1).describe('Title of the handout (plain text), without a number: the number is printed from the course.'),
    body: LongTextSchema.min(1).describe('Text given to participants (Markdown subset).'),
    sensitivity: SensitivitySchema.optional(),
  })
  .describe('Participant text printed with the lesson.');

export const EVALUATION_TYPES = ['open', 'true-false', 'multiple-choice', 'practical'] as const;
/**
 * written: answered on paper in a test. practical: observed while the participant does it (a role-play, a
 * search, a first-aid drill); it goes on the trainers' observation checklist, never into a written test.
 */
export const EVALUATION_KINDS = ['written', 'practical'] as const;

/**
 * "A. ", "b) ", "(c) ", "أ. ": a letter a printed test adds itself. Stored in the text it would print twice
 * ("A. A. …") and go wrong as soon as options are reordered.
 */
export const OPTION_LETTER = /^\s*\(?(?:[A-Ha-h]|[\u0623\u0627\u0628\u062C\u062F\u0647\u0648\u0632\u062D])[.)]\s+/;

export const EvaluationItemSchema = z
  .strictObject({
    id: LocalIdSchema.describe('A short id such as q7, unique among the test items of the module; assessment plans and texts refer to the item by it.'),
    question: LongTextSchema.min(1).describe('The question or task (Markdown subset); participants see it.'),
    type: z.enum(EVALUATION_TYPES).describe('Open question, true or false, multiple choice, or a practical task.'),
    kind: z.enum(EVALUATION_KINDS).describe('written: answered on paper in a test; practical: observed on the checklist, never in a written test.'),
    /** Time a participant needs for it, in minutes: tests are timed from these. */
    minutes: z.number().int().min(1).max(240).describe('Minutes a participant needs for the item (1–240); tests are timed from these.'),
    /** Choices for multiple-choice items, without letters (added when printed); participants see these. */
    options: z
      .array(ShortTextSchema.min(1).refine((option) => !OPTION_LETTER.test(option), 'Leave out the option letter: it is added when the test is printed'))
      .max(8)
      .optional()
      .describe('Choices of a multiple-choice item (up to 8, plain text, without letters: letters are printed); participants see them.'),
    /** Answer or marking guide: trainer-only. */
    answer: LongTextSchema.min(1).describe('The answer or marking guide (Markdown subset); trainer-only, printed in the answer key.'),
    objective: LocalIdSchema.describe("Id of the lesson's objective this item tests."),
    use: z.array(z.enum(['pre-test', 'post-test'])).min(1).describe('Which tests the item may appear in.'),
  })
  .refine((item) => item.type !== 'practical' || item.kind === 'practical', { error: 'A practical item is observed, not written', path: ['kind'] })
  .describe('A test item of the lesson.');

export const LessonSchema = z
  .strictObject({
    /** The library's number of the lesson ("2.3") and its stable key in courses; courses print their own numbers. */
    code: z
      .string()
      .regex(/^\d{1,2}\.\d{1,2}$/, 'Use a code such as 2.3')
      .describe('Library number of the lesson such as 2.3 (module 2, lesson 3), unique within the module; imports and courses match lessons by it. Courses print their own numbers.'),
    title: ShortTextSchema.min(1).describe('Lesson title (plain text).'),
    /** A lesson a course may leave out when time is short (fit to days proposes optional lessons first). */
    optional: z.boolean().default(false).describe('true when a course may leave the lesson out when time is short; fitting a course proposes optional lessons first.'),
    aim: LongTextSchema.min(1).describe('What the lesson is for (Markdown subset).'),
    relevance: LongTextSchema.min(1).describe('Why it matters to police work (Markdown subset).'),
    objectives: z.array(ObjectiveSchema).max(20).describe('Learning objectives (up to 20), with ids unique in the lesson.'),
    methods: z.array(MethodSchema).max(13).describe('Training methods the lesson uses.'),
    materials: z.array(ShortTextSchema.min(1)).max(40).describe('Things the trainer needs, one per entry (plain text).'),
    roomSetup: LongTextSchema.describe('How to arrange the room (Markdown subset; may be empty).'),
    steps: z.array(StepSchema).min(1).max(40).describe('The lesson map: 1 to 40 timed steps, in order; their minutes make the lesson length.'),
    /** Trainer-only. */
    trainerNotes: LongTextSchema.describe('Notes for the trainer (Markdown subset; may be empty); trainer-only, never in participant documents.'),
    handouts: z.array(HandoutSchema).max(20).describe('Participant handouts (up to 20).'),
    evaluation: z.array(EvaluationItemSchema).max(40).describe('Test items (up to 40), each testing one objective of this lesson.'),
    references: z.array(IdSchema).max(40).describe('Ids of the references the lesson cites; each must be in the reference list.'),
  })
  .describe('One lesson of the module: aims, objectives, a timed lesson map, notes, handouts and test items.');

/** `{country}`, `{national_police_law}`: lowercase names, as module texts write them between braces. */
export const PlaceholderNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'Use a placeholder name such as country');

/**
 * What a placeholder the module's texts use stands for, so that a designer filling it in sees a label, an
 * explanation and an example instead of a raw `{token}`.
 */
export const PlaceholderDefinitionSchema = z
  .strictObject({
    name: PlaceholderNameSchema.describe('The name the texts write between braces, such as country for {country}.'),
    /** What to fill in, in the module's language: "Country", "National police law". */
    label: ShortTextSchema.min(1).describe('What to fill in, in the module language, such as "National police law".'),
    description: LongTextSchema.optional().describe('An explanation for the designer who fills it in.'),
    /** A value as an academy might give it: "Police Act 2019". */
    example: ShortTextSchema.optional().describe('A value as an academy might give it.'),
  })
  .describe('What a placeholder used in the texts stands for.');

/** Why a part of a module imported from a Word document still needs a person's eye (see shared/domain/word-import/). */
export const IMPORT_CHECK_CODES = [
  'module-title',
  'module-summary',
  'learning-outcomes',
  'themes',
  'audiences',
  'level',
  'license',
  'lesson-title',
  'aim',
  'relevance',
  'no-objectives',
  'bloom',
  'no-steps',
  'step-minutes',
  'step-method',
  'trainer-activity',
  'participant-activity',
  'answer',
  'evaluation-objective',
  'image',
  'references',
  'not-placed',
  'shortened',
  'too-many',
] as const;
export const ImportCheckCodeSchema = z.enum(IMPORT_CHECK_CODES).describe('What needs checking, as a code the interface words in the user\'s language.');

export const ImportCheckSchema = z
  .strictObject({
    path: z.string().max(200).describe('Where in the module, as a field path such as lessons.0.objectives.1.bloom.'),
    code: ImportCheckCodeSchema,
    detail: ShortTextSchema.optional().describe('The text concerned, such as the objective whose verb gave no clear level.'),
  })
  .describe('A part of an imported module that the import could not take from the document with certainty.');

export const SourceDocumentSchema = z
  .strictObject({
    fileName: ShortTextSchema.min(1).describe('The Word document the module was imported from.'),
    importedAt: IsoDateTimeSchema.describe('When it was imported.'),
    draft: z.boolean().describe('true while the imported module has not been reviewed; checks list what still needs completing.'),
    toCheck: z.array(ImportCheckSchema).max(2000).describe('What the import could not take from the document with certainty.'),
  })
  .describe('Set by the app when a module is imported from a Word document. Leave it out when writing a pack.');

export const ProvenanceSchema = z
  .strictObject({
    author: ShortTextSchema.min(1).describe('Who wrote the module (a person or a team).'),
    publisher: ShortTextSchema.optional().describe('The organisation that publishes it.'),
    sourcePack: z
      .strictObject({
        packId: ShortTextSchema.min(1).describe('The packId of the pack.'),
        publisher: ShortTextSchema.optional().describe('The publisher named in its manifest.'),
        revision: z.number().int().min(1).describe('The revision of the module in the pack.'),
        importedAt: IsoDateTimeSchema.describe('When it was imported.'),
      })
      .optional()
      .describe('Set by the app when a module is imported from a pack: which pack, publisher and revision, and when. Leave it out when writing a pack.'),
    sourceDocument: SourceDocumentSchema.optional(),
  })
  .describe('Where the module comes from.');

/** A term the module defines; a course's glossary gathers them from its modules. */
export const GlossaryEntrySchema = z
  .strictObject({
    term: ShortTextSchema.min(1).describe('The term (plain text).'),
    definition: LongTextSchema.min(1).describe('What it means in this module (Markdown subset).'),
  })
  .describe('A term the module defines; a course glossary gathers them.');

export const ModuleSchema = z
  .strictObject({
    id: IdSchema.describe('Stable id: lowercase letters, digits and hyphens (2–80 characters); in a pack, the file is modules/<id>.json.'),
    revision: z.number().int().min(1).describe('1 for the first version, one more for each published change; a higher revision of the same id is an update.'),
    updatedAt: IsoDateTimeSchema.describe('When this revision was made: ISO 8601 date and time with a time zone.'),
    title: ShortTextSchema.min(1).describe('Module title (plain text, 1–300 characters).'),
    summary: LongTextSchema.min(1).describe('What the module covers and for whom (Markdown subset, up to 20,000 characters).'),
    language: LanguageSchema.describe('Language of every text of the module: en, fr or ar.'),
    /** Set on a translation: which module it translates and from which of its revisions. */
    translationOf: z
      .strictObject({ moduleId: IdSchema.describe('Id of the module translated.'), revision: z.number().int().min(1).describe('Its revision that was translated.') })
      .optional()
      .describe('Set on a translation: the id of the module it translates and the revision it was translated from.'),
    themes: z.array(ThemeSchema).min(1).max(16).describe('Themes the module covers (1 to 16), from the fixed list.'),
    audiences: z.array(AudienceSchema).min(1).describe('Who the module is for (at least one).'),
    level: LevelSchema,
    prerequisites: z.array(IdSchema).max(20).describe('Ids of modules to take first (up to 20).'),
    learningOutcomes: z.array(ShortTextSchema.min(1)).min(1).max(20).describe('What participants can do after the module, one sentence each (1 to 20, plain text).'),
    lessons: z.array(LessonSchema).min(1).max(12).describe('The lessons, in teaching order (1 to 12).'),
    references: z.array(IdSchema).max(60).describe('Ids of the references the module as a whole cites (up to 60); each must be in the reference list.'),
    glossary: z.array(GlossaryEntrySchema).max(80).default([]).describe('Terms the module defines (up to 80); a course glossary gathers them.'),
    license: ShortTextSchema.min(1).describe('Licence of the content, such as CC-BY-4.0.'),
    provenance: ProvenanceSchema,
    /** Definitions of the placeholders the module's texts use; a check warns about a name used without one. */
    placeholders: z
      .array(PlaceholderDefinitionSchema)
      .max(60)
      .refine((list) => new Set(list.map((p) => p.name)).size === list.length, 'Each placeholder is defined once')
      .optional()
      .describe('Definitions of the placeholders the texts use, each name once (up to 60).'),
  })
  .superRefine((module, ctx) => {
    // Texts refer to steps, handouts and items by these ids from anywhere in the module (see references/).
    const unique = (kind: 'steps' | 'handouts' | 'evaluation') => {
      const seen = new Set<string>();
      module.lessons.forEach((lesson, li) => {
        lesson[kind].forEach((entry, index) => {
          if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: `The id "${entry.id}" is used twice in this module`, path: ['lessons', li, kind, index, 'id'] });
          seen.add(entry.id);
        });
      });
    };
    unique('steps');
    unique('handouts');
    unique('evaluation');
  })
  .describe('A training module of Curriculum Composer; see docs/module-format.md for the Markdown subset, references and the rules across fields.');

export type BloomLevel = z.infer<typeof BloomLevelSchema>;
export type Method = z.infer<typeof MethodSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type Step = z.infer<typeof StepSchema>;
export type Handout = z.infer<typeof HandoutSchema>;
export type EvaluationItem = z.infer<typeof EvaluationItemSchema>;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
export type Lesson = z.infer<typeof LessonSchema>;
export type Module = z.infer<typeof ModuleSchema>;
export type PlaceholderDefinition = z.infer<typeof PlaceholderDefinitionSchema>;
export type ImportCheck = z.infer<typeof ImportCheckSchema>;
export type ImportCheckCode = z.infer<typeof ImportCheckCodeSchema>;
