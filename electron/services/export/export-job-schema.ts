import { z } from 'zod';
import { EXPORT_VARIANTS, PAPER_SIZES } from '../../../shared/domain/export/plan';
import { AppError } from '../../../shared/errors';
import { CurriculumSchema } from '../../../shared/schemas/curriculum';
import { ReferenceSchema } from '../../../shared/schemas/reference';
import { LogoSchema } from '../../../shared/schemas/settings';
import type { ExportJob } from './export-job';

/** An export job as it crosses into the worker: checked again there, since a worker trusts nothing it is handed. */
const ExportJobSchema = z.object({
  input: z.object({
    curriculum: CurriculumSchema,
    references: z.array(ReferenceSchema),
    today: z.iso.date(),
    logo: LogoSchema.optional(),
    numbering: z.enum(['course', 'library']).optional(),
  }),
  options: z.object({ variant: z.enum(EXPORT_VARIANTS), paper: z.enum(PAPER_SIZES), annexes: z.boolean() }),
});

export function parseExportJob(raw: unknown): ExportJob {
  const parsed = ExportJobSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid-argument', `The export job is invalid: ${z.prettifyError(parsed.error)}`);
  const { logo, numbering, ...input } = parsed.data.input;
  return { input: { ...input, ...(logo ? { logo } : {}), ...(numbering ? { numbering } : {}) }, options: parsed.data.options };
}
