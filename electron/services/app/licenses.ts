import { readdir, readFile } from 'node:fs/promises';
import { MISSING_LICENSE_TEXTS } from './missing-license-texts';
import { basename, dirname, join } from 'node:path';

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

export type LicenseText = LicenseEntry & { text: string | null };

/** LICENSE, LICENCE.md, license.txt, COPYING...: the names packages give their license file. */
const LICENSE_FILE = /^(licen[cs]e|copying)([.-][\w.-]*)?$/i;

type Manifest = { name?: string; version?: string; license?: string | { type?: string }; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

/**
 * Every package the app ships at run time (its dependencies and theirs, as installed), with the text of
 * its license file, for the About box: licenses such as MIT ask that their text go with the software, not
 * only their name. Packages are found as Node finds them, from the depending package's folder upwards to
 * the app's node_modules; a package with no license file has `text: null`.
 */
export async function readLicenseTexts(appRoot: string): Promise<LicenseText[]> {
  const root = await readManifest(appRoot);
  const found = new Map<string, LicenseText>();
  const queue: { name: string; from: string }[] = dependencyNames(root).map((name) => ({ name, from: appRoot }));
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next) break;
    const dir = await locate(next.name, next.from, appRoot);
    if (dir === null || found.has(dir)) continue;
    const manifest = await readManifest(dir);
    found.set(dir, { name: next.name, version: manifest.version ?? '?', license: licenseName(manifest), text: (await licenseText(dir)) ?? MISSING_LICENSE_TEXTS.get(next.name) ?? null });
    for (const name of dependencyNames(manifest)) queue.push({ name, from: dir });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function dependencyNames(manifest: Manifest): string[] {
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})];
}

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
}

function licenseName(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license;
  return manifest.license?.type ?? 'see package';
}

/** The installed folder of `name` as required from `from`, looking in node_modules folders up to the app root. */
async function locate(name: string, from: string, appRoot: string): Promise<string | null> {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    try {
      await readFile(join(candidate, 'package.json'));
      return candidate;
    } catch {
      // not installed here: look one node_modules further up
    }
    if (dir === appRoot || dirname(dir) === dir) return null;
    dir = dirname(dir);
    // Skip the node_modules folder itself (…/node_modules/a → …/node_modules → …).
    if (basename(dir) === 'node_modules') dir = dirname(dir);
    if (basename(dir) === 'node_modules') dir = dirname(dir);
  }
}

async function licenseText(dir: string): Promise<string | null> {
  const names = (await readdir(dir)).filter((file) => LICENSE_FILE.test(file)).sort((a, b) => a.length - b.length);
  for (const file of names) {
    try {
      return (await readFile(join(dir, file), 'utf8')).trim();
    } catch {
      // a folder or an unreadable file: try the next name
    }
  }
  return null;
}
