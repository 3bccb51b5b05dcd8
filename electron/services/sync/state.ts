/**
 * What the sync keeps in the data folder, under sync/: the connection (config.json, never a token), the
 * engine's bookkeeping (state.json) and the git repository (repo.git). state.json's `head` is the commit
 * whose tree is what the store held at the end of the last sync: it is written in the same journalled
 * transaction as the changes a sync applies, so a sync killed at any moment leaves the store and `head`
 * agreeing (old and old, or new and new). Git refs are only a cache of it.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { IsoDateTimeSchema } from '../../../shared/schemas/common';
import { CommitIdSchema, SyncConfigSchema, SyncErrorSchema, type SyncConfig } from '../../../shared/schemas/sync';
import { writeFileAtomic } from '../store/atomic-file';

export const SYNC_DIR = 'sync';
export const CONFIG_FILE = `${SYNC_DIR}/config.json`;
export const STATE_FILE = `${SYNC_DIR}/state.json`;
export const REPO_DIR = `${SYNC_DIR}/repo.git`;

export const SyncStateFileSchema = z.object({
  version: z.literal(1),
  /** The remote the heads refer to; another remote starts the bookkeeping again (the history stays). */
  remote: z.string(),
  head: CommitIdSchema.nullable(),
  remoteHead: CommitIdSchema.nullable(),
  lastSyncAt: IsoDateTimeSchema.nullable(),
  lastError: SyncErrorSchema.nullable(),
  ahead: z.number().int().min(0),
  behind: z.number().int().min(0),
  /** The last sync stopped on conflicts. */
  conflicts: z.boolean(),
});
export type SyncStateFile = z.infer<typeof SyncStateFileSchema>;

export const initialState = (remote: string): SyncStateFile => ({ version: 1, remote, head: null, remoteHead: null, lastSyncAt: null, lastError: null, ahead: 0, behind: 0, conflicts: false });

export const stateText = (state: SyncStateFile): string => `${JSON.stringify(state, null, 2)}\n`;

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function readConfig(dataDir: string): Promise<SyncConfig | null> {
  const raw = await readJson(join(dataDir, CONFIG_FILE));
  if (raw === null) return null;
  const parsed = SyncConfigSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('store-corrupt', `The sync connection (${CONFIG_FILE}) cannot be read; connect the library again.`);
  return parsed.data;
}

export async function writeConfig(dataDir: string, config: SyncConfig): Promise<void> {
  await mkdir(join(dataDir, SYNC_DIR), { recursive: true });
  await writeFileAtomic(join(dataDir, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

/** The bookkeeping for `remote`; a missing, unreadable or other remote's state starts afresh (the next sync rebuilds it). */
export async function readState(dataDir: string, remote: string): Promise<SyncStateFile> {
  const parsed = SyncStateFileSchema.safeParse(await readJson(join(dataDir, STATE_FILE)));
  if (!parsed.success || parsed.data.remote !== remote) return initialState(remote);
  return parsed.data;
}

export async function writeState(dataDir: string, state: SyncStateFile): Promise<void> {
  await mkdir(dirname(join(dataDir, STATE_FILE)), { recursive: true });
  await writeFileAtomic(join(dataDir, STATE_FILE), stateText(state));
}

export async function removeSyncFiles(dataDir: string, forgetHistory: boolean): Promise<void> {
  await rm(join(dataDir, CONFIG_FILE), { force: true });
  if (forgetHistory) await rm(join(dataDir, SYNC_DIR), { recursive: true, force: true });
}
