import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema, LongTextSchema, ShortTextSchema, textSchema } from './common';
import { AudienceSchema, LocalIdSchema, ModuleSchema, PlaceholderNameSchema } from './module';
import { ThemeSchema, type Theme } from './themes';

export const CURRICULUM_STATUSES = ['draft', 'review', 'approved'] as const;
export const CurriculumStatusSchema = z.enum(CURRICULUM_STATUSES);

/** Longest course the scheduler lays out; longer programmes are split into several curricula. */
export const MAX_DAYS = 200;

/** Wall-clock time of a teaching day, "09:00". Always two-digit hours so that strings sort like times. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00');

/** Minutes since midnight of a valid "HH:MM" string; kept here so the schema's refinements can compare times. */
export function clockToMinutes(clock: string): number {
  const [hours = '0', minutes = '0'] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
}

export const BREAK_KINDS = ['break', 'lunch'] as const;

export const BreakSlotSchema = z
  .strictObject({
    start: ClockTimeSchema,
    end: ClockTimeSchema,
    kind: z.enum(BREAK_KINDS),
    label: ShortTextSchema.optional(),
  })
  .refine((b) => clockToMinutes(b.start) < clockToMinutes(b.end), { error: 'A break must end after it starts', path: ['end'] });

/**
 * The shape of every teaching day: when it starts and ends and when the breaks are. Teaching time is what
 * is left once the breaks are taken out, so a template must leave some.
 */
export const DayTemplateSchema = z
  .strictObject({
    start: ClockTimeSchema,
    end: ClockTimeSchema,
    breaks: z.array(BreakSlotSchema).max(12),
  })
  .superRefine((day, ctx) => {
    const start = clockToMinutes(day.start);
    const end = clockToMinutes(day.end);
    if (start >= end) {
      ctx.addIssue({ code: 'custom', message: 'The day must end after it starts', path: ['end'] });
      return;
    }
    const breaks = day.breaks.map((b, index) => ({ index, start: clockToMinutes(b.start), end: clockToMinutes(b.end) }));
    for (const b of breaks)
      if (b.start < start || b.end > end)
        ctx.addIssue({ code: 'custom', message: 'Breaks must lie within the day', path: ['breaks', b.index] });
    const sorted = [...breaks].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && current.start < previous.end)
        ctx.addIssue({ code: 'custom', message: 'Breaks must not overlap', path: ['breaks', current.index] });
    }
    const breakMinutes = breaks.reduce((total, b) => total + Math.max(0, Math.min(b.end, end) - Math.max(b.start, start)), 0);
    if (end - start - breakMinutes < 1) ctx.addIssue({ code: 'custom', message: 'The breaks leave no teaching time', path: ['breaks'] });
  });

/**
 * How lessons are laid into days beyond the day template (see shared/domain/curriculum/schedule.ts):
 * a lesson is moved rather than cut by a break into a part shorter than `minPartMinutes`; a daily recap
 * opens every day but the first and a buffer closes every day, when they are set.
 */
export const SchedulingRulesSchema = z.strictObject({
  minPartMinutes: z.number().int().min(0).max(120).default(20),
  recapMinutes: z.number().int().min(0).max(60).default(0),
  bufferMinutes: z.number().int().min(0).max(90).default(0),
});
export const DEFAULT_SCHEDULING_RULES: SchedulingRules = { minPartMinutes: 20, recapMinutes: 0, bufferMinutes: 0 };

/** 09:00–17:00 with a morning break, an hour for lunch and an afternoon break: 6 h 30 min of teaching. */
export const DEFAULT_DAY_TEMPLATE: DayTemplate = {
  start: '09:00',
  end: '17:00',
  breaks: [
    { start: '10:30', end: '10:45', kind: 'break' },
    { start: '12:30', end: '13:30', kind: 'lunch' },
    { start: '15:15', end: '15:30', kind: 'break' },
  ],
};

/** Every course should teach these unless its designers decide otherwise (the checks say when one is missing). */
export const DEFAULT_REQUIRED_THEMES: readonly Theme[] = ['human-rights-foundations', 'gender-responsive-policing'];

const LessonCodeSchema = z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'Use a lesson code such as 2.3');

