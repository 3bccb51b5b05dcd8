import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/schemas/store';
import type { Command } from '../command';
import { printJson } from '../output';

/** The store's schemas (zod) load only when a command runs, so that help stays fast. */
const storeFiles = async () => {
  const [{ DOCUMENT_NAMES }, { listBackups }, { decodeDocument, definitionOf }] = await Promise.all([
    import('../../../shared/schemas/store'),
    import('../../services/store/backups'),
    import('../../services/store/documents'),
  ]);
  return { DOCUMENT_NAMES, listBackups, decodeDocument, definitionOf };
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
    const { DOCUMENT_NAMES, listBackups, decodeDocument, definitionOf } = await storeFiles();
    const files: FileReport[] = [];
    for (const name of DOCUMENT_NAMES) {
      const definition = definitionOf(name);
      const file = join(dataDir, definition.fileName);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        files.push({ document: name, file, state: missing ? 'missing' : 'problem', message: (error as Error).message });
        continue;
      }
      try {
        decodeDocument(text, definition);
        files.push({ document: name, file, state: 'ok' });
      } catch (error) {
        files.push({ document: name, file, state: 'problem', message: (error as Error).message });
      }
    }
    const backups = await listBackups(dataDir);
    const healthy = files.every((f) => f.state === 'ok');
    if (values['json']) printJson(output, { dataDir, healthy, files, backups });
    else {
      output.out(`Data folder: ${dataDir}`);
      for (const f of files) output.out(`  ${f.document.padEnd(9)} ${f.state.toUpperCase().padEnd(8)} ${f.message ?? f.file}`);
      const bad = backups.filter((b) => !b.loadable);
      output.out(`Backups: ${backups.length} (${backups.length - bad.length} loadable)`);
      for (const b of bad) output.out(`  ${b.id}: ${b.problem ?? 'cannot be loaded'}`);
      if (!healthy) output.out('Run "data backups" to list backups and "data restore BACKUP" to restore one.');
    }
    return healthy ? 0 : 1;
  },
};

export const dataBackups: Command = {
  name: 'data backups',
  summary: 'List the backups of the data files, newest first',
  usage: 'data backups [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values, output }) {
    const { listBackups } = await storeFiles();
    const backups = (await listBackups(dataDir)).reverse();
    if (values['json']) printJson(output, backups);
    else if (backups.length === 0) output.out(`No backups in ${dataDir}`);
    else for (const b of backups) output.out(formatBackup(b));
    return 0;
  },
};

export const dataRestore: Command = {
  name: 'data restore',
  summary: 'Put a backup back in place of its data file (the replaced file is kept)',
  usage: 'data restore BACKUP [--data DIR]',
  options: {},
  positionals: 1,
  async run({ dataDir, positionals, output, withServices }) {
    const backupId = positionals[0] ?? '';
    // Check before opening the store: opening a fresh folder would seed it, and an error must write nothing.
    const { listBackups } = await storeFiles();
    const backup = (await listBackups(dataDir)).find((b) => b.id === backupId);
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
  return `${b.id}  ${b.document.padEnd(9)} ${b.createdAt}  ${String(b.bytes).padStart(9)} bytes  v${b.schemaVersion ?? '?'}  ${state}`;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
