import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { removeQuietly, type LockFs } from './lock-fs';
import type { ProcessIdentity } from './process-identity';

/**
 * One process's claim on a data folder (see lock.ts for how claims make a lock). A ticket is a file in the
 * lock folder whose NAME says whose it is — `<pid>-<start time>-<nonce>@<host>.lock` — and whose content
 * adds the rest of the owner record (boot id, which program, since when) for messages.
 *
 * Because the name alone identifies the owner, a ticket can be judged even when its content is empty or
 * partial (the fallback below writes it in place), and its name is never used by anyone else, so removing
 * a dead owner's ticket can never remove a live one's.
 */
export type TicketOwner = ProcessIdentity & { by: string; since: string };
export type Ticket = {
  name: string;
  pid: number;
  startTime: string | null;
  host: string;
  /** The rest of the record, null while it is being written (fallback) or if it was damaged. */
  record: TicketOwner | null;
};

const TICKET = /^(\d{1,10})-(\d{1,20}|x)-([0-9a-f]{16})@([A-Za-z0-9._-]{1,64})\.lock$/;
const TEMP_SUFFIX = '.tmp';

/** Host names go into file names: anything outside a safe set becomes '_' (the same on every reader). */
export function hostTag(host: string): string {
  return host.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64) || '_';
}

export function ticketName(self: ProcessIdentity, nonce: string): string {
  return `${self.pid}-${self.startTime ?? 'x'}-${nonce}@${hostTag(self.host)}.lock`;
}

export function parseTicketName(name: string): Omit<Ticket, 'record'> | null {
  const match = TICKET.exec(name);
  if (!match) return null;
  const [, pid = '', start = '', , host = ''] = match;
  return { name, pid: Number(pid), startTime: start === 'x' ? null : start, host };
}

export function readTicket(fsys: LockFs, dir: string, name: string): Ticket | null {
  const parsed = parseTicketName(name);
  if (!parsed) return null;
  let record: TicketOwner | null = null;
  try {
    const value = JSON.parse(fsys.readFileSync(join(dir, name), 'utf8')) as Partial<TicketOwner>;
    if (typeof value.by === 'string' && typeof value.since === 'string') record = value as TicketOwner;
  } catch {
    // Empty or partial: being written right now (fallback), or gone meanwhile. The name still says whose it is.
  }
  return { ...parsed, record };
}

/** Codes `link` gives where the file system has no hard links (FAT and exFAT sticks, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Writes this process's ticket and returns its name. Normally the record is written to a temp file, then
 * hard-linked to the ticket's name: the ticket appears complete, from its first byte. Without hard links it
 * is created in place (exclusively) and written; a reader may then see it empty for a moment, which is
 * harmless because readers judge a ticket by its name. Nothing is left behind on failure.
 *
 * No fsync: other processes read the ticket from the page cache (or, on a network share, from the server,
 * which the close flushes to), never from the disk; and after a power cut every ticket is stale anyway,
 * judged by its name and boot id whatever its content. An fsync would only add its cost (about 6 ms of
 * the 8 ms a lock took here under load) to every opening.
 */
export function createTicket(fsys: LockFs, dir: string, self: ProcessIdentity, by: string): string {
  const name = ticketName(self, randomBytes(8).toString('hex'));
  const record: TicketOwner = { ...self, by, since: new Date().toISOString() };
  const bytes = Buffer.from(JSON.stringify(record));
  const temp = join(dir, `${name}${TEMP_SUFFIX}`);
  // A process releasing the lock removes the folder when it is empty: create it again if that happens
  // between our mkdir and our write.
  for (let attempt = 1; ; attempt += 1) {
    makeFolder(fsys, dir);
    try {
      writeComplete(fsys, temp, bytes);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error;
    }
  }
  try {
    fsys.linkSync(temp, join(dir, name));
  } catch (error) {
    removeQuietly(fsys, temp);
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    writeComplete(fsys, join(dir, name), bytes);
    return name;
  }
  removeQuietly(fsys, temp);
  return name;
}

/**
 * The lock folder, in a data folder that exists. Not `recursive`: Node's recursive mkdir reports ENOENT
 * instead of EROFS on read-only media, which would hide why the folder cannot be locked.
 */
function makeFolder(fsys: LockFs, dir: string): void {
  try {
    fsys.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Creates `path` exclusively with `bytes`; on any failure the file is removed again. The close is checked
 * too: some file systems (NFS) report a full disk only when the file is closed.
 */
function writeComplete(fsys: LockFs, path: string, bytes: Uint8Array): void {
  const fd = fsys.openSync(path, 'wx', 0o600);
  let open = true;
  try {
    let written = 0;
    while (written < bytes.length) written += fsys.writeSync(fd, bytes.subarray(written));
    open = false; // the descriptor is released even when close reports an error
    fsys.closeSync(fd);
  } catch (error) {
    if (open) fsys.closeSync(fd);
    removeQuietly(fsys, path);
    throw error;
  }
}

/** A ticket's temp file (never a claim), named after its ticket; its writer's, to tell whether it is garbage. */
export function parseTicketTemp(name: string): Omit<Ticket, 'record'> | null {
  return name.endsWith(TEMP_SUFFIX) ? parseTicketName(name.slice(0, -TEMP_SUFFIX.length)) : null;
}