export const StepMinutesSchema = z.strictObject({
  /** Index of the step in the snapshot's lesson, from 0. */
  step: z.number().int().min(0).max(39),
  minutes: z.number().int().min(1).max(480),
  /** Set by hand and locked: fitting the course to its days never changes it. */
  locked: z.boolean().optional(),
});

/**
 * Local changes to one lesson of a module snapshot, keyed by lesson code so that they survive an update of
 * the snapshot to a newer revision. The snapshot itself is never edited.
 */
export const LessonOverrideSchema = z
  .strictObject({
    lessonCode: LessonCodeSchema,
    omit: z.boolean().optional(),
    stepMinutes: z.array(StepMinutesSchema).max(40).optional(),
    /** Added after the lesson's own trainer notes; trainer-only like them. */
    trainerNotes: LongTextSchema.optional(),
    /** "Move this lesson to day N": the scheduler starts it on that day when the lessons before it allow. */
    day: z.number().int().min(1).max(MAX_DAYS).optional(),
  })
  .refine((o) => new Set(o.stepMinutes?.map((s) => s.step)).size === (o.stepMinutes?.length ?? 0), {
    error: 'Each step may be given minutes once',
    path: ['stepMinutes'],
  });

/** Item ids are local to a curriculum ("i1", "opening"); they let overrides and checks point at an item. */
const ItemIdSchema = IdSchema;

/** A module item's fields; its snapshot is a full module here, a reference or a trusted object in the store. */
const moduleItemShape = {
  kind: z.literal('module'),
  id: ItemIdSchema,
  moduleId: IdSchema,
  /** The library revision the snapshot was taken at; "update available" compares it with the library's. */
  revision: z.number().int().min(1),
  snapshot: ModuleSchema,
  /** Lesson codes in teaching order; lessons not listed follow in the snapshot's order. */
  lessonOrder: z.array(LessonCodeSchema).max(12).optional(),
  lessons: z.array(LessonOverrideSchema).max(12).default([]),
  /**
   * A newer library revision the designers looked at and chose not to take ("Keep the version in this
   * course"): the item says so ("kept r2 · r3 available") until the library has a newer one still.
   */
  keptRevision: z.number().int().min(1).optional(),
};

type ModuleItemLike = { revision: number; moduleId: string; keptRevision?: number | undefined; snapshot: { id: string; revision: number }; lessons: { lessonCode: string }[] };
/** TypeScript cannot see through the generic snapshot type; every item these checks see has these fields. */
const item = (value: unknown): ModuleItemLike => value as ModuleItemLike;

/** A module item's checks, for every schema that holds one (the store keeps the snapshot by reference). */
export function moduleItemWithSnapshot<S extends z.ZodType<{ id: string; revision: number }>>(snapshot: S) {
  return z
    .strictObject({ ...moduleItemShape, snapshot })
    .refine((value) => (item(value).keptRevision === undefined || (item(value).keptRevision ?? 0) > item(value).revision), {
      error: 'A kept revision is a newer one than the snapshot',
      path: ['keptRevision'],
    })
    .refine((value) => item(value).snapshot.id === item(value).moduleId && item(value).snapshot.revision === item(value).revision, {
      error: 'The snapshot must be the module and revision the item names',
      path: ['snapshot'],
    })
    .refine((value) => new Set(item(value).lessons.map((l) => l.lessonCode)).size === item(value).lessons.length, {
      error: 'Each lesson may be overridden once',
      path: ['lessons'],
    });
}

/** A library module as taken into the course: the snapshot is what exports use, whatever the library does later. */
export const ModuleItemSchema = moduleItemWithSnapshot(ModuleSchema);

export const SESSION_KINDS = ['opening', 'assessment', 'field-visit', 'closing', 'other'] as const;
export const SessionKindSchema = z.enum(SESSION_KINDS);

/**
 * Course time that is not a library module. The opening session is the course's trust-building session:
 * sensitive material should not come before it.
 */
export const SessionItemSchema = z.strictObject({
  kind: z.literal('session'),
  id: ItemIdSchema,
  sessionKind: SessionKindSchema,
  title: ShortTextSchema.min(1),
  minutes: z.number().int().min(1).max(480),
  notes: LongTextSchema.optional(),
  day: z.number().int().min(1).max(MAX_DAYS).optional(),
});

