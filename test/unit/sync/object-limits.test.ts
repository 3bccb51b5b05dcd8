import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkLooseObject, checkPack, packOfUploadResponse } from '../../../electron/services/sync/object-limits';
import { bareRepo, git } from '../../helpers/git-server';
import { tempDir } from '../../helpers/temp-dir';

const LIMIT = 8 * 1024 * 1024;
const GB4 = 4 * 1024 * 1024 * 1024;

/** A pack entry's header: type and size, as git writes it. */
function entryHeader(type: number, size: number): Buffer {
  const bytes = [((size > 15 ? 0x80 : 0) | (type << 4) | (size & 15))];
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push((rest > 127 ? 0x80 : 0) | (rest & 127));
    rest = Math.floor(rest / 128);
  }
  return Buffer.from(bytes);
}

const varint = (value: number): Buffer => {
  const bytes: number[] = [];
  do {
    bytes.push((value >= 128 ? 0x80 : 0) | (value & 127));
    value = Math.floor(value / 128);
  } while (value > 0);
  return Buffer.from(bytes);
};

function pack(...entries: Buffer[]): Buffer {
  const head = Buffer.alloc(12);
  head.write('PACK', 0, 'latin1');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(entries.length, 8);
  return Buffer.concat([head, ...entries, Buffer.alloc(20)]);
}

/** The first kilobyte of an honest 4 GB stream of zeros: inflating it all would take gigabytes. */
const bombStart = deflateSync(Buffer.alloc(4 * 1024 * 1024)).subarray(0, 1024);

describe('objects from a remote are sized before they are inflated', () => {
  it('refuses a pack entry that declares 4 GB, from its header alone', () => {
    expect(() => checkPack(pack(Buffer.concat([entryHeader(3, GB4), bombStart])), LIMIT)).toThrow(/4096 MB, more than a module or course can be \(found from its size before it was unpacked\)/);
  });

  it('refuses a delta whose result declares 4 GB', () => {
    const delta = deflateSync(Buffer.concat([varint(10), varint(GB4), Buffer.from([0x91, 0, 10])]));
    expect(() => checkPack(pack(Buffer.concat([entryHeader(7, 100), Buffer.alloc(20, 1), delta])), LIMIT)).toThrow(/4096 MB/);
  });

  it('stops inflating an entry at the size it declares', () => {
    const lie = Buffer.concat([entryHeader(3, 10), deflateSync(Buffer.alloc(64 * 1024 * 1024))]);
    expect(() => checkPack(pack(lie), LIMIT)).toThrow(/inflates to more than it declares/);
  });

  it('accepts a pack git made, entry by entry', async () => {
    const root = await tempDir('cc-pack-');
    const repo = bareRepo(root, 'r');
    const blobs = ['one', 'two', 'x'.repeat(100_000)].map((text) => spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: text, encoding: 'utf8' }).stdout.trim());
    const made = spawnSync('git', ['pack-objects', '--stdout'], { cwd: repo, input: `${blobs.join('\n')}\n` });
    expect(checkPack(made.stdout, LIMIT)).toBe(3);
    // Wrapped as an upload-pack answer with side-band, the pack is found again.
    const line = (payload: Buffer) => Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0')), payload]);
    const answer = Buffer.concat([line(Buffer.from('NAK\n')), line(Buffer.concat([Buffer.from([1]), made.stdout.subarray(0, 1000)])), line(Buffer.concat([Buffer.from([2]), Buffer.from('progress')])), line(Buffer.concat([Buffer.from([1]), made.stdout.subarray(1000)])), Buffer.from('0000')]);
    expect(packOfUploadResponse(answer)).toEqual(made.stdout);
    expect(git(repo, 'count-objects')).toMatch(/^3 objects/);
  });

  it('refuses a loose object whose header declares more than a module can be', async () => {
    const dir = await tempDir('cc-loose-');
    await mkdir(join(dir, 'ab'), { recursive: true });
    const file = join(dir, 'ab', 'c'.repeat(38));
    await writeFile(file, Buffer.concat([deflateSync(Buffer.concat([Buffer.from(`blob ${String(GB4)}\0`), Buffer.alloc(4 * 1024 * 1024)])).subarray(0, 2048)]));
    await expect(checkLooseObject(file, LIMIT)).rejects.toThrow(/4096 MB/);
    await writeFile(file, deflateSync(Buffer.from('blob 5\0hello')));
    await expect(checkLooseObject(file, LIMIT)).resolves.toBe(5);
  });
});
