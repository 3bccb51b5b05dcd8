import { EXPORT_VARIANTS, PAPER_SIZES, type ExportVariant, type PaperSize } from '../../../shared/domain/export/plan';
import type { ExportTarget } from '../../../shared/schemas/export';
import { describeIssues } from '../../../shared/domain/zod-issues';
import { writeFileAtomic } from '../../services/store/atomic-file';
import type { Command, CommandContext } from '../command';
import { checkOutputFile } from '../output-file';
import { UsageError } from '../output';

const OPTIONS = {
  out: { type: 'string' },
  variant: { type: 'string' },
  paper: { type: 'string' },
  'no-annexes': { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

const OPTION_USAGE = `--out FILE.docx [--variant ${EXPORT_VARIANTS.join('|')}] [--paper ${PAPER_SIZES.join('|')}] [--no-annexes] [--force] [--data DIR]`;

function oneOf<T extends string>(value: string | boolean | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${String(value)}"`);
}

async function runExport(target: ExportTarget, { values, output, withServices }: CommandContext): Promise<number> {
  const out = await checkOutputFile(values['out'], values['force'], '.docx');
  // The request schema (zod) loads only when an export runs, so that help stays fast.
  const { ExportRequestSchema } = await import('../../../shared/schemas/export');
  const parsed = ExportRequestSchema.safeParse({
    target,
    variant: oneOf<ExportVariant>(values['variant'], EXPORT_VARIANTS, 'variant', 'full'),
    paper: oneOf<PaperSize>(values['paper'], PAPER_SIZES, 'paper', 'a4'),
    annexes: values['no-annexes'] !== true,
  });
  if (!parsed.success) throw new UsageError(describeIssues(parsed.error.issues));
  const request = parsed.data;
  return withServices(async ({ exports }) => {
    const file = await exports.docx(request);
    // Temp file then rename: an interrupted export never leaves half a document under the user's name.
    await writeFileAtomic(out, Buffer.from(file.bytes));
    output.out(`Wrote ${out} (${request.variant}, ${request.paper === 'a4' ? 'A4' : 'US Letter'}, ${file.bytes.length.toLocaleString('en-US')} bytes).`);
    return 0;
  });
}

export const exportCurriculum: Command = {
  name: 'export curriculum',
  summary: 'Export a curriculum as a Word document (full, trainer lesson plans, participant handouts, tests, answer key)',
  usage: `export curriculum ID ${OPTION_USAGE}`,
  options: OPTIONS,
  positionals: 1,
  run: (context) => runExport({ kind: 'curriculum', id: context.positionals[0] ?? '' }, context),
};

export const exportModule: Command = {
  name: 'export module',
  summary: 'Export one library module as a Word document',
  usage: `export module ID ${OPTION_USAGE}`,
  options: OPTIONS,
  positionals: 1,
  run: (context) => runExport({ kind: 'module', id: context.positionals[0] ?? '' }, context),
};

export const exportLesson: Command = {
  name: 'export lesson',
  summary: 'Export one lesson of a library module (LESSON_INDEX counts from 1) as a Word document',
  usage: `export lesson MODULE_ID LESSON_INDEX ${OPTION_USAGE}`,
  options: OPTIONS,
  positionals: 2,
  run: (context) => {
    const index = Number(context.positionals[1]);
    if (!Number.isInteger(index) || index < 1 || index > 12)
      throw new UsageError(`LESSON_INDEX must be a lesson number from 1 to 12, not "${context.positionals[1] ?? ''}"`);
    return runExport({ kind: 'lesson', id: context.positionals[0] ?? '', lessonIndex: index - 1 }, context);
  },
};
