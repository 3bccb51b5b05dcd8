import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { ImportAction, ImportDecision, PackPreview } from '../../../shared/schemas/pack-import';
import { readAppVersion } from '../../services/app/licenses';
import { writeFileAtomic } from '../../services/store/atomic-file';
import type { Command } from '../command';
import { checkOutputFile } from '../output-file';
import { printJson, UsageError, type Output } from '../output';
import type { PackInspection } from '../../services/packs/pack-inspect';

export const packExport: Command = {
  name: 'pack export',
  summary: 'Write modules to a .ccpack file to share with another academy (with --pack-id, the same content always gives the same file)',
  usage:
    'pack export (--modules ID,ID | --curriculum ID) --out FILE.ccpack [--force] [--title T --publisher P --license L --description D] [--pack-id ID [--created-at DATE]] [--data DIR]',
  options: {
    modules: { type: 'string' },
    curriculum: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
    publisher: { type: 'string' },
    license: { type: 'string' },
    description: { type: 'string' },
    'pack-id': { type: 'string' },
    'created-at': { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ values, output, withServices, appRoot }) {
    const ids = typeof values['modules'] === 'string' ? values['modules'].split(',').map((s) => s.trim()).filter(Boolean) : [];
    const curriculumId = str(values['curriculum']);
    if (ids.length === 0 && !curriculumId) throw new UsageError('give --modules ID,ID (comma-separated) or --curriculum ID');
    // zod loads only when a command runs, so that help stays fast.
    const { z } = await import('zod');
    const { IdSchema } = await import('../../../shared/schemas/common');
    const packId = str(values['pack-id']);
    if (packId !== undefined && !z.union([z.uuid(), IdSchema]).safeParse(packId).success) throw new UsageError('--pack-id must be a UUID or a lowercase id such as osce-community-policing-2025');
    const createdAt = str(values['created-at']);
    if (createdAt !== undefined && (!z.iso.datetime({ offset: true }).safeParse(createdAt).success || Number.isNaN(Date.parse(createdAt)))) {
      throw new UsageError('--created-at must be an ISO date and time such as 2026-03-01T09:30:00Z');
    }
    const out = await checkOutputFile(values['out'], values['force'], '.ccpack');
    return withServices(async (services) => {
      const { exportPack } = await import('../../services/packs/pack-export');
      const { version } = await readAppVersion(appRoot);
      const pack = await exportPack(
        services.store,
        {
          moduleIds: ids,
          ...(curriculumId ? { curriculumId } : {}),
          ...(packId ? { packId } : {}),
          ...(createdAt ? { createdAt } : {}),
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
  summary: 'Check a .ccpack file and show every check made, its entries, manifest and modules, without importing anything',
  usage: 'pack inspect FILE [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output }) {
    // The pack reader (zod, yauzl) loads only when a command runs, so that help stays fast.
    const { inspectPack } = await import('../../services/packs/pack-inspect');
    const report = await inspectPack(positionals[0] ?? '');
    if (values['json']) printJson(output, report);
    else printInspection(output, report);
    return report.ok ? 0 : 1;
  },
};

const STATUS_WORD = { passed: 'passed', failed: 'FAILED', 'not-run': 'not run' } as const;
const METHOD_NAME: Readonly<Record<number, string>> = { 0: 'stored', 8: 'deflated' };

function printInspection(output: Output, report: PackInspection): void {
  const m = report.manifest;
  if (m) {
    output.out(`${m.title} — ${m.publisher} (${m.license})`);
    output.out(`Pack ${m.packId}, format ${m.formatVersion}, made ${m.createdAt} with version ${m.appVersion}`);
  }
  output.out(report.ok ? 'Checks (all passed):' : `Refused: ${report.refusal?.message ?? 'the pack cannot be opened'}`);
  if (!report.ok) output.out('Checks:');
  for (const c of report.checks) {
    const detail = c.status === 'failed' ? (c.message ?? '') : c.status === 'passed' ? (c.found ?? c.description) : c.description;
    output.out(`  ${STATUS_WORD[c.status].padEnd(8)} ${c.check.padEnd(12)} ${detail}`);
  }
  if (report.zipEntries.length > 0) {
    output.out(`Entries (${report.zipEntries.length}):`);
    for (const e of report.zipEntries) {
      const how = METHOD_NAME[e.method] ?? `method ${String(e.method)}`;
      output.out(`  ${e.name.padEnd(48)} ${e.bytes.toLocaleString('en-US').padStart(12)} bytes, ${e.compressedBytes.toLocaleString('en-US')} ${how}`);
    }
  }
  if (m && report.ok) {
    const modules = m.entries.filter((e) => e.kind === 'module');
    output.out(`Modules (${modules.length}):`);
    for (const e of modules) output.out(`  ${e.moduleId.padEnd(40)} revision ${e.revision}`);
    const curricula = m.entries.filter((e) => e.kind === 'curriculum');
    for (const e of curricula) output.out(`  curriculum ${e.path.slice('curricula/'.length, -'.json'.length)}`);
  }
}

export const packImport: Command = {
  name: 'pack import',
  summary: 'Import a .ccpack into the library, and its curricula as new courses (a backup is taken first; undo with "pack undo")',
  usage:
    'pack import FILE [--choose ID=keep-mine|take-theirs|keep-both|merge ...] [--on-conflict keep-mine|take-theirs|keep-both] [--no-curricula | --skip-curriculum ID ...] [--dry-run] [--data DIR] [--json]',
  options: {
    choose: { type: 'string', multiple: true },
    'on-conflict': { type: 'string' },
    'no-curricula': { type: 'boolean' },
    'skip-curriculum': { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    const onConflict = values['on-conflict'];
    if (onConflict !== undefined && (typeof onConflict !== 'string' || !['keep-mine', 'take-theirs', 'keep-both'].includes(onConflict))) {
      throw new UsageError('--on-conflict must be keep-mine, take-theirs or keep-both');
    }
    const choices = parseChoices(values['choose']);
    const skipped = many(values['skip-curriculum']);
    if (values['no-curricula'] === true && skipped.length > 0) throw new UsageError('give --no-curricula or --skip-curriculum, not both');
    const file = positionals[0] ?? '';
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new AppError('not-found', `Cannot read ${file}: ${(error as Error).message}`);
    }
    return withServices(async (services) => {
      const preview = await services.packs.preview({ bytes });
      checkNamed(preview, choices, skipped);
      const dryRun = values['dry-run'] === true;
      // Left out explicitly: every course (--no-curricula) or the ones named; the others are added if valid.
      const leaveOut = values['no-curricula'] === true ? preview.curricula.map((c) => c.curriculumId) : skipped;
      const chosen = preview.curricula.filter((c) => c.problem === undefined && !leaveOut.includes(c.curriculumId)).map((c) => c.curriculumId);
      const decisions: Record<string, ImportDecision> = Object.fromEntries([...choices].map(([id, action]) => [id, { action }]));
      const result = await services.packs.import(preview.previewId, decisions, {
        dryRun,
        ...(onConflict ? { onConflict: onConflict as ImportAction } : {}),
        ...(leaveOut.length > 0 ? { curricula: chosen, leaveOut } : {}),
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
        const conflicts = item.fields.filter((f) => f.source === 'conflict').map((f) => f.key);
        if (done.some((d) => d.action === 'merge') && conflicts.length > 0) output.out(`      changed on both sides, yours kept: ${conflicts.join(', ')}`);
        for (const warning of item.warnings) output.out(`      warning: ${warning}`);
      }
      for (const course of preview.curricula) {
        const added = result.curricula.find((c) => c.from === course.curriculumId);
        const what = added ? `new course → ${added.curriculumId}` : course.problem ? `left out: ${course.problem}` : 'not imported';
        output.out(`  curriculum ${course.curriculumId.padEnd(29)} ${what}`);
      }
      if (dryRun) return 0;
      const courses = result.curricula.length > 0 ? ` and ${result.curricula.length} course${result.curricula.length === 1 ? '' : 's'}` : '';
      if (result.written.length === 0 && result.curricula.length === 0) output.out('Nothing was imported: your library already has everything this pack holds.');
      else output.out(`Imported ${result.written.length} module${result.written.length === 1 ? '' : 's'}${courses}; a backup was taken first ("pack undo" reverts this import).`);
      return 0;
    });
  },
};

/** What `--choose` accepts: the actions of shared/schemas/pack-import.ts (a test keeps the two equal). */
export const IMPORT_ACTIONS: readonly ImportAction[] = ['keep-mine', 'take-theirs', 'keep-both', 'merge'];

/** `--choose ID=ACTION`, repeatable: one action per module of the pack. */
function parseChoices(raw: unknown): Map<string, ImportAction> {
  const choices = new Map<string, ImportAction>();
  for (const text of many(raw)) {
    const match = /^([^=]+)=(.*)$/.exec(text);
    if (!match) throw new UsageError(`--choose takes ID=ACTION, such as ethics-integrity=keep-mine, not "${text}"`);
    const [, id = '', action = ''] = match;
    if (!(IMPORT_ACTIONS as readonly string[]).includes(action)) throw new UsageError(`--choose ${text}: unknown action "${action}"; use keep-mine, take-theirs, keep-both or merge`);
    if (choices.has(id)) throw new UsageError(`--choose names the module "${id}" twice`);
    choices.set(id, action as ImportAction);
  }
  return choices;
}

/** Ids given on the command line must name what the pack holds; checked before anything is written. */
function checkNamed(preview: PackPreview, choices: ReadonlyMap<string, ImportAction>, skipped: readonly string[]): void {
  for (const id of choices.keys()) {
    if (!preview.items.some((item) => item.moduleId === id)) throw new UsageError(`--choose ${id}=…: the pack has no module "${id}"`);
  }
  for (const id of skipped) {
    if (!preview.curricula.some((c) => c.curriculumId === id)) throw new UsageError(`--skip-curriculum ${id}: the pack has no curriculum "${id}"`);
  }
}

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

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A repeatable option's values (parseArgs gives an array for `multiple: true`). */
function many(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}
