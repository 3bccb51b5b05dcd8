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

/** Objective ids are local to their lesson ("o1", "o2"...). */
const LocalIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'Use a short lowercase id such as o1');

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

/** Participant text. */
export const HandoutSchema = z
  .strictObject({
    title: ShortTextSchema.min(1).describe('Title of the handout (plain text).'),
    body: LongTextSchema.min(1).describe('Text given to participants (Markdown subset).'),
    sensitivity: SensitivitySchema.optional(),
  })
  .describe('Participant text printed with the lesson.');

export const EVALUATION_TYPES = ['open', 'true-false', 'multiple-choice', 'practical'] as const;

export const EvaluationItemSchema = z
  .strictObject({
    question: LongTextSchema.min(1).describe('The question or task (Markdown subset); participants see it.'),
    type: z.enum(EVALUATION_TYPES).describe('Open question, true or false, multiple choice, or a practical task.'),
    /** Choices for multiple-choice items; participants see these. */
    options: z.array(ShortTextSchema.min(1)).max(8).optional().describe('Choices of a multiple-choice item (up to 8, plain text); participants see them.'),
    /** Answer or marking guide: trainer-only. */
    answer: LongTextSchema.min(1).describe('The answer or marking guide (Markdown subset); trainer-only, printed in the answer key.'),
    objective: LocalIdSchema.describe("Id of the lesson's objective this item tests."),
    use: z.array(z.enum(['pre-test', 'post-test'])).min(1).describe('Which tests the item appears in.'),
  })
  .describe('A test item of the lesson.');

export const LessonSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^\d{1,2}\.\d{1,2}$/, 'Use a code such as 2.3')
      .describe('Lesson number such as 2.3 (module 2, lesson 3), unique within the module; imports match lessons by it.'),
    title: ShortTextSchema.min(1).describe('Lesson title (plain text).'),
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
  })
  .describe('Where the module comes from.');

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
    license: ShortTextSchema.min(1).describe('Licence of the content, such as CC-BY-4.0.'),
    provenance: ProvenanceSchema,
  })
  .describe('A training module of Curriculum Composer; see docs/module-format.md for the Markdown subset and the rules across fields.');

export type BloomLevel = z.infer<typeof BloomLevelSchema>;
export type Method = z.infer<typeof MethodSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type Step = z.infer<typeof StepSchema>;
export type Handout = z.infer<typeof HandoutSchema>;
export type EvaluationItem = z.infer<typeof EvaluationItemSchema>;
export type Lesson = z.infer<typeof LessonSchema>;
export type Module = z.infer<typeof ModuleSchema>;
