import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type BuilderConfig = {
  appId: string;
  productName: string;
  asar: boolean;
  fileAssociations: { ext: string }[];
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[] };
  extraResources: { from: string }[];
};

const config = parse(readFileSync(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the product and its id', () => {
    expect(config.productName).toBe('Curriculum Composer');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('targets Windows (nsis), macOS (dmg) and Linux (AppImage, deb)', () => {
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('packs the app in an asar and ships resources beside it', () => {
    expect(config.asar).toBe(true);
    expect(config.extraResources.map((r) => r.from)).toContain('resources');
  });

  it('associates .ccpack module packs with the app', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toContain('ccpack');
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
