import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../electron/services/store/atomic-file';
import { tempDir } from '../../helpers/temp-dir';

describe('writeFileAtomic', () => {
  it('creates a file and then replaces it whole, leaving no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'data.json');
    await writeFileAtomic(path, '{"a":1}');
    await writeFileAtomic(path, '{"a":2}');
    expect(await readFile(path, 'utf8')).toBe('{"a":2}');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('leaves the old file untouched when the folder cannot be written', async () => {
    const dir = await tempDir();
    const path = join(dir, 'missing-folder', 'data.json');
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow();
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temp files of that data file only', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), '{}');
    await writeFile(join(dir, 'library.json.tmp-123-abc'), '{"torn');
    await writeFile(join(dir, 'settings.json.tmp-1-x'), '{');
    await removeStaleTempFiles(dir, 'library.json');
    expect((await readdir(dir)).sort()).toEqual(['library.json', 'settings.json.tmp-1-x']);
  });
});
