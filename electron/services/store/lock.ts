/**
 * One writer per data folder: the desktop app, the CLI and the web harness all take this lock, so two of
 * them can never interleave saves.
 *
 * Why tickets and not one `.lock` file. A single lock file must be removed when its owner has died, and
 * removing a shared name is the race the review measured: between "this lock is stale" and the removal,
 * another process may have taken the stale lock over and written a fresh one under the same name, which is
 * then deleted. Renaming the stale file aside first and putting it back when it turns out fresh only moves
 * the window (a third process may create the name while it is away). So no name is ever shared:
 *
 *   1. Each process writes its own ticket, `.locks/<pid>-<start time>-<nonce>@<host>.lock`, complete from
 *      its first byte (temp file, then hard link; lock-ticket.ts has the fallback for FAT sticks).
 *   2. Then it lists the folder and judges every other ticket by the process its name gives
 *      (process-identity.ts): a dead owner's ticket (pid gone, pid reused by a process that started at
 *      another tick, or from before a reboot) is removed, which is always safe because that name belonged
 *      to that dead process alone. A live owner's ticket, or one from another host (which we cannot check),
 *      means the folder is taken or being taken: we remove our own ticket and back off.
 *   3. Otherwise we hold the lock, until we remove our ticket.
 *
 * Why two processes can never both hold it: of two tickets, one appeared second. Its writer listed the
 * folder after both existed, so it saw the other (readdir returns every entry present for the whole call,
 * and a holder's ticket stays until it releases); that owner being alive, it backed off. Two processes
 * arriving together may both back off: they retry after short random delays while the other ticket is
 * young (a holder of long standing is refused at once), then give up with a message naming it.
 *
 * A full disk, read-only media or a folder we may not write (step 1 fails) does not stop the data from
 * being shown: `acquire` then reports the store as read-only (the Store refuses every write), after
 * checking that no live process holds the folder; nothing is left behind.
 *
 * The single `.lock` file of earlier versions is respected while its owner runs and ignored once it is
 * gone; it is never removed (removing it is the race above).
 */
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { StoreReadOnly } from '../../../shared/schemas/store';
import { NODE_LOCK_FS, removeFolderIfEmpty, removeQuietly, type LockFs } from './lock-fs';
import { createTicket, hostTag, parseTicketTemp, readTicket, type Ticket } from './lock-ticket';
import { livenessOf, SYSTEM_PROBE, type ProcessProbe } from './process-identity';
import { describeReadOnly, readOnlyReasonOf } from './read-only';

export const LOCK_FOLDER = '.locks';
export const LEGACY_LOCK_FILE = '.lock';

export type LockOptions = { fs?: LockFs; probe?: ProcessProbe; delay?: (ms: number) => Promise<void> };
export type LockOutcome = { kind: 'held'; lock: DataDirLock } | { kind: 'read-only'; readOnly: StoreReadOnly };

/** Attempts while another ticket is young: contenders that arrived together retry, one of them wins. */
const ATTEMPTS = 8;
/** A ticket older than this belongs to a holder, not a contender: no point waiting for it. */
const YOUNG_MS = 2_000;

/** Data folders this process holds: opening the same folder twice in one process is refused too. */
const held = new Set<string>();

type Blocker = { ticket: Ticket; foreign: boolean; path: string };

export class DataDirLock {
  private constructor(
    private readonly key: string,
    private readonly ticketPath: string,
    private readonly fsys: LockFs,
  ) {}

  static async acquire(dataDir: string, by: string, options: LockOptions = {}): Promise<LockOutcome> {
    const fsys = options.fs ?? NODE_LOCK_FS;
    const probe = options.probe ?? SYSTEM_PROBE;
    const delay = options.delay ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    const key = resolve(dataDir);
    const dir = join(dataDir, LOCK_FOLDER);
    const legacy = legacyBlocker(fsys, dataDir, probe);
    if (legacy) throw lockedError(dataDir, legacy);
    for (let attempt = 1; ; attempt += 1) {
      // Checked on every attempt: after a delay, another opening in this process may have won. From here
      // to the return nothing awaits, so no other opening in this process can interleave.
      if (held.has(key)) throw new AppError('data-locked', `The data folder ${dataDir} is already open in this window or process.`);
      let name: string;
      try {
        name = createTicket(fsys, dir, probe.self(), by);
      } catch (error) {
        const reason = readOnlyReasonOf(error);
        if (!reason) throw new AppError('io-error', `Could not lock the data folder ${dataDir}: ${(error as Error).message}`);
        const blocker = blockers(fsys, dir, null, probe)[0];
        if (blocker) throw lockedError(dataDir, blocker);
        removeFolderIfEmpty(fsys, dir);
        return { kind: 'read-only', readOnly: describeReadOnly(reason, dataDir) };
      }
      const found = blockers(fsys, dir, name, probe);
      const blocker = found[0];
      if (!blocker) {
        held.add(key);
        return { kind: 'held', lock: new DataDirLock(key, join(dir, name), fsys) };
      }
      removeQuietly(fsys, join(dir, name));
      if (attempt >= ATTEMPTS || !found.some((b) => isYoung(b.ticket))) throw lockedError(dataDir, blocker);
      await delay(2 + Math.floor(Math.random() * 18));
    }
  }

