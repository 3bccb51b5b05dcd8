import * as fs from 'node:fs';

/**
 * The file operations the data-folder lock uses, gathered so that tests can make one of them fail the way
 * a full disk, read-only media or a FAT stick (no hard links) would, without needing such a disk.
 * Synchronous: each is one small system call, and the lock is taken once per opening.
 */
export type LockFs = {
  mkdirSync(path: string): void;
  openSync(path: string, flags: 'wx', mode: number): number;
  writeSync(fd: number, bytes: Uint8Array): number;
  closeSync(fd: number): void;
  linkSync(existing: string, created: string): void;
  unlinkSync(path: string): void;
  rmdirSync(path: string): void;
  readdirSync(path: string): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
};

export const NODE_LOCK_FS: LockFs = {
  mkdirSync: (path) => {
    fs.mkdirSync(path);
  },
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  writeSync: (fd, bytes) => fs.writeSync(fd, bytes),
  closeSync: (fd) => {
    fs.closeSync(fd);
  },
  linkSync: (existing, created) => {
    fs.linkSync(existing, created);
  },
  unlinkSync: (path) => {
    fs.unlinkSync(path);
  },
  rmdirSync: (path) => {
    fs.rmdirSync(path);
  },
  readdirSync: (path) => fs.readdirSync(path),
  readFileSync: (path, encoding) => fs.readFileSync(path, encoding),
};

/** Removes a file if it is there; a failure to remove (read-only media) leaves it, which the caller accepts. */
export function removeQuietly(fsys: LockFs, path: string): boolean {
  try {
    fsys.unlinkSync(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * Removes the lock folder if it is empty, so a closed data folder holds no trace of the lock. Only an empty
 * folder can be removed, so no ticket is ever lost this way; a process about to write its ticket into it
 * creates it again (createTicket).
 */
export function removeFolderIfEmpty(fsys: LockFs, dir: string): void {
  try {
    fsys.rmdirSync(dir);
  } catch {
    // Not empty (another process's ticket), already gone, or read-only media: leave it.
  }
}
