import { z } from 'zod';
import { EXPORT_VARIANTS, PAPER_SIZES } from '../../../shared/domain/export/plan';
import { AppError } from '../../../shared/errors';
import { CurriculumSchema } from '../../../shared/schemas/curriculum';
import { ReferenceSchema } from '../../../shared/schemas/reference';
import { LogoSchema } from '../../../shared/schemas/settings';
import type { ExportJob } from './export-job';
import type { KitJob } from './kit-job';

/** An export job as it crosses into the worker: checked again there, since a worker trusts nothing it is handed. */
const PlanInputSchema = z.object({
  curriculum: CurriculumSchema,
  references: z.array(ReferenceSchema),
  today: z.iso.date(),
  logo: LogoSchema.optional(),
  numbering: z.enum(['course', 'library']).optional(),
});

const ExportJobSchema = z.object({
  input: PlanInputSchema,
  options: z.object({ variant: z.enum(EXPORT_VARIANTS), paper: z.enum(PAPER_SIZES), annexes: z.boolean() }),
});

const KitJobSchema = z.object({ input: PlanInputSchema, paper: z.enum(PAPER_SIZES) });

/** Optional fields left out rather than undefined, as `exactOptionalPropertyTypes` wants them. */
function planInput(parsed: z.infer<typeof PlanInputSchema>): ExportJob['input'] {
  const { logo, numbering, ...input } = parsed;
  return { ...input, ...(logo ? { logo } : {}), ...(numbering ? { numbering } : {}) };
}

export function parseExportJob(raw: unknown): ExportJob {
  const parsed = ExportJobSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid-argument', `The export job is invalid: ${z.prettifyError(parsed.error)}`);
  return { input: planInput(parsed.data.input), options: parsed.data.options };
}

export function parseKitJob(raw: unknown): KitJob {
  const parsed = KitJobSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid-argument', `The trainer kit job is invalid: ${z.prettifyError(parsed.error)}`);
  return { input: planInput(parsed.data.input), paper: parsed.data.paper };
}
