import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packPathsIn, readPackForRenderer } from '../../../electron/main/open-files';
import { tempDir } from '../../helpers/temp-dir';

describe('packs opened from the file manager', () => {
  it('finds .ccpack paths among launch arguments, ignoring switches and other files', () => {
    expect(packPathsIn(['/opt/app/curriculum-composer', '--no-sandbox', '/home/u/Partner.CCPACK', 'notes.txt', '/tmp/b.ccpack'])).toEqual([
      '/home/u/Partner.CCPACK',
      '/tmp/b.ccpack',
    ]);
  });

  it('reads a pack for the renderer as base64 with its file name', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'shared.ccpack'), Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(await readPackForRenderer(join(dir, 'shared.ccpack'))).toEqual({ fileName: 'shared.ccpack', bytesBase64: 'UEsFBg==' });
  });

  it('ignores other extensions, folders and missing files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x.zip'), 'zip');
    await mkdir(join(dir, 'folder.ccpack'));
    expect(await readPackForRenderer(join(dir, 'x.zip'))).toBeNull();
    expect(await readPackForRenderer(join(dir, 'folder.ccpack'))).toBeNull();
    expect(await readPackForRenderer(join(dir, 'missing.ccpack'))).toBeNull();
  });
});
