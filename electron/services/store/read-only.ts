import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { StoreReadOnly, StoreReadOnlyReason } from '../../../shared/schemas/store';
import { fileExists } from './atomic-file';
import { JOURNAL_FILE, type RecoveryOutcome } from './journal';

/**
 * Why a data folder cannot be written, from the error a write gave. A full disk, read-only media and a
 * folder this account may not write are the cases where the data can still be shown: the store then opens
 * read-only rather than not at all.
 */
export function readOnlyReasonOf(error: unknown): StoreReadOnlyReason | null {
  const code: string = (error as NodeJS.ErrnoException | null)?.code ?? '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
      return 'read-only-media';
    case 'EACCES':
    case 'EPERM':
      return 'no-permission';
    default:
      return null;
  }
}

export function describeReadOnly(reason: StoreReadOnlyReason, dataDir: string): StoreReadOnly {
  const message =
    reason === 'disk-full'
      ? `The disk holding ${dataDir} is full: free some space and restart; nothing can be saved until then.`
      : reason === 'read-only-media'
        ? `The disk holding ${dataDir} is read-only (write-protected or mounted read-only): make it writable and restart; nothing can be saved until then.`
        : `This account may not write in ${dataDir}: give it write permission (or use another data folder) and restart; nothing can be saved until then.`;
  return { reason, message };
}

/** What every write of a read-only store throws, naming what it tried to save. */
export function readOnlyError(readOnly: StoreReadOnly, what: string): AppError {
  return new AppError('store-read-only', `Cannot save ${what}. ${readOnly.message}`);
}

/**
 * Opening read-only cannot finish a transaction that a crash interrupted (that means writing), and reading
 * around it would show some files old and some new: such a folder is refused until it can be written.
 */
export async function refuseUnfinishedJournal(dataDir: string, readOnly: StoreReadOnly): Promise<RecoveryOutcome> {
  if (!(await fileExists(join(dataDir, JOURNAL_FILE)))) return { action: 'none' };
  throw new AppError('store-read-only', `A save that was interrupted must be finished before the data can be shown. ${readOnly.message}`);
}