export const CurriculumItemSchema = z.discriminatedUnion('kind', [ModuleItemSchema, SessionItemSchema]);

/** An objective of one lesson of this course: the module item, the lesson (by its library code) and the objective id. */
export const ObjectiveRefSchema = z.strictObject({ itemId: ItemIdSchema, lessonCode: LessonCodeSchema, objectiveId: LocalIdSchema });

/** A course learning outcome, and the lesson objectives that serve it. */
export const CourseOutcomeSchema = z.strictObject({
  id: LocalIdSchema,
  text: ShortTextSchema.min(1),
  serves: z.array(ObjectiveRefSchema).max(200),
});

/** How participants are assessed: each instrument with its weight (%), and the mark needed to pass (%). */
export const AssessmentStrategySchema = z.strictObject({
  instruments: z.array(z.strictObject({ name: ShortTextSchema.min(1), weight: z.number().int().min(0).max(100) })).max(12),
  passMark: z.number().int().min(0).max(100).optional(),
  notes: LongTextSchema.default(''),
});

/** One evaluation item of a module item, as a test selects it. */
export const TestItemRefSchema = z.strictObject({ itemId: ItemIdSchema, questionId: LocalIdSchema });

export const TEST_BASES = ['module', 'objective'] as const;

/**
 * A test of the course: which written items it holds (chosen by `selectTestItems`, or by hand), and the
 * session of the timetable in which participants sit it. The selection is stored, so the printed test,
 * the answer key and the checks always agree and a new draw happens only when asked.
 */
export const TestPlanSchema = z.strictObject({
  /** The session item that gives the test its time; checks fail without one. */
  sessionId: ItemIdSchema.optional(),
  basis: z.enum(TEST_BASES).default('module'),
  /** Items per module, or per objective. */
  perUnit: z.number().int().min(1).max(20).default(3),
  /** Seed of the last draw, so that the same settings draw the same items. */
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  items: z.array(TestItemRefSchema).max(300),
  /** The items were changed by hand after the last draw. */
  edited: z.boolean().default(false),
});

export const AssessmentPlanSchema = z.strictObject({
  preTest: TestPlanSchema.optional(),
  postTest: TestPlanSchema.optional(),
});

/** A warning a designer has looked at and accepted, with why. Keyed by the check's stable id. */
export const AcknowledgementSchema = z.strictObject({
  checkId: z.string().min(1).max(400),
  reason: ShortTextSchema.min(1),
  at: IsoDateTimeSchema,
});

/** What `{country}` and the like become in this course's exports. */
export const PlaceholderValuesSchema = z
  .record(PlaceholderNameSchema, ShortTextSchema)
  .refine((values) => Object.keys(values).length <= 200, 'At most 200 placeholder values');

const curriculumShape = {
    id: IdSchema,
    title: ShortTextSchema.min(1),
    subtitle: ShortTextSchema.default(''),
    /** The academy or organisation that runs the course. */
    academy: ShortTextSchema.default(''),
    audiences: z.array(AudienceSchema).max(5).default([]),
    language: LanguageSchema,
    courseCode: textSchema(40).default(''),
    version: textSchema(40).default('1.0'),
    status: CurriculumStatusSchema.default('draft'),
    authors: z.array(ShortTextSchema.min(1)).max(30).default([]),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
    /** First teaching day; without it the timetable shows "Day 1", "Day 2"... */
    startDate: z.iso.date().optional(),
    description: LongTextSchema.default(''),
    days: z.number().int().min(1).max(MAX_DAYS),
    dayTemplate: DayTemplateSchema.default(DEFAULT_DAY_TEMPLATE),
    requiredThemes: z.array(ThemeSchema).max(16).default([...DEFAULT_REQUIRED_THEMES]),
    placeholders: PlaceholderValuesSchema.default({}),
    items: z.array(CurriculumItemSchema).max(200),
    /** The course as a package: what it aims at, for whom, how it is assessed and evaluated. */
    aim: LongTextSchema.default(''),
    outcomes: z.array(CourseOutcomeSchema).max(30).default([]),
    /** Who the course is for, in words (the audiences above are the controlled list). */
    targetAudience: LongTextSchema.default(''),
    entryRequirements: LongTextSchema.default(''),
    classSize: z
      .strictObject({ min: z.number().int().min(1).max(500), max: z.number().int().min(1).max(500) })
      .refine((size) => size.min <= size.max, { error: 'The smallest class cannot be larger than the largest', path: ['max'] })
      .optional(),
    trainerProfile: LongTextSchema.default(''),
    assessmentStrategy: AssessmentStrategySchema.default({ instruments: [], notes: '' }),
    /** What is measured at the end of the course (reaction, learning, behaviour), beside the feedback form. */
    courseEvaluation: LongTextSchema.default(''),
    assessment: AssessmentPlanSchema.default({}),
    scheduling: SchedulingRulesSchema.default(DEFAULT_SCHEDULING_RULES),
    acknowledgements: z.array(AcknowledgementSchema).max(500).default([]),
  };

