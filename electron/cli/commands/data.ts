import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/schemas/store';
import type { Command } from '../command';
import { printJson } from '../output';

/** The store's schemas (zod) load only when a command runs, so that help stays fast. */
const storeFiles = async () => {
  const [backups, documents, layout, library, curricula, { BACKUP_NAME }] = await Promise.all([
    import('../../services/store/backups'),
    import('../../services/store/documents'),
    import('../../services/store/layout'),
    import('../../services/store/library-files'),
    import('../../services/store/curricula-files'),
    import('../../../shared/schemas/store'),
  ]);
  return { ...backups, ...documents, ...layout, ...library, ...curricula, BACKUP_NAME };
};

type FileReport = { document: string; file: string; state: 'ok' | 'missing' | 'problem'; message?: string };

/** Read-only: loads every data file and backup as the app would, without taking the lock or writing. */
export const dataCheck: Command = {
  name: 'data check',
  summary: 'Validate the data files and their backups',
  usage: 'data check [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values, output }) {
    if (!(await isDirectory(dataDir))) throw new AppError('not-found', `There is no data folder at ${dataDir} (the app creates it on first start)`);
    const store = await storeFiles();
    const files: FileReport[] = [await checkSettings(dataDir, store)];
    const noBackups = { keep: 0, minIntervalMs: 0 };
    const split = { library: new store.LibraryFiles(dataDir, noBackups, false), curricula: new store.CurriculaFiles(dataDir, noBackups, false) };
    for (const name of ['library', 'curricula'] as const) {
      const legacy = join(dataDir, store.LEGACY_FILES[name]);
      let text: string | null = null;
      try {
        text = await readFile(legacy, 'utf8');
      } catch {
        // No file of the first layout: the usual case.
      }
      try {
        if (text !== null) {
          store.decodeDocument(text, store.definitionOf(name));
          files.push({ document: name, file: legacy, state: 'ok', message: `${legacy}: first layout, moved to one file per module and course when the app next opens it` });
        } else {
          const data = await split[name].read();
          files.push({ document: name, file: join(dataDir, name), state: data ? 'ok' : 'missing', ...(data ? {} : { message: `No ${name} data in ${dataDir}` }) });
        }
      } catch (error) {
        const file = (error as { file?: string }).file;
        files.push({ document: name, file: file ? join(dataDir, file) : legacy, state: 'problem', message: (error as Error).message });
      }
    }
    const backups = await store.listBackups(dataDir);
    const healthy = files.every((f) => f.state === 'ok');
    if (values['json']) printJson(output, { dataDir, healthy, files, backups });
    else {
      output.out(`Data folder: ${dataDir}`);
      for (const f of files) output.out(`  ${f.document.padEnd(9)} ${f.state.toUpperCase().padEnd(8)} ${f.message ?? f.file}`);
      const bad = backups.filter((b) => !b.loadable);
      output.out(`Backups of the settings and indexes: ${backups.length} (${backups.length - bad.length} loadable)`);
      for (const b of bad) output.out(`  ${b.id}: ${b.problem ?? 'cannot be loaded'}`);
      if (!healthy) output.out('Run "data backups [--module ID | --course ID]" to list backups and "data restore BACKUP" to restore one.');
    }
    return healthy ? 0 : 1;
  },
};

async function checkSettings(dataDir: string, store: Awaited<ReturnType<typeof storeFiles>>): Promise<FileReport> {
  const file = join(dataDir, store.SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { document: 'settings', file, state: missing ? 'missing' : 'problem', message: (error as Error).message };
  }
  try {
    store.decodeDocument(text, store.definitionOf('settings'));
    return { document: 'settings', file, state: 'ok' };
  } catch (error) {
    return { document: 'settings', file, state: 'problem', message: (error as Error).message };
  }
}

export const dataBackups: Command = {
  name: 'data backups',
  summary: "List backups, newest first: of the settings and indexes, or one module's or course's history",
  usage: 'data backups [--module ID | --course ID] [--data DIR] [--json]',
  options: { json: { type: 'boolean' }, module: { type: 'string' }, course: { type: 'string' } },
  async run({ dataDir, values, output }) {
    const store = await storeFiles();
    const file = backupsFileOf(values, store);
    const backups = (await store.listBackups(dataDir, file)).reverse();
    if (values['json']) printJson(output, backups);
    else if (backups.length === 0) output.out(file ? `No backups of ${file} in ${dataDir}` : `No backups in ${dataDir}`);
    else for (const b of backups) output.out(formatBackup(b));
    return 0;
  },
};

/** The data file whose backups `--module` or `--course` ask for; undefined for the general list. */
function backupsFileOf(values: Record<string, unknown>, store: Awaited<ReturnType<typeof storeFiles>>): string | undefined {
  const module = values['module'];
  const course = values['course'];
  if (module !== undefined && course !== undefined) throw new AppError('invalid-argument', 'Give --module or --course, not both');
  const id = (module ?? course) as string | undefined;
  if (id === undefined) return undefined;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new AppError('invalid-argument', `"${id}" is not a module or course id (lowercase letters, digits and hyphens)`);
  return module !== undefined ? store.moduleFile(id) : store.curriculumFile(id);
}

export const dataRestore: Command = {
  name: 'data restore',
  summary: 'Put a backup back: a whole file, or one module or course (the version it replaces is backed up)',
  usage: 'data restore BACKUP [--data DIR]',
  options: {},
  positionals: 1,
  async run({ dataDir, positionals, output, withServices }) {
    const backupId = positionals[0] ?? '';
    // Check before opening the store: opening a fresh folder would seed it, and an error must write nothing.
    const store = await storeFiles();
    if (!store.BACKUP_NAME.test(backupId) || backupId.split('/').includes('..')) {
      throw new AppError('invalid-argument', `"${backupId}" is not a backup name; run "data backups" to list them`);
    }
    const file = `${store.BACKUP_NAME.exec(backupId)?.[1] ?? ''}.json`;
    const backup = (await store.listBackups(dataDir, file)).find((b) => b.id === backupId);
    if (!backup) throw new AppError('not-found', `No backup named "${backupId}" in ${dataDir}; run "data backups" to list them`);
    if (!backup.loadable) throw new AppError('store-corrupt', `Backup ${backupId} cannot be loaded: ${backup.problem ?? 'unknown problem'}`);
    return withServices(async (services) => {
      const status = await services.store.restore(backupId);
      output.out(`Restored ${backupId}.`);
      if (!status.healthy) for (const p of status.problems) output.out(`Still a problem: ${p.message}`);
      return status.healthy ? 0 : 1;
    });
  },
};

function formatBackup(b: BackupInfo): string {
  const state = b.loadable ? 'ok' : `CANNOT LOAD: ${b.problem ?? ''}`;
  const what = b.title ? `  "${b.title}"${b.revision !== undefined ? ` r${b.revision}` : ''}` : '';
  return `${b.id}  ${b.createdAt}  ${String(b.bytes).padStart(9)} bytes  v${b.schemaVersion ?? '?'}  ${state}${what}`;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
