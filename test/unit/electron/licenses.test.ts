import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLicenseTexts } from '../../../electron/services/app/licenses';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

async function pkg(dir: string, manifest: Record<string, unknown>, files: Record<string, string> = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

describe('the license texts of the packages the app ships', () => {
  it('are read from each runtime dependency and theirs, as Node finds them, and not from dev dependencies', async () => {
    const app = await tempDir();
    await pkg(app, { name: 'app', dependencies: { alpha: '1', '@scope/beta': '2' }, devDependencies: { tool: '1' } });
    await pkg(join(app, 'node_modules/alpha'), { version: '1.0.0', license: 'MIT', dependencies: { gamma: '1' } }, { LICENSE: 'MIT License\n\nCopyright alpha\n' });
    // A nested copy wins over the top-level one for the package that requires it.
    await pkg(join(app, 'node_modules/alpha/node_modules/gamma'), { version: '1.5.0', license: { type: 'ISC' } }, { 'LICENCE.md': 'ISC gamma nested' });
    await pkg(join(app, 'node_modules/gamma'), { version: '2.0.0', license: 'ISC' }, { 'license.txt': 'ISC gamma top' });
    await pkg(join(app, 'node_modules/@scope/beta'), { version: '2.0.0', license: 'Apache-2.0', dependencies: { gamma: '2' } }, { 'COPYING': 'Apache beta' });
    await pkg(join(app, 'node_modules/tool'), { version: '1.0.0', license: 'MIT' }, { LICENSE: 'tool' });
    await pkg(join(app, 'node_modules/bare'), { version: '1.0.0', license: 'MIT' });
    const texts = await readLicenseTexts(app);
    expect(texts).toEqual([
      { name: '@scope/beta', version: '2.0.0', license: 'Apache-2.0', text: 'Apache beta' },
      { name: 'alpha', version: '1.0.0', license: 'MIT', text: 'MIT License\n\nCopyright alpha' },
      { name: 'gamma', version: '1.5.0', license: 'ISC', text: 'ISC gamma nested' },
      { name: 'gamma', version: '2.0.0', license: 'ISC', text: 'ISC gamma top' },
    ]);
  });

  it('says so when a package has no license file', async () => {
    const app = await tempDir();
    await pkg(app, { name: 'app', dependencies: { bare: '1' } });
    await pkg(join(app, 'node_modules/bare'), { version: '1.0.0', license: 'MIT' });
    expect(await readLicenseTexts(app)).toEqual([{ name: 'bare', version: '1.0.0', license: 'MIT', text: null }]);
  });

  it('covers what this app installs: React with its copyright line, and the dependencies of dependencies', async () => {
    const texts = await readLicenseTexts(REPO_ROOT);
    const react = texts.find((t) => t.name === 'react');
    expect(react?.text).toMatch(/MIT License[\s\S]*Copyright \(c\) Meta Platforms/);
    expect(texts.map((t) => t.name)).toContain('scheduler');
    expect(texts.filter((t) => t.text === null).map((t) => t.name)).toEqual([]);
  });
});