const uniqueItemIds = { check: (c: { items: readonly { id: string }[] }) => new Set(c.items.map((i) => i.id)).size === c.items.length, error: 'Item ids must be unique' };

export const CurriculumSchema = z
  .strictObject({ ...curriculumShape, items: z.array(CurriculumItemSchema).max(200) })
  .refine(uniqueItemIds.check, { error: uniqueItemIds.error, path: ['items'] });

/**
 * A curriculum whose module items are `item`: the store keeps a snapshot by reference in the course file,
 * or as an object already validated. Same fields and checks as CurriculumSchema.
 */
export function curriculumWithItems<I extends z.ZodType<{ id: string; kind: 'module' }>>(item: I) {
  const schema = z
    .strictObject({ ...curriculumShape, items: z.array(z.discriminatedUnion('kind', [item as unknown as typeof ModuleItemSchema, SessionItemSchema])).max(200) })
    .refine(uniqueItemIds.check, { error: uniqueItemIds.error, path: ['items'] });
  type Output = Omit<z.output<typeof schema>, 'items'> & { items: (z.output<I> | z.output<typeof SessionItemSchema>)[] };
  return schema as unknown as z.ZodType<Output>;
}

/** The course-package fields as a new course starts: empty, to be written by its designers. */
export const COURSE_PACKAGE_DEFAULTS = {
  aim: '',
  outcomes: [],
  targetAudience: '',
  entryRequirements: '',
  trainerProfile: '',
  assessmentStrategy: { instruments: [], notes: '' },
  courseEvaluation: '',
  assessment: {},
  scheduling: DEFAULT_SCHEDULING_RULES,
  acknowledgements: [],
} as const satisfies Partial<Curriculum>;

export type CurriculumStatus = z.infer<typeof CurriculumStatusSchema>;
export type SchedulingRules = z.infer<typeof SchedulingRulesSchema>;
export type ObjectiveRef = z.infer<typeof ObjectiveRefSchema>;
export type CourseOutcome = z.infer<typeof CourseOutcomeSchema>;
export type AssessmentStrategy = z.infer<typeof AssessmentStrategySchema>;
export type TestItemRef = z.infer<typeof TestItemRefSchema>;
export type TestPlan = z.infer<typeof TestPlanSchema>;
export type AssessmentPlan = z.infer<typeof AssessmentPlanSchema>;
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;
export type BreakSlot = z.infer<typeof BreakSlotSchema>;
export type DayTemplate = z.infer<typeof DayTemplateSchema>;
export type StepMinutes = z.infer<typeof StepMinutesSchema>;
export type LessonOverride = z.infer<typeof LessonOverrideSchema>;
export type ModuleItem = z.infer<typeof ModuleItemSchema>;
export type SessionKind = z.infer<typeof SessionKindSchema>;
export type SessionItem = z.infer<typeof SessionItemSchema>;
export type CurriculumItem = z.infer<typeof CurriculumItemSchema>;
export type Curriculum = z.infer<typeof CurriculumSchema>;
/** What a file or a form may omit: defaults fill in the rest. */
export type CurriculumInput = z.input<typeof CurriculumSchema>;
