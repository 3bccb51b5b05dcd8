import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { ImportAction } from '../../../shared/schemas/pack-import';
import { readAppVersion } from '../../services/app/licenses';
import { writeFileAtomic } from '../../services/store/atomic-file';
import type { Command } from '../command';
import { checkOutputFile } from '../output-file';
import { printJson, UsageError } from '../output';

export const packExport: Command = {
  name: 'pack export',
  summary: 'Write modules to a .ccpack file to share with another academy',
  usage: 'pack export (--modules ID,ID | --curriculum ID) --out FILE.ccpack [--force] [--title T --publisher P --license L --description D] [--data DIR]',
  options: {
    modules: { type: 'string' },
    curriculum: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
    publisher: { type: 'string' },
    license: { type: 'string' },
    description: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ values, output, withServices, appRoot }) {
    const ids = typeof values['modules'] === 'string' ? values['modules'].split(',').map((s) => s.trim()).filter(Boolean) : [];
    const curriculumId = str(values['curriculum']);
    if (ids.length === 0 && !curriculumId) throw new UsageError('give --modules ID,ID (comma-separated) or --curriculum ID');
    const out = await checkOutputFile(values['out'], values['force'], '.ccpack');
    return withServices(async (services) => {
      const { exportPack } = await import('../../services/packs/pack-export');
      const { version } = await readAppVersion(appRoot);
      const pack = await exportPack(
        services.store,
        {
          moduleIds: ids,
          ...(curriculumId ? { curriculumId } : {}),
          title:
            str(values['title']) ??
            (curriculumId ? services.curricula.get(curriculumId).curriculum.title : `${ids.length} training module${ids.length === 1 ? '' : 's'}`),
          description: str(values['description']) ?? '',
          publisher: str(values['publisher']) ?? 'Curriculum Composer user',
          license: str(values['license']) ?? 'CC BY 4.0',
        },
        version,
      );
      await writeFileAtomic(out, pack.bytes);
      output.out(`Wrote ${pack.modules} module${pack.modules === 1 ? '' : 's'} to ${out} (${pack.bytes.length.toLocaleString('en-US')} bytes).`);
      return 0;
    });
  },
};

export const packInspect: Command = {
  name: 'pack inspect',
  summary: 'Check a .ccpack file and show its manifest and modules, without importing anything',
  usage: 'pack inspect FILE [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output }) {
    // The pack reader (zod, yauzl) loads only when a command runs, so that help stays fast.
    const { readPack } = await import('../../services/packs/pack-reader');
    const pack = await readPack(positionals[0] ?? '');
    if (values['json']) {
      printJson(output, { manifest: pack.manifest, modules: pack.modules.map((m) => ({ id: m.id, revision: m.revision, title: m.title, language: m.language })) });
      return 0;
    }
    const m = pack.manifest;
    output.out(`${m.title} — ${m.publisher} (${m.license})`);
    output.out(`Pack ${m.packId}, format ${m.formatVersion}, made ${m.createdAt} with version ${m.appVersion}`);
    output.out(`All checks passed: ${m.entries.length} entries, checksums verified, every module valid.`);
    for (const module of pack.modules) output.out(`  ${module.id.padEnd(40)} r${module.revision}  ${module.language}  ${module.title}`);
    for (const curriculum of pack.curricula) output.out(`  curriculum ${curriculum.id}`);
    return 0;
  },
};

export const packImport: Command = {
  name: 'pack import',
  summary: 'Import a .ccpack into the library, and its curricula as new courses (a backup is taken first; undo with "pack undo")',
  usage: 'pack import FILE [--on-conflict keep-mine|take-theirs|keep-both] [--no-curricula] [--dry-run] [--data DIR] [--json]',
  options: { 'on-conflict': { type: 'string' }, 'no-curricula': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    const onConflict = values['on-conflict'];
    if (onConflict !== undefined && (typeof onConflict !== 'string' || !['keep-mine', 'take-theirs', 'keep-both'].includes(onConflict))) {
      throw new UsageError('--on-conflict must be keep-mine, take-theirs or keep-both');
    }
    const file = positionals[0] ?? '';
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new AppError('not-found', `Cannot read ${file}: ${(error as Error).message}`);
    }
    return withServices(async (services) => {
      const preview = await services.packs.preview({ bytes });
      const dryRun = values['dry-run'] === true;
      const result = await services.packs.import(preview.previewId, {}, {
        dryRun,
        ...(onConflict ? { onConflict: onConflict as ImportAction } : {}),
        ...(values['no-curricula'] === true ? { curricula: [] } : {}),
      });
      if (values['json']) {
        printJson(output, { preview, result });
        return 0;
      }
      output.out(`${preview.title} — ${preview.publisher} (${preview.license})${dryRun ? ' [dry run: nothing written]' : ''}`);
      for (const item of preview.items) {
        const done = result.written.filter((w) => w.from === item.moduleId);
        const what = done.length > 0 ? done.map((d) => `${d.action} → ${d.moduleId}`).join(', ') : 'kept mine';
        output.out(`  ${item.moduleId.padEnd(40)} ${item.status.padEnd(18)} ${what}`);
        for (const warning of item.warnings) output.out(`      warning: ${warning}`);
      }
      for (const course of preview.curricula) {
        const added = result.curricula.find((c) => c.from === course.curriculumId);
        const what = added ? `new course → ${added.curriculumId}` : course.problem ? `not imported: ${course.problem}` : 'not imported';
        output.out(`  curriculum ${course.curriculumId.padEnd(29)} ${what}`);
      }
      const courses = result.curricula.length > 0 ? ` and ${result.curricula.length} course${result.curricula.length === 1 ? '' : 's'}` : '';
      if (!dryRun) output.out(`Imported ${result.written.length} module${result.written.length === 1 ? '' : 's'}${courses}; a backup was taken first ("pack undo" reverts this import).`);
      return 0;
    });
  },
};

export const packUndo: Command = {
  name: 'pack undo',
  summary: 'Undo the last pack import (the library goes back to how it was before it; courses it added are removed)',
  usage: 'pack undo [--data DIR]',
  options: {},
  async run({ output, withServices }) {
    return withServices(async (services) => {
      const last = await services.packs.undoLastImport();
      const courses = last.curriculumIds?.length ?? 0;
      output.out(`Undid the import of "${last.title}" (${last.publisher}, ${last.importedAt})${courses > 0 ? `; removed the ${courses} course${courses === 1 ? '' : 's'} it added` : ''}.`);
      return 0;
    });
  },
};

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

