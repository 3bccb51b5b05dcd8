import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who a process is, precisely enough that a reused pid is not taken for the process that used it before.
 * A pid alone is not enough: once a process dies the kernel hands its pid to the next one, so "process 4711
 * is alive" may be true of a stranger. On Linux the start time (field 22 of /proc/<pid>/stat, in clock ticks
 * since boot) together with the boot id tells the two apart. Elsewhere only the pid is known, and a reused
 * pid makes a dead owner look alive: the lock is then refused (never shared), with a message saying how to
 * clear it.
 */
export type ProcessIdentity = {
  pid: number;
  /** Clock ticks after boot at which the process started; null where /proc is not available. */
  startTime: string | null;
  /** The kernel's boot id: a start time means nothing across a reboot. Null where unknown. */
  bootId: string | null;
  host: string;
};

/** What the lock needs to know about processes; tests replace it to play a reused pid or another host. */
export type ProcessProbe = {
  self(): ProcessIdentity;
  /** The start time of a running process, null when it is not running or its start time is unknown. */
  startTimeOf(pid: number): string | null;
  /** Whether some process with this pid exists (it may be a stranger that reused the pid). */
  pidExists(pid: number): boolean;
  bootId(): string | null;
};

function readProcStartTime(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return null;
  }
  // Field 2 is the command name in parentheses and may itself hold spaces or ')': count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const startTime = fields[22 - 3];
  return startTime && /^\d+$/.test(startTime) ? startTime : null;
}

let ownIdentity: ProcessIdentity | null = null;
let bootIdCache: string | null | undefined;

function readBootId(): string | null {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = readFileSync('/proc/sys/kernel/random/boot_id', 'latin1').trim() || null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

export const SYSTEM_PROBE: ProcessProbe = {
  self: () => (ownIdentity ??= { pid: process.pid, startTime: readProcStartTime(process.pid), bootId: readBootId(), host: hostname() }),
  startTimeOf: readProcStartTime,
  pidExists(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists but belongs to another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  bootId: readBootId,
};

export type Liveness = 'alive' | 'dead' | 'unknown-host';

/**
 * Whether the process an owner record names is still running. Errs on the side of "alive" whenever it
 * cannot be sure, because taking a lock from a live owner shares the data folder, while respecting a dead
 * one only costs a message.
 */
export function livenessOf(owner: Pick<ProcessIdentity, 'pid' | 'startTime' | 'bootId' | 'host'>, probe: ProcessProbe): Liveness {
  const self = probe.self();
  if (owner.host !== self.host) return 'unknown-host';
  // Both boot ids known and different: the machine restarted since, so every process of the record is gone.
  if (owner.bootId && self.bootId && owner.bootId !== self.bootId) return 'dead';
  if (owner.startTime !== null && self.startTime !== null) {
    // Where start times exist, a process with this pid is the owner only if it started at the same tick.
    const now = probe.startTimeOf(owner.pid);
    if (now !== null) return now === owner.startTime ? 'alive' : 'dead';
    // No start time although the pid exists (/proc mounted with hidepid, say): cannot tell, so alive.
  }
  return probe.pidExists(owner.pid) ? 'alive' : 'dead';
}
