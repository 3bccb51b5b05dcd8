import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema, LongTextSchema, ShortTextSchema } from './common';
import { ThemeSchema } from './themes';

export const BLOOM_LEVELS = ['remember', 'understand', 'apply', 'analyse', 'evaluate', 'create'] as const;
export const BloomLevelSchema = z.enum(BLOOM_LEVELS);

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
export const MethodSchema = z.enum(METHODS);

export const AUDIENCES = ['recruits', 'in-service-officers', 'supervisors', 'trainers', 'command'] as const;
export const AudienceSchema = z.enum(AUDIENCES);

export const LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export const LevelSchema = z.enum(LEVELS);

/**
 * Local ids: objective ids are local to their lesson ("o1", "o2"...); step ("s3"), handout ("pocket-card")
 * and evaluation item ("q7") ids are unique within their module, so that texts can refer to them and a
 * course's assessment plan can select items (see shared/domain/references/).
 */
export const LocalIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Use a short lowercase id such as o1');

export const ObjectiveSchema = z.strictObject({
  id: LocalIdSchema,
  text: ShortTextSchema.min(1),
  bloom: BloomLevelSchema,
});

/**
 * Material that may distress participants or expose case details (sexual violence, graphic force).
 * It is trainer-only unless the author explicitly says participants may see it.
 */
export const SensitivitySchema = z.strictObject({
  warning: ShortTextSchema.min(1),
  participantVisible: z.boolean().default(false),
});

/** A step of the lesson map. `range` lets the scheduler stretch or shorten it (e.g. 15–25 minutes). */
export const StepSchema = z
  .strictObject({
    id: LocalIdSchema,
    title: ShortTextSchema.min(1),
    minutes: z.number().int().min(1).max(480),
    range: z.strictObject({ min: z.number().int().min(1), max: z.number().int().max(480) }).optional(),
    method: MethodSchema,
    trainerActivity: LongTextSchema.min(1),
    participantActivity: LongTextSchema.min(1),
    objectives: z.array(LocalIdSchema).max(20),
    sensitivity: SensitivitySchema.optional(),
  })
  .refine((s) => !s.range || (s.range.min <= s.minutes && s.minutes <= s.range.max), {
    error: 'minutes must lie within range',
    path: ['range'],
  });

/** Participant text. Its number ("Handout 2.1A") is given where it is printed, never written in the title. */
export const HandoutSchema = z.strictObject({
  id: LocalIdSchema,
  title: ShortTextSchema.min(1),
  body: LongTextSchema.min(1),
  sensitivity: SensitivitySchema.optional(),
});

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
    id: LocalIdSchema,
    question: LongTextSchema.min(1),
    type: z.enum(EVALUATION_TYPES),
    kind: z.enum(EVALUATION_KINDS),
    /** Time a participant needs for it, in minutes: tests are timed from these. */
    minutes: z.number().int().min(1).max(240),
    /** Choices for multiple-choice items, without letters (added when printed); participants see these. */
    options: z
      .array(ShortTextSchema.min(1).refine((option) => !OPTION_LETTER.test(option), 'Leave out the option letter: it is added when the test is printed'))
      .max(8)
      .optional(),
    /** Answer or marking guide: trainer-only. */
    answer: LongTextSchema.min(1),
    objective: LocalIdSchema,
    use: z.array(z.enum(['pre-test', 'post-test'])).min(1),
  })
  .refine((item) => item.type !== 'practical' || item.kind === 'practical', { error: 'A practical item is observed, not written', path: ['kind'] });

export const LessonSchema = z.strictObject({
  /** The library's number of the lesson ("2.3") and its stable key in courses; courses print their own numbers. */
  code: z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'Use a code such as 2.3'),
  title: ShortTextSchema.min(1),
  /** A lesson a course may leave out when time is short (fit to days proposes optional lessons first). */
  optional: z.boolean().default(false),
  aim: LongTextSchema.min(1),
  relevance: LongTextSchema.min(1),
  objectives: z.array(ObjectiveSchema).max(20),
  methods: z.array(MethodSchema).max(13),
  materials: z.array(ShortTextSchema.min(1)).max(40),
  roomSetup: LongTextSchema,
  steps: z.array(StepSchema).min(1).max(40),
  /** Trainer-only. */
  trainerNotes: LongTextSchema,
  handouts: z.array(HandoutSchema).max(20),
  evaluation: z.array(EvaluationItemSchema).max(40),
  references: z.array(IdSchema).max(40),
});

/** `{country}`, `{national_police_law}`: lowercase names, as module texts write them between braces. */
export const PlaceholderNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'Use a placeholder name such as country');

/**
 * What a placeholder the module's texts use stands for, so that a designer filling it in sees a label, an
 * explanation and an example instead of a raw `{token}`.
 */
export const PlaceholderDefinitionSchema = z.strictObject({
  name: PlaceholderNameSchema,
  /** What to fill in, in the module's language: "Country", "National police law". */
  label: ShortTextSchema.min(1),
  description: LongTextSchema.optional(),
  /** A value as an academy might give it: "Police Act 2019". */
  example: ShortTextSchema.optional(),
});

export const ProvenanceSchema = z.strictObject({
  author: ShortTextSchema.min(1),
  publisher: ShortTextSchema.optional(),
  sourcePack: z
    .strictObject({
      packId: ShortTextSchema.min(1),
      publisher: ShortTextSchema.optional(),
      revision: z.number().int().min(1),
      importedAt: IsoDateTimeSchema,
    })
    .optional(),
});

/** A term the module defines; a course's glossary gathers them from its modules. */
export const GlossaryEntrySchema = z.strictObject({
  term: ShortTextSchema.min(1),
  definition: LongTextSchema.min(1),
});

export const ModuleSchema = z
  .strictObject({
  id: IdSchema,
  revision: z.number().int().min(1),
  updatedAt: IsoDateTimeSchema,
  title: ShortTextSchema.min(1),
  summary: LongTextSchema.min(1),
  language: LanguageSchema,
  /** Set on a translation: which module it translates and from which of its revisions. */
  translationOf: z.strictObject({ moduleId: IdSchema, revision: z.number().int().min(1) }).optional(),
  themes: z.array(ThemeSchema).min(1).max(16),
  audiences: z.array(AudienceSchema).min(1),
  level: LevelSchema,
  prerequisites: z.array(IdSchema).max(20),
  learningOutcomes: z.array(ShortTextSchema.min(1)).min(1).max(20),
  lessons: z.array(LessonSchema).min(1).max(12),
  references: z.array(IdSchema).max(60),
  glossary: z.array(GlossaryEntrySchema).max(80).default([]),
  license: ShortTextSchema.min(1),
  provenance: ProvenanceSchema,
  /** Definitions of the placeholders the module's texts use; a check warns about a name used without one. */
  placeholders: z
    .array(PlaceholderDefinitionSchema)
    .max(60)
    .refine((list) => new Set(list.map((p) => p.name)).size === list.length, 'Each placeholder is defined once')
    .optional(),
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
  });

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
