import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromBuffer, type Entry } from 'yauzl';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { citedReferences, readPack, readPackBytes } from '../../../electron/services/packs/pack-reader';
import { packBytes, writePack, type PackInput, type PackMeta } from '../../../electron/services/packs/pack-writer';
import type { Module } from '../../../shared/schemas/module';
import { tempDir } from '../../helpers/temp-dir';

const sample = await loadSampleLibrary(join(import.meta.dirname, '../../../resources'));

const META: PackMeta = {
  packId: 'osce-hr-2025',
  title: 'Human rights modules',
  description: 'Modules shared with partner academies.',
  publisher: 'OSCE Mission',
  contact: 'training@example.org',
  license: 'CC-BY-4.0',
  appVersion: '0.1.0',
  createdAt: '2025-03-01T09:30:00.000Z',
};

const input = (overrides: Partial<PackInput> = {}): PackInput => ({ modules: sample.modules, references: sample.references, meta: META, ...overrides });

/** Same data, different object key order all the way down, as another code path might build it. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reversedKeys((value as Record<string, unknown>)[key])])) as T;
}

function zipEntries(bytes: Buffer): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const entries: Entry[] = [];
      zip.on('entry', (entry: Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => {
        resolve(entries);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function entryText(bytes: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName !== name) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            reject(streamError);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => {
        reject(new Error(`No entry ${name}`));
      });
      zip.readEntry();
    });
  });
}

describe('writing and reading packs', () => {
  it('round-trips the whole sample library: modules and the references they cite', async () => {
    const dir = await tempDir('cc-pack-roundtrip-');
    const path = join(dir, 'library.ccpack');
    const written = await writePack(input(), path);

    const read = await readPack(path);
    const byId = (a: Module, b: Module) => (a.id < b.id ? -1 : 1);
    expect(read.modules).toEqual([...sample.modules].sort(byId));
    const cited = new Set(sample.modules.flatMap(citedReferences));
    expect(read.references).toEqual(sample.references.filter((r) => cited.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(read.curricula).toEqual([]);
    expect(read.manifest).toEqual(written.manifest);
    expect(read.manifest).toMatchObject({
      format: 'curriculum-composer-pack',
      formatVersion: 2,
      packId: 'osce-hr-2025',
      publisher: 'OSCE Mission',
      contact: 'training@example.org',
      createdAt: '2025-03-01T09:30:00.000Z',
      languages: ['en', 'fr', 'ar'],
    });
    expect(read.manifest.entries).toHaveLength(sample.modules.length + 1);
    expect(written.bytes).toBe((await readFile(path)).length);
  });

  it('packs only the references the modules cite', async () => {
    const [module] = sample.modules;
    const read = await readPackBytes((await packBytes(input({ modules: [module!] }))).bytes);
    expect(read.references.map((r) => r.id).sort()).toEqual(citedReferences(module!).sort());
    expect(read.references.length).toBeLessThan(sample.references.length);
    expect(read.manifest.languages).toEqual([module!.language]);
  });

  it('round-trips curricula as opaque JSON objects', async () => {
    const curriculum = { id: 'basic-course', title: 'Basic course', days: [{ modules: ['a', 'b'] }] };
    const read = await readPackBytes((await packBytes(input({ modules: sample.modules.slice(0, 1), curricula: [curriculum] }))).bytes);
    expect(read.curricula).toEqual([curriculum]);
    expect(read.manifest.entries.map((e) => e.path)).toContain('curricula/basic-course.json');
  });

  it('is deterministic: the same content gives the same bytes, whatever the order of modules and keys', async () => {
    const first = await packBytes(input());
    const second = await packBytes(input());
    const shuffled = await packBytes(input({ modules: reversedKeys([...sample.modules].reverse()), references: reversedKeys([...sample.references].reverse()) }));
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(shuffled.bytes.equals(first.bytes)).toBe(true);

    const dir = await tempDir('cc-pack-determinism-');
    await writePack(input(), join(dir, 'a.ccpack'));
    await writePack(input(), join(dir, 'b.ccpack'));
    expect((await readFile(join(dir, 'a.ccpack'))).equals(await readFile(join(dir, 'b.ccpack')))).toBe(true);
  });

  it('differs only in the manifest when only createdAt changes', async () => {
    const a = await zipEntries((await packBytes(input())).bytes);
    const b = await zipEntries((await packBytes(input({ meta: { ...META, createdAt: '2026-01-01T00:00:00.000Z' } }))).bytes);
    const crcs = (entries: Entry[]) => entries.map((e) => [e.fileName, e.crc32] as const);
    expect(crcs(a).slice(1)).toEqual(crcs(b).slice(1));
    expect(crcs(a)[0]?.[1]).not.toBe(crcs(b)[0]?.[1]);
  });

  it('writes manifest.json first, then sorted paths, all dated 1980-01-01 with mode 0644', async () => {
    const entries = await zipEntries((await packBytes(input({ curricula: [{ id: 'course' }] }))).bytes);
    const names = entries.map((e) => e.fileName);
    expect(names[0]).toBe('manifest.json');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    expect(names).toContain('references.json');
    expect(names).toContain('curricula/course.json');
    for (const entry of entries) {
      expect(entry.getLastModDate({ timezone: 'UTC', forceDosFormat: true }).toISOString()).toBe('1980-01-01T00:00:00.000Z');
      expect((entry.externalFileAttributes >>> 16) & 0o777).toBe(0o644);
      expect(entry.compressionMethod).toBe(8);
      expect(entry.extraFieldLength).toBe(0);
    }
  });

  it('writes stable, readable JSON: sorted keys, two-space indent, final newline', async () => {
    const [module] = sample.modules;
    const bytes = (await packBytes(input({ modules: [module!] }))).bytes;
    const text = await entryText(bytes, `modules/${module!.id}.json`);
    expect(text.startsWith('{\n  "audiences": [\n    "')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
    expect(JSON.parse(text)).toEqual(module);
    const manifest = JSON.parse(await entryText(bytes, 'manifest.json')) as Record<string, unknown>;
    expect(Object.keys(manifest)).toEqual(['appVersion', 'contact', 'createdAt', 'description', 'entries', 'format', 'formatVersion', 'languages', 'license', 'packId', 'publisher', 'title']);
  });

  it('replaces an existing file atomically and leaves no temp file', async () => {
    const dir = await tempDir('cc-pack-atomic-');
    const path = join(dir, 'out.ccpack');
    await writeFile(path, 'old content');
    await writePack(input({ modules: sample.modules.slice(0, 2) }), path);
    expect(await readdir(dir)).toEqual(['out.ccpack']);
    await expect(readPack(path)).resolves.toMatchObject({ modules: [{}, {}] });
  });

  it('refuses to write what readers would refuse, with the reader’s message', async () => {
    const [module] = sample.modules;
    const lesson = module!.lessons[0]!;
    const hostile: Module = { ...module!, lessons: [{ ...lesson, aim: 'See [this](javascript:alert(1))' }, ...module!.lessons.slice(1)] };
    await expect(packBytes(input({ modules: [hostile] }))).rejects.toMatchObject({
      code: 'invalid-argument',
      message: `Cannot write this pack: modules/${module!.id}.json has a link with the scheme "javascript:" at lessons.0.aim; only http, https and mailto links are allowed.`,
    });
  });

  it('refuses invalid input before writing anything', async () => {
    const dir = await tempDir('cc-pack-invalid-');
    const [module] = sample.modules;
    const path = join(dir, 'out.ccpack');
    await expect(writePack(input({ modules: [{ ...module!, revision: 0 }] }), path)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: `Module "${module!.id}" is invalid: revision: Too small: expected number to be >=1`,
    });
    await expect(writePack(input({ modules: [module!, module!] }), path)).rejects.toMatchObject({ message: `"${module!.id}" is in the pack twice` });
    await expect(writePack(input({ modules: [module!], references: [] }), path)).rejects.toMatchObject({
      message: `Module "${module!.id}" cites the reference "${citedReferences(module!)[0]!}", which is not in the reference list`,
    });
    await expect(writePack(input({ meta: { ...META, packId: 'Not A Slug' } }), path)).rejects.toMatchObject({ message: 'The pack manifest is invalid: packId: Invalid input' });
    expect(await readdir(dir)).toEqual([]);
  });
});
