import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { inspectPack } from '../../../electron/services/packs/pack-inspect';
import { PACK_CHECKS } from '../../../electron/services/packs/pack-reader';
import { writePack } from '../../../electron/services/packs/pack-writer';
import { tempDir } from '../../helpers/temp-dir';
import { buildPack, HOSTILE_PATH, sha256, validDraft } from './zip-craft';

const sample = await loadSampleLibrary(join(import.meta.dirname, '../../../resources'));
const meta = { packId: 'inspect-me', title: 'Inspect me', publisher: 'Test', license: 'CC-BY-4.0', appVersion: '0.1.0', createdAt: '2025-01-01T00:00:00Z' };

describe('inspectPack', () => {
  it('lists the manifest, the zip entries and every check as passed for a valid pack', async () => {
    const dir = await tempDir('cc-pack-inspect-');
    const path = join(dir, 'ok.ccpack');
    await writePack({ modules: sample.modules.slice(0, 2), references: sample.references, meta }, path);

    const report = await inspectPack(path);
    expect(report.ok).toBe(true);
    expect(report.refusal).toBeNull();
    expect(report.checks.map((c) => [c.check, c.status])).toEqual(PACK_CHECKS.map((c) => [c, 'passed']));
    // Each check says what it found, not only that it passed.
    expect(Object.fromEntries(report.checks.map((c) => [c.check, c.found]))).toMatchObject({
      archive: 'a zip archive of 4 entries',
      manifest: 'format 2, pack "inspect-me", 3 files listed',
      listing: 'all 3 listed files present, nothing unlisted',
      checksums: '3 SHA-256 checksums matching',
      schemas: expect.stringMatching(/^2 modules, \d+ references and 0 curricula valid$/) as string,
    });
    expect(report.manifest?.packId).toBe('inspect-me');
    expect(report.counts).toEqual({ modules: 2, references: expect.any(Number) as unknown, curricula: 0 });
    expect(report.zipEntries.map((e) => e.name)).toEqual(['manifest.json', ...report.manifest!.entries.map((e) => e.path)]);
    for (const entry of report.zipEntries) expect(entry.compressedBytes).toBeLessThan(entry.bytes);
  });

  it('names the failed check, keeps what was learnt before it and marks the rest as not run', async () => {
    const dir = await tempDir('cc-pack-inspect-');
    const path = join(dir, 'tampered.ccpack');
    const draft = validDraft(sample.modules[0]!, sample.references);
    const listing = draft.files.map((f) =>
      f.name === HOSTILE_PATH
        ? { path: f.name, kind: 'module', moduleId: 'hostile-module', revision: sample.modules[0]!.revision, sha256: sha256(Buffer.from('not the module')) }
        : { path: f.name, kind: 'references', sha256: sha256(f.data) },
    );
    await writeFile(path, buildPack({ ...draft, listing }));

    const report = await inspectPack(path);
    expect(report.ok).toBe(false);
    expect(report.refusal).toEqual({ code: 'invalid-argument', message: `${HOSTILE_PATH} does not match its SHA-256 checksum in manifest.json.` });
    expect(Object.fromEntries(report.checks.map((c) => [c.check, c.status]))).toEqual({
      file: 'passed',
      archive: 'passed',
      entries: 'passed',
      manifest: 'passed',
      listing: 'passed',
      data: 'passed',
      checksums: 'failed',
      content: 'not-run',
      schemas: 'not-run',
      consistency: 'not-run',
    });
    expect(report.checks.find((c) => c.status === 'failed')?.message).toBe(report.refusal?.message);
    expect(report.checks.find((c) => c.check === 'listing')?.found).toBe('all 2 listed files present, nothing unlisted');
    expect(report.checks.find((c) => c.check === 'content')?.found).toBeUndefined();
    expect(report.manifest?.packId).toBe('hostile-corpus');
    expect(report.zipEntries).toHaveLength(3);
    expect(report.counts).toBeNull();
  });

  it('reports a file that is not a zip at the archive check', async () => {
    const dir = await tempDir('cc-pack-inspect-');
    const path = join(dir, 'notes.ccpack');
    await writeFile(path, 'just some notes');
    const report = await inspectPack(path);
    expect(report.checks.slice(0, 2).map((c) => c.status)).toEqual(['passed', 'failed']);
    expect(report.manifest).toBeNull();
    expect(report.zipEntries).toEqual([]);
  });

  it('throws for a missing file rather than calling it a bad pack', async () => {
    const dir = await tempDir('cc-pack-inspect-');
    await expect(inspectPack(join(dir, 'none.ccpack'))).rejects.toMatchObject({ code: 'not-found' });
  });
});
