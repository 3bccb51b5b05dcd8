import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type LicenseEntry = { name: string; version: string; license: string };

/**
 * Third-party packages the app ships, with their licenses, for the About box. Read from the installed
 * packages' own manifests so the list can never drift from what is actually bundled.
 */
export async function readThirdPartyLicenses(appRoot: string): Promise<LicenseEntry[]> {
  const manifest = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const names = Object.keys(manifest.dependencies ?? {}).sort();
  return Promise.all(
    names.map(async (name) => {
      try {
        const pkg = JSON.parse(await readFile(join(appRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
          version?: string;
          license?: string;
        };
        return { name, version: pkg.version ?? '?', license: pkg.license ?? 'see package' };
      } catch {
        return { name, version: manifest.dependencies?.[name] ?? '?', license: 'see package' };
      }
    }),
  );
}

export async function readAppVersion(appRoot: string): Promise<{ name: string; version: string }> {
  const manifest = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8')) as { productName?: string; version?: string };
  return { name: manifest.productName ?? 'Curriculum Composer', version: manifest.version ?? '0.0.0' };
}
