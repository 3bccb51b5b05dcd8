import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PAPER_SIZES, type PaperSize } from '../../../shared/domain/export/plan';
import { writeFileAtomic } from '../../services/store/atomic-file';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../output';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

type Output = { kind: 'zip'; path: string } | { kind: 'folder'; path: string };

/**
 * Checks where the kit goes before any work: a .zip that is new (or --force), or a folder that is new (in
 * an existing folder) or empty. A non-empty folder is refused: a kit is never mixed with other files.
 */
async function kitOutput(values: CommandContext['values']): Promise<Output> {
  const out = values['out'];
  if (typeof out !== 'string' || out === '') throw new UsageError('--out must name a new or empty folder, or a .zip file');
  if (out.toLowerCase().endsWith('.zip')) {
    if (!(await exists(dirname(out)))) throw new UsageError(`the folder ${dirname(out)} does not exist`);
    if (values['force'] !== true && (await exists(out))) throw new UsageError(`${out} already exists; give --force to replace it`);
    return { kind: 'zip', path: out };
  }
  const { assertKitFolder } = await import('../../services/export/kit-output');
  try {
    await assertKitFolder(out);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { kind: 'folder', path: out };
}

function paperOf(value: string | boolean | undefined): PaperSize {
  if (value === undefined) return 'a4';
  if (typeof value === 'string' && (PAPER_SIZES as readonly string[]).includes(value)) return value as PaperSize;
  throw new UsageError(`--paper must be one of ${PAPER_SIZES.join(', ')}, not "${String(value)}"`);
}

export const exportKit: Command = {
  name: 'export kit',
  summary: 'Export a course\'s trainer kit (curriculum, lesson plans, handouts, tests, answer key, checklist, evaluation form) to a folder or a .zip',
  usage: `export kit ID --out DIR|FILE.zip [--paper ${PAPER_SIZES.join('|')}] [--force] [--data DIR]`,
  options: { out: { type: 'string' }, paper: { type: 'string' }, force: { type: 'boolean' } },
  positionals: 1,
  run: async ({ positionals, values, output, withServices }) => {
    // zod (the id schema), yazl (the zip writer) and the kit's naming load only when a kit is exported,
    // so that help and the other commands start without them.
    const [{ IdSchema }, { kitZipBytes, writeKitFolder }, { kitFolderName }] = await Promise.all([
      import('../../../shared/schemas/common'),
      import('../../services/export/kit-output'),
      import('../../../shared/domain/export/kit'),
    ]);
    const id = IdSchema.safeParse(positionals[0]);
    if (!id.success) throw new UsageError(`"${positionals[0] ?? ''}" is not a curriculum id`);
    const paper = paperOf(values['paper']);
    const out = await kitOutput(values);
    return withServices(async ({ exports }) => {
      // Every document is built before anything is written: an error leaves the disk as it was.
      const kit = await exports.kit(id.data, paper);
      if (out.kind === 'zip') {
        const bytes = await kitZipBytes(kit, kitFolderName(kit));
        await writeFileAtomic(out.path, bytes);
        output.out(`Wrote ${out.path} (${kit.files.length} documents, ${bytes.length.toLocaleString('en-US')} bytes).`);
      } else {
        await writeKitFolder(out.path, kit);
        output.out(`Wrote ${kit.files.length} documents to ${out.path}:`);
      }
      for (const file of kit.files) output.out(`  ${file.fileName}  ${file.bytes.length.toLocaleString('en-US')} bytes`);
      for (const left of kit.omitted) output.out(`  (left out: ${left.variant}, ${left.reason.replaceAll('-', ' ')})`);
      return 0;
    });
  },
};
