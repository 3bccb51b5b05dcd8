/**
 * Bringing back edits made in Word to one of our own exports: what the preview shows (one change per
 * field, and every problem with the markers) and what applying answers. See shared/domain/round-trip/.
 */
import { z } from 'zod';
import { ROUND_TRIP_FIELDS } from '../domain/export/round-trip-marks';
import { IdSchema } from './common';

export const RoundTripFieldSchema = z.enum(ROUND_TRIP_FIELDS);

export const MARK_PROBLEM_KINDS = [
  /** The document has no round-trip source: not one of our exports, or its properties were removed. */
  'not-ours',
  /** The source properties are there but cannot be read. */
  'damaged-source',
  /** A bookmark with our prefix whose name cannot be read. */
  'damaged-marker',
  /** A marker that starts and never ends. */
  'missing-end',
  /** Text that belongs to two fields at once (their paragraphs were joined, or a field was pasted elsewhere with its marker). */
  'spans-fields',
  /** A field the document was exported with whose marker is gone (deleted with its text, or by the word processor). */
  'deleted-marker',
  /** A marker for a module item, lesson or field that the source does not have. */
  'unknown-field',
  /** The course's module was updated to another revision since the export: its fields are not compared. */
  'revision-changed',
  /** Minutes that are not a whole number of minutes, or outside 1–480 or the step's range. */
  'minutes-invalid',
  /** A field that must have text was emptied. */
  'emptied',
  /** Longer than the field may be. */
  'too-long',
] as const;
export const MarkProblemKindSchema = z.enum(MARK_PROBLEM_KINDS);

export const MarkProblemSchema = z.object({
  kind: MarkProblemKindSchema,
  /** The marker's bookmark name, when the problem is about one. */
  name: z.string().max(200).optional(),
  /** What the problem is about, in words, for the CLI and the log ("Lesson 1.2, step 3: minutes "half an hour""). */
  detail: z.string().max(2000).optional(),
});

export const FieldChangeSchema = z.object({
  name: z.string().max(40),
  itemId: IdSchema.optional(),
  moduleId: IdSchema,
  moduleTitle: z.string(),
  lessonCode: z.string(),
  lessonTitle: z.string(),
  field: RoundTripFieldSchema,
  index: z.number().int().min(0).optional(),
  /** What the field is: the step's title, the objective's number, the handout's title. */
  label: z.string(),
  before: z.string(),
  after: z.string(),
  /** Whether the course can hold this change as its own override (only step minutes and trainer notes can). */
  overridable: z.boolean(),
  /** Whether the library module can take it (its revision is the one the document was exported from). */
  libraryEditable: z.boolean(),
  /** The source text held references or placeholders, which the document prints as their text: applying writes that text. */
  printedText: z.boolean(),
});

export const RoundTripPreviewSchema = z.object({
  previewId: z.uuid(),
  fileName: z.string(),
  source: z.object({
    kind: z.enum(['course', 'module']),
    id: IdSchema,
    title: z.string(),
    variant: z.enum(['full', 'trainer']),
    /** The course or module was changed since the export: the diff is against its present state. */
    changedSinceExport: z.boolean(),
  }),
  changes: z.array(FieldChangeSchema),
  /** Marked fields whose text is the same as the source's. */
  unchanged: z.number().int(),
  problems: z.array(MarkProblemSchema),
});

export const APPLY_TARGETS = ['overrides', 'library'] as const;
export const ApplyTargetSchema = z.enum(APPLY_TARGETS);

export const RoundTripResultSchema = z.object({
  target: ApplyTargetSchema,
  applied: z.array(z.string()),
  /** Chosen changes that were not applied, and why (a course has no override for step texts, objectives or handouts). */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  dryRun: z.boolean(),
  /** What undo would put back; absent when nothing was written. */
  undo: z.object({ kind: z.enum(['course', 'library']), ids: z.array(IdSchema) }).optional(),
});

export type RoundTripField = z.infer<typeof RoundTripFieldSchema>;
export type MarkProblemKind = z.infer<typeof MarkProblemKindSchema>;
export type MarkProblem = z.infer<typeof MarkProblemSchema>;
export type FieldChange = z.infer<typeof FieldChangeSchema>;
export type RoundTripPreview = z.infer<typeof RoundTripPreviewSchema>;
export type ApplyTarget = z.infer<typeof ApplyTargetSchema>;
export type RoundTripResult = z.infer<typeof RoundTripResultSchema>;
