import { readFile } from 'node:fs/promises';
import { fileExists, writeFileAtomic } from './atomic-file';
import { backUpFile, pruneBackups } from './backups';
import type { DocumentStorage, FilePlan } from './document-files';
import { decodeDocument, encodeDocument, type DocumentDefinition } from './documents';

export type BackupPolicy = {
  /** How many previous versions to keep. */
  keep: number;
  /**
   * Minimum time between two backups. Autosave writes on every edit; without a spacing the ten backups
   * would all be from the last minute and useless for recovering yesterday's work. 0 backs up every save.
   */
  minIntervalMs: number;
};

/**
 * lowdb adapter for a document kept in one data file (the settings). Reads decode, migrate and validate (throwing a typed AppError instead of
 * falling back to defaults); writes are atomic and keep the previous version as a rolling backup.
 * Writes are queued so that two saves never race on the rename.
 */
export class DurableJsonAdapter<T> implements DocumentStorage<T> {
  private queue: Promise<void> = Promise.resolve();
  private lastBackupAt = 0;

  constructor(
    private readonly dataDir: string,
    readonly path: string,
    private readonly definition: DocumentDefinition<T>,
    private readonly backups: BackupPolicy,
  ) {}

  /** `null` when the file does not exist yet (first start); throws when it exists but cannot be used. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return decodeDocument(text, this.definition);
  }

  write(data: T): Promise<void> {
    // Serialise now, so later mutations of `data` cannot leak into this write.
    const text = this.encode(data);
    const run = this.queue.then(() => this.replace(text));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The file's text for `data`; a transaction writes it itself (see Store.transaction). */
  encode(data: T): string {
    return encodeDocument(data, this.definition);
  }

  plan(data: T): FilePlan {
    return { writes: [{ path: this.definition.fileName, bytes: this.encode(data) }], removals: [] };
  }

  backUp(): Promise<void> {
    return this.backupIfDue();
  }

  committed(): void {
    // Nothing to remember: the next save writes the whole file.
  }

  /** Keeps the current file as a rolling backup when the policy says one is due; before every replacement. */
  async backupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastBackupAt >= this.backups.minIntervalMs && (await fileExists(this.path))) {
      await backUpFile(this.dataDir, this.definition.fileName, new Date(now));
      await pruneBackups(this.dataDir, this.definition.fileName, this.backups.keep);
      this.lastBackupAt = now;
    }
  }

  private async replace(text: string): Promise<void> {
    await this.backupIfDue();
    await writeFileAtomic(this.path, text);
  }
}