  release(): void {
    if (!held.delete(this.key)) return;
    removeQuietly(this.fsys, this.ticketPath);
    removeFolderIfEmpty(this.fsys, dirname(this.ticketPath));
  }
}

/**
 * The tickets that keep us from holding the folder, after removing those of dead owners (and their temp
 * files). `own` is our ticket's name, skipped.
 */
function blockers(fsys: LockFs, dir: string, own: string | null, probe: ProcessProbe): Blocker[] {
  let names: string[];
  try {
    names = fsys.readdirSync(dir);
  } catch {
    return []; // no lock folder: nobody holds it
  }
  const self = probe.self();
  const found: Blocker[] = [];
  for (const name of names) {
    if (name === own) continue;
    const temp = parseTicketTemp(name);
    if (temp) {
      if (livenessOf({ ...temp, bootId: null }, probeWithTag(probe)) === 'dead') removeQuietly(fsys, join(dir, name));
      continue;
    }
    const ticket = readTicket(fsys, dir, name);
    if (!ticket) continue; // not a ticket: nothing of ours
    const owner = { pid: ticket.pid, startTime: ticket.startTime, host: ticket.host, bootId: ticket.record?.bootId ?? null };
    // A ticket of this very process that it no longer holds (a failed release): as good as dead.
    const ours = ticket.pid === self.pid && ticket.startTime === self.startTime && ticket.host === hostTag(self.host);
    const liveness = ours ? 'dead' : livenessOf(owner, probeWithTag(probe));
    if (liveness === 'dead') removeQuietly(fsys, join(dir, name));
    else found.push({ ticket, foreign: liveness === 'unknown-host', path: join(dir, name) });
  }
  return found;
}

/** Ticket names carry the host as a file-name-safe tag; compare like with like. */
function probeWithTag(probe: ProcessProbe): ProcessProbe {
  return { ...probe, self: () => ({ ...probe.self(), host: hostTag(probe.self().host) }) };
}

function isYoung(ticket: Ticket): boolean {
  if (!ticket.record) return true; // still being written
  const since = Date.parse(ticket.record.since);
  return !Number.isFinite(since) || Math.abs(Date.now() - since) < YOUNG_MS;
}

/** The lock file of earlier versions, while its owner may still run; null when absent, unreadable or dead. */
function legacyBlocker(fsys: LockFs, dataDir: string, probe: ProcessProbe): Blocker | null {
  const path = join(dataDir, LEGACY_LOCK_FILE);
  let owner: { pid?: unknown; host?: unknown; by?: unknown; startedAt?: unknown };
  try {
    owner = JSON.parse(fsys.readFileSync(path, 'utf8')) as typeof owner;
  } catch {
    return null;
  }
  if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
  const self = probe.self();
  const foreign = owner.host !== self.host;
  if (!foreign && (owner.pid === self.pid || !probe.pidExists(owner.pid))) return null;
  const record = { pid: owner.pid, startTime: null, bootId: null, host: owner.host, by: String(owner.by), since: String(owner.startedAt) };
  return { ticket: { name: LEGACY_LOCK_FILE, pid: owner.pid, startTime: null, host: owner.host, record }, foreign, path };
}

function lockedError(dataDir: string, blocker: Blocker): AppError {
  const { ticket, foreign, path } = blocker;
  const record = ticket.record;
  const who = record
    ? `${record.by}, process ${ticket.pid} on ${record.host}, since ${record.since}`
    : `process ${ticket.pid} on ${ticket.host}, starting now`;
  const clear = foreign
    ? ` It runs on another computer, so this one cannot tell whether it still does: if that computer no longer uses the folder (it was switched off or crashed), delete ${path} and try again.`
    : ' Close it and try again.';
  return new AppError('data-locked', `The data folder ${dataDir} is in use by another Curriculum Composer (${who}).${clear}`);
}
