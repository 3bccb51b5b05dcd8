import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { MB, PackRefusedError, readPack, readPackBytes, type PackCheck } from '../../../electron/services/packs/pack-reader';
import { packBytes } from '../../../electron/services/packs/pack-writer';
import { AppError } from '../../../shared/errors';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';
import { buildPack, craftZip, HOSTILE_ID, HOSTILE_PATH, json, noise, sha256, unixMode, validDraft, withModuleData, type CraftEntry, type PackDraft } from './zip-craft';

const sample = await loadSampleLibrary(join(import.meta.dirname, '../../../resources'));
const [baseModule] = sample.modules;
if (!baseModule) throw new Error('The sample library has no modules');

const draft = (): PackDraft => validDraft(baseModule, sample.references);
const moduleJson = (): Record<string, unknown> => JSON.parse(JSON.stringify({ ...baseModule, id: HOSTILE_ID })) as Record<string, unknown>;
/** The draft with its module changed by `change` (a plain JSON object, so any field can be broken). */
const withModule = (change: (module: Record<string, unknown> & { lessons: Record<string, unknown>[] }) => void): Buffer => {
  const module = moduleJson() as Record<string, unknown> & { lessons: Record<string, unknown>[] };
  change(module);
  return buildPack(withModuleData(draft(), json(module)));
};
/** `stored`: no compression, for texts so repetitive that deflating them would trip the ratio check first. */
const withModuleText = (text: string, stored = false): Buffer => {
  const d = withModuleData(draft(), Buffer.from(text, 'utf8'));
  return buildPack(stored ? { ...d, files: d.files.map((f) => (f.name === HOSTILE_PATH ? { ...f, method: 0 } : f)) } : d);
};
const withManifest = (change: (manifest: Record<string, unknown>) => void): Buffer => {
  const d = draft();
  change(d.manifest);
  return buildPack(d);
};
const withFiles = (files: CraftEntry[], listed = true): Buffer => {
  const d = draft();
  d.files.push(...files.map((f) => ({ ...f, listed })));
  return buildPack(d);
};
const changeFile = (change: Partial<CraftEntry>): Buffer => {
  const d = draft();
  d.files = d.files.map((f) => (f.name === HOSTILE_PATH ? { ...f, ...change } : f));
  return buildPack(d);
};
const validPack = async (): Promise<Buffer> =>
  (await packBytes({ modules: sample.modules.slice(0, 3), references: sample.references, meta: { packId: 'valid', title: 'Valid', publisher: 'Test', license: 'CC-BY-4.0', appVersion: '0.1.0', createdAt: '2025-01-01T00:00:00Z' } })).bytes;

const moduleText = JSON.stringify({ ...baseModule, id: HOSTILE_ID });
const firstCited = [...baseModule.references, ...baseModule.lessons.flatMap((l) => l.references)][0] ?? '';

type Case = { title: string; bytes: () => Buffer | Promise<Buffer>; check: PackCheck; message: string };

/** Every case breaks exactly one rule of an otherwise valid pack, so the message proves which check fired. */
const CASES: Case[] = [
  // The file and the archive
  { title: 'an empty file', bytes: () => Buffer.alloc(0), check: 'file', message: 'The file is empty, so it is not a pack.' },
  {
    title: 'random bytes',
    bytes: () => Buffer.concat([Buffer.from('XX'), noise(4096)]),
    check: 'archive',
    message: 'The file is not a pack: it is not a zip archive.',
  },
  { title: 'a text file', bytes: () => Buffer.from('{"format":"curriculum-composer-pack"}'), check: 'archive', message: 'The file is not a pack: it is not a zip archive.' },
  {
    title: 'a truncated pack (its first half)',
    bytes: async () => {
      const bytes = await validPack();
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    },
    check: 'archive',
    message: 'The pack is incomplete: the file was cut short, perhaps by an interrupted download or copy.',
  },
  {
    title: 'a central directory pointing outside the file',
    bytes: () => {
      const bytes = buildPack(draft());
      bytes.writeUInt32LE(bytes.length + 1000, bytes.length - 6);
      return bytes;
    },
    check: 'entries',
    message: 'The pack is damaged: its zip structure is invalid.',
  },
  {
    title: '2,001 entries',
    bytes: () => withFiles(Array.from({ length: 1998 }, (_, i) => ({ name: `modules/m-${i}.json`, data: Buffer.from('{}'), method: 0 }))),
    check: 'archive',
    message: 'The pack has more than 2,000 entries.',
  },

  // Entry names and types
  { title: 'a ".." name', bytes: () => withFiles([{ name: '../evil.json', data: Buffer.from('{}') }]), check: 'entries', message: 'Unsafe entry name "../evil.json": ".." is not allowed.' },
  {
    title: 'a ".." inside a name',
    bytes: () => withFiles([{ name: 'modules/../../evil.json', data: Buffer.from('{}') }]),
    check: 'entries',
    message: 'Unsafe entry name "modules/../../evil.json": ".." is not allowed.',
  },
  { title: 'an absolute name', bytes: () => withFiles([{ name: '/etc/cron.d/evil', data: Buffer.from('{}') }]), check: 'entries', message: 'Unsafe entry name "/etc/cron.d/evil": absolute paths are not allowed.' },
  { title: 'a drive letter', bytes: () => withFiles([{ name: 'C:/Windows/evil.json', data: Buffer.from('{}') }]), check: 'entries', message: 'Unsafe entry name "C:/Windows/evil.json": drive letters are not allowed.' },
  { title: 'a drive-relative name', bytes: () => withFiles([{ name: 'c:evil.json', data: Buffer.from('{}') }]), check: 'entries', message: 'Unsafe entry name "c:evil.json": drive letters are not allowed.' },
  {
    title: 'a backslash',
    bytes: () => withFiles([{ name: 'modules\\evil.json', data: Buffer.from('{}') }]),
    check: 'entries',
    message: 'Unsafe entry name "modules\\\\evil.json": backslashes are not allowed.',
  },
  {
    title: 'a control character in a name',
    bytes: () => withFiles([{ name: 'modules/evil\u0007.json', data: Buffer.from('{}') }]),
    check: 'entries',
    message: 'Unsafe entry name "modules/evil\\u0007.json": control characters are not allowed.',
  },
  { title: 'an empty path segment', bytes: () => withFiles([{ name: 'modules//evil.json', data: Buffer.from('{}') }]), check: 'entries', message: 'Unsafe entry name "modules//evil.json": empty or "." path segments are not allowed.' },
  {
    title: 'a symbolic link',
    bytes: () => withFiles([{ name: 'modules/link.json', data: Buffer.from('/etc/passwd'), method: 0, externalAttributes: unixMode(0o120777) }]),
    check: 'entries',
    message: '"modules/link.json" is a symbolic link; packs may not contain links.',
  },
  {
    title: 'a named pipe',
    bytes: () => withFiles([{ name: 'modules/fifo.json', data: Buffer.alloc(0), method: 0, externalAttributes: unixMode(0o010644) }]),
    check: 'entries',
    message: '"modules/fifo.json" is not a regular file; packs may only contain files.',
  },
  {
    title: 'an unexpected folder',
    bytes: () => withFiles([{ name: 'scripts/', data: Buffer.alloc(0), method: 0, externalAttributes: unixMode(0o040755) }]),
    check: 'entries',
    message: 'The pack contains the folder "scripts/"; only modules/ and curricula/ are expected.',
  },
  {
    title: 'a local header naming another file than the central directory',
    bytes: () => changeFile({ localName: '../../evil.json' }),
    check: 'entries',
    message: `"${HOSTILE_PATH}" is named "../../evil.json" in its local header; the two names of a zip entry must be the same.`,
  },
  {
    title: 'a local header name of the same length that differs',
    bytes: () => changeFile({ localName: HOSTILE_PATH.replace('hostile', 'hostilx') }),
    check: 'entries',
    message: `"${HOSTILE_PATH}" is named "${HOSTILE_PATH.replace('hostile', 'hostilx')}" in its local header; the two names of a zip entry must be the same.`,
  },
  {
    title: 'a duplicate name',
    bytes: () => withFiles([{ name: HOSTILE_PATH, data: Buffer.from('{}') }]),
    check: 'entries',
    message: `The pack contains "${HOSTILE_PATH}" twice.`,
  },
  {
    title: 'overlapping entries',
    bytes: () => withFiles([{ name: 'modules/copy.json', data: Buffer.from(moduleText), sameDataAs: 1 }]),
    check: 'entries',
    message: `"modules/copy.json" shares its data with "${HOSTILE_PATH}" (overlapping entries).`,
  },
  { title: 'an encrypted entry', bytes: () => changeFile({ flags: 0x801 }), check: 'entries', message: 'The pack contains encrypted entries; packs may not be encrypted.' },
  { title: 'strong encryption', bytes: () => changeFile({ flags: 0x841 }), check: 'entries', message: 'The pack contains encrypted entries; packs may not be encrypted.' },
  {
    title: 'an unsupported compression method',
    bytes: () => changeFile({ method: 12, raw: Buffer.from(moduleText) }),
    check: 'entries',
    message: `"${HOSTILE_PATH}" uses compression method 12; only stored (0) and deflate (8) are allowed.`,
  },

  // Sizes
  {
    title: 'an entry declared larger than 20 MB',
    bytes: () => withFiles([{ name: 'modules/big.json', data: Buffer.alloc(0), raw: noise(250_000), uncompressedSize: 21 * MB }]),
    check: 'entries',
    message: '"modules/big.json" is larger than 20 MB.',
  },
  {
    title: 'more than 100 MB declared in total',
    bytes: () => withFiles(Array.from({ length: 6 }, (_, i) => ({ name: `modules/big-${i}.json`, data: Buffer.alloc(0), raw: noise(200_000, i + 1), uncompressedSize: 19 * MB }))),
    check: 'entries',
    message: 'The pack would unpack to more than 100 MB.',
  },
  {
    title: 'a zip bomb (compression ratio above 100)',
    bytes: () => withFiles([{ name: 'modules/bomb.json', data: Buffer.alloc(10 * MB, 0x20) }]),
    check: 'entries',
    message: '"modules/bomb.json" is compressed more than 100 to 1, as only zip bombs are.',
  },
  {
    title: 'a compressed size of zero',
    bytes: () => withFiles([{ name: 'modules/zero.json', data: Buffer.from('{}'), raw: Buffer.alloc(0) }]),
    check: 'entries',
    message: '"modules/zero.json" is compressed more than 100 to 1, as only zip bombs are.',
  },
  {
    title: 'a deflated entry larger than its header says',
    bytes: () => changeFile({ uncompressedSize: Buffer.byteLength(JSON.stringify(moduleJson(), null, 2)) - 100 }),
    check: 'data',
    message: `"${HOSTILE_PATH}" does not have the size its zip header declares.`,
  },
  {
    title: 'a deflated entry smaller than its header says',
    bytes: () => changeFile({ uncompressedSize: Buffer.byteLength(JSON.stringify(moduleJson(), null, 2)) + 100 }),
    check: 'data',
    message: `"${HOSTILE_PATH}" does not have the size its zip header declares.`,
  },
  {
    title: 'a stored entry whose sizes disagree',
    bytes: () => changeFile({ method: 0, raw: Buffer.from(JSON.stringify(moduleJson(), null, 2)), uncompressedSize: 10 }),
    check: 'entries',
    message: 'An entry of the pack does not have the size its zip header declares.',
  },
  { title: 'a CRC-32 mismatch', bytes: () => changeFile({ crc: 0x12345678 }), check: 'data', message: `"${HOSTILE_PATH}" is corrupt: its CRC-32 does not match its data.` },
  {
    title: 'corrupt deflate data',
    bytes: () => changeFile({ raw: Buffer.alloc(2000, 0xff) }),
    check: 'data',
    message: `"${HOSTILE_PATH}" is corrupt: its compressed data cannot be read.`,
  },

  // The manifest
  { title: 'no manifest', bytes: () => buildPack({ ...draft(), omitManifest: true }), check: 'manifest', message: 'The pack has no manifest.json.' },
  { title: 'a manifest that is not JSON', bytes: () => buildPack({ ...draft(), manifestEntry: { data: Buffer.from('format: curriculum-composer-pack') } }), check: 'manifest', message: 'manifest.json is not valid JSON.' },
  { title: 'a manifest that is an array', bytes: () => buildPack({ ...draft(), manifestEntry: { data: Buffer.from('[]') } }), check: 'manifest', message: 'manifest.json is invalid: Invalid input: expected object, received array' },
  {
    title: 'an unknown format id',
    bytes: () =>
      withManifest((m) => {
        m['format'] = 'moodle-backup';
      }),
    check: 'manifest',
    message: 'manifest.json is not a Curriculum Composer pack manifest (format "moodle-backup"; expected "curriculum-composer-pack").',
  },
  {
    title: 'no format id',
    bytes: () =>
      withManifest((m) => {
        delete m['format'];
      }),
    check: 'manifest',
    message: 'manifest.json is not a Curriculum Composer pack manifest (no format; expected "curriculum-composer-pack").',
  },
  {
    title: 'a newer format version',
    bytes: () =>
      withManifest((m) => {
        m['formatVersion'] = 3;
        m['signatures'] = [];
      }),
    check: 'manifest',
    message: 'This pack was made by a newer version of Curriculum Composer (pack format 3; this version reads formats up to 2). Update the app to open it.',
  },
  {
    title: 'a manifest without a title',
    bytes: () =>
      withManifest((m) => {
        delete m['title'];
      }),
    check: 'manifest',
    message: 'manifest.json is invalid: title: Invalid input: expected string, received undefined',
  },
  {
    title: 'a manifest with a bad checksum format',
    bytes: () => buildPack({ ...draft(), listing: [{ path: HOSTILE_PATH, kind: 'module', moduleId: HOSTILE_ID, revision: 1, sha256: 'ABC' }] }),
    check: 'manifest',
    message: 'manifest.json is invalid: entries.0.sha256: Use 64 lowercase hexadecimal digits',
  },
  {
    title: 'a manifest entry outside the layout',
    bytes: () => buildPack({ ...draft(), listing: [{ path: 'scripts/run.json', kind: 'module', moduleId: 'run', revision: 1, sha256: '0'.repeat(64) }] }),
    check: 'manifest',
    message: 'manifest.json is invalid: entries.0.path: Use modules/<module id>.json (and 1 more problem)',
  },
  {
    title: 'a forbidden key in the manifest',
    bytes: () => buildPack({ ...draft(), manifestEntry: { data: Buffer.from('{"format":"curriculum-composer-pack","prototype":{}}') } }),
    check: 'manifest',
    message: 'manifest.json has the forbidden key "prototype" at the top level.',
  },

  // Listing and checksums
  {
    title: 'an entry listed but missing',
    bytes: () => buildPack({ ...draft(), extraListing: [{ path: 'modules/ghost.json', kind: 'module', moduleId: 'ghost', revision: 1, sha256: '0'.repeat(64) }] }),
    check: 'listing',
    message: 'manifest.json lists modules/ghost.json, but the pack does not contain it.',
  },
  {
    title: 'an entry present but not listed',
    bytes: () => withFiles([{ name: 'modules/extra.json', data: Buffer.from(moduleText) }], false),
    check: 'listing',
    message: 'The pack contains "modules/extra.json", which manifest.json does not list.',
  },
  { title: 'a stray file', bytes: () => withFiles([{ name: 'run.sh', data: Buffer.from('rm -rf ~') }], false), check: 'listing', message: 'The pack contains "run.sh", which manifest.json does not list.' },
  {
    title: 'a checksum mismatch',
    bytes: () => {
      const d = draft();
      const listing = d.files.map((f) => ({ path: f.name, ...(f.name === HOSTILE_PATH ? { kind: 'module', moduleId: HOSTILE_ID, revision: baseModule.revision } : { kind: 'references' }), sha256: sha256(f.name === HOSTILE_PATH ? Buffer.from('tampered') : f.data) }));
      return buildPack({ ...d, listing });
    },
    check: 'checksums',
    message: `${HOSTILE_PATH} does not match its SHA-256 checksum in manifest.json.`,
  },

  // Content of the JSON entries
  { title: 'text that is not UTF-8', bytes: () => buildPack(withModuleData(draft(), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))), check: 'content', message: `${HOSTILE_PATH} is not valid UTF-8 text.` },
  { title: 'JSON nested 65 levels deep', bytes: () => withModuleText(`{"id":"${HOSTILE_ID}","x":${'['.repeat(64)}${']'.repeat(64)}}`), check: 'content', message: `${HOSTILE_PATH} nests deeper than 64 levels.` },
  { title: 'JSON nested 100,000 levels deep', bytes: () => withModuleText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, true), check: 'content', message: `${HOSTILE_PATH} nests deeper than 64 levels.` },
  { title: 'invalid module JSON', bytes: () => withModuleText(`${moduleText.slice(0, -1)},}`), check: 'content', message: `${HOSTILE_PATH} is not valid JSON.` },
  { title: 'a "__proto__" key', bytes: () => withModuleText(`{"__proto__":{"isAdmin":true},${moduleText.slice(1)}`), check: 'content', message: `${HOSTILE_PATH} has the forbidden key "__proto__" at the top level.` },
  {
    title: 'an escaped "__proto__" key',
    bytes: () => withModuleText(`{"\\u005f_proto__":{"isAdmin":true},${moduleText.slice(1)}`),
    check: 'content',
    message: `${HOSTILE_PATH} has the forbidden key "__proto__" at the top level.`,
  },
  {
    title: 'a nested "constructor" key',
    bytes: () => withModuleText(moduleText.replace('"lessons":[{', '"lessons":[{"constructor":{"prototype":{}},')),
    check: 'content',
    message: `${HOSTILE_PATH} has the forbidden key "constructor" at lessons.0.`,
  },
  {
    title: 'a javascript: Markdown link',
    bytes: () =>
      withModule((m) => {
        m.lessons[0]!['aim'] = 'Read [the guide](javascript:alert(document.cookie)) first.';
      }),
    check: 'content',
    message: `${HOSTILE_PATH} has a link with the scheme "javascript:" at lessons.0.aim; only http, https and mailto links are allowed.`,
  },
  {
    title: 'a mixed-case JavaScript: link',
    bytes: () =>
      withModule((m) => {
        m['summary'] = 'Click [here]( JaVaScRiPt:void(0) ).';
      }),
    check: 'content',
    message: `${HOSTILE_PATH} has a link with the scheme "javascript:" at summary; only http, https and mailto links are allowed.`,
  },
  {
    title: 'a bare data: URL',
    bytes: () =>
      withModule((m) => {
        m['summary'] = 'Open data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== in a browser.';
      }),
    check: 'content',
    message: `${HOSTILE_PATH} has a link with the scheme "data:" at summary; only http, https and mailto links are allowed.`,
  },
  {
    title: 'a file: URL in a reference',
    bytes: () => {
      const d = draft();
      d.files = d.files.map((f) => (f.name === 'references.json' ? { ...f, data: json([{ id: firstCited, shortName: 'x', title: 'See file:///etc/passwd', issuer: 'x', kind: 'guidance' }]) } : f));
      return buildPack(d);
    },
    check: 'content',
    message: 'references.json has a link with the scheme "file:" at 0.title; only http, https and mailto links are allowed.',
  },
  {
    title: 'a vbscript: link',
    bytes: () =>
      withModule((m) => {
        m.lessons[0]!['trainerNotes'] = '[notes](vbscript:msgbox(1))';
      }),
    check: 'content',
    message: `${HOSTILE_PATH} has a link with the scheme "vbscript:" at lessons.0.trainerNotes; only http, https and mailto links are allowed.`,
  },
  {
    title: 'a Windows protocol handler (ms-msdt:)',
    bytes: () =>
      withModule((m) => {
        m['summary'] = 'ms-msdt:/id PCWDiagnostic /skip force';
      }),
    check: 'content',
    message: `${HOSTILE_PATH} has a link with the scheme "ms-msdt:" at summary; only http, https and mailto links are allowed.`,
  },
  {
    title: 'a control character',
    bytes: () =>
      withModule((m) => {
        m['title'] = 'Ring the bell\u0007';
      }),
    check: 'content',
    message: `${HOSTILE_PATH} has a character that is not allowed (U+0007) at title.`,
  },
  {
    title: 'a lone surrogate',
    bytes: () => withModuleText(moduleText.replace('"summary":"', '"summary":"\\ud800')),
    check: 'content',
    message: `${HOSTILE_PATH} has a character that is not allowed (U+D800) at summary.`,
  },
  {
    title: 'a control character in a key',
    bytes: () => withModuleText(`{"bad\\u001bkey":1,${moduleText.slice(1)}`),
    check: 'content',
    message: `${HOSTILE_PATH} has a character that is not allowed (U+001B) at the top level.`,
  },

  // Schemas and consistency
  {
    title: 'an invalid module',
    bytes: () =>
      withModule((m) => {
        (m.lessons[0]!['steps'] as Record<string, unknown>[])[0]!['minutes'] = 0;
      }),
    check: 'schemas',
    message: `${HOSTILE_PATH} is not a valid module: lessons.0.steps.0.minutes: Too small: expected number to be >=1`,
  },
  {
    title: 'a module with an unknown field',
    bytes: () =>
      withModule((m) => {
        m['script'] = 'x';
      }),
    check: 'schemas',
    message: `${HOSTILE_PATH} is not a valid module: Unrecognized key: "script"`,
  },
  {
    title: 'a reference with a javascript: url',
    bytes: () => {
      const d = draft();
      d.files = d.files.map((f) => (f.name === 'references.json' ? { ...f, data: json([{ id: firstCited, shortName: 'x', title: 'x', issuer: 'x', kind: 'guidance', url: 'javascript:alert(1)' }]) } : f));
      return buildPack(d);
    },
    check: 'content',
    message: 'references.json has a link with the scheme "javascript:" at 0.url; only http, https and mailto links are allowed.',
  },
  {
    title: 'a reference with an ftp url',
    bytes: () => {
      const d = draft();
      // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an insecure link is what this pack must be refused for
      const url = 'ftp://example.org/x';
      d.files = d.files.map((f) => (f.name === 'references.json' ? { ...f, data: json([{ id: firstCited, shortName: 'x', title: 'x', issuer: 'x', kind: 'guidance', url }]) } : f));
      return buildPack(d);
    },
    check: 'content',
    message: 'references.json has a link with the scheme "ftp:" at 0.url; only http, https and mailto links are allowed.',
  },
  {
    title: 'a module whose id does not match its file name',
    bytes: () =>
      withModule((m) => {
        m['id'] = 'someone-else';
      }),
    check: 'consistency',
    message: `${HOSTILE_PATH} holds "someone-else"; its file must be named after its id.`,
  },
  {
    title: 'a revision that differs from the manifest',
    bytes: () => buildPack(withRevision(99)),
    check: 'consistency',
    message: `${HOSTILE_PATH} is revision ${baseModule.revision}, but manifest.json lists revision 99.`,
  },
  {
    title: 'a language the manifest does not list',
    bytes: () =>
      withManifest((m) => {
        m['languages'] = [baseModule.language === 'fr' ? 'en' : 'fr'];
      }),
    check: 'consistency',
    message: `${HOSTILE_PATH} is in the language "${baseModule.language}", which manifest.json does not list.`,
  },
  {
    title: 'a cited reference missing from references.json',
    bytes: () => {
      const d = draft();
      d.files = d.files.map((f) => (f.name === 'references.json' ? { ...f, data: json([]) } : f));
      return buildPack(d);
    },
    check: 'consistency',
    message: `${HOSTILE_PATH} cites the reference "${firstCited}", which references.json does not contain.`,
  },
  {
    title: 'a reference listed twice',
    bytes: () => {
      const d = draft();
      const reference = sample.references.find((r) => r.id === firstCited);
      d.files = d.files.map((f) => (f.name === 'references.json' ? { ...f, data: json([reference, reference]) } : f));
      return buildPack(d);
    },
    check: 'consistency',
    message: `references.json lists the reference "${firstCited}" twice.`,
  },
  {
    title: 'a step teaching an objective its lesson does not have',
    bytes: () =>
      withModule((m) => {
        const step = (m.lessons[0]!['steps'] as Record<string, unknown>[])[0]!;
        step['objectives'] = ['o99'];
      }),
    check: 'consistency',
    message: `${HOSTILE_PATH} is not consistent at lessons.0.steps.0.objectives: Unknown objective "o99".`,
  },
  {
    title: 'two lessons with the same code',
    bytes: () =>
      withModule((m) => {
        m.lessons[1]!['code'] = m.lessons[0]!['code'];
      }),
    check: 'consistency',
    message: `${HOSTILE_PATH} is not consistent at lessons.1.code: Lesson code ${String(baseModule.lessons[0]?.code)} repeats.`,
  },
];

function withRevision(revision: number): PackDraft {
  const d = draft();
  const listing = d.files.map((f) => (f.name === HOSTILE_PATH ? { path: f.name, kind: 'module', moduleId: HOSTILE_ID, revision, sha256: sha256(f.data) } : { path: f.name, kind: 'references', sha256: sha256(f.data) }));
  return { ...d, listing };
}

async function refusalOf(read: Promise<unknown>): Promise<unknown> {
  return read.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('readPack refuses hostile packs', () => {
  it('has a corpus of at least 25 distinct hostile packs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.title)).size).toBe(CASES.length);
  });

  it.each(CASES)('$title', async ({ bytes, check, message }) => {
    const dir = await tempDir('cc-pack-hostile-');
    const path = join(dir, 'hostile.ccpack');
    const content = await bytes();
    await writeFile(path, content);

    const error = await refusalOf(readPack(path));
    expect(error).toBeInstanceOf(PackRefusedError);
    expect(error).toMatchObject({ code: 'invalid-argument', check, message });
    // From memory the verdict is the same, word for word.
    expect(await refusalOf(readPackBytes(content))).toMatchObject({ check, message });
  });

  it('refuses a pack path that is a symbolic link, even to a valid pack', async () => {
    const dir = await tempDir('cc-pack-link-');
    await writeFile(join(dir, 'real.ccpack'), await validPack());
    await symlink(join(dir, 'real.ccpack'), join(dir, 'link.ccpack'));
    await expect(readPack(join(dir, 'real.ccpack'))).resolves.toBeTruthy();
    await expect(readPack(join(dir, 'link.ccpack'))).rejects.toMatchObject({
      code: 'invalid-argument',
      check: 'file',
      message: 'The pack path is a symbolic link; open the file it points to instead.',
    });
  });

  it('refuses a folder', async () => {
    const dir = await tempDir('cc-pack-dir-');
    await mkdir(join(dir, 'folder.ccpack'));
    await expect(readPack(join(dir, 'folder.ccpack'))).rejects.toMatchObject({ check: 'file', message: 'The pack path is not a regular file.' });
  });

  it('reports a missing file as not-found, not as a bad pack', async () => {
    const dir = await tempDir('cc-pack-missing-');
    const error = await refusalOf(readPack(join(dir, 'nothing.ccpack')));
    expect(error).toBeInstanceOf(AppError);
    expect(error).not.toBeInstanceOf(PackRefusedError);
    expect(error).toMatchObject({ code: 'not-found', message: `There is no file at ${join(dir, 'nothing.ccpack')}.` });
  });

  it('refuses a pack file larger than the total limit before reading it', async () => {
    const bytes = await validPack();
    await expect(readPackBytes(bytes, { maxTotalBytes: 1000 })).rejects.toMatchObject({ check: 'file', message: 'The pack file is larger than 1,000 bytes.' });
  });

  it('applies custom limits to entries, depth and ratio', async () => {
    const bytes = await validPack();
    await expect(readPackBytes(bytes, { maxEntries: 3 })).rejects.toMatchObject({ message: 'The pack has more than 3 entries.' });
    await expect(readPackBytes(bytes, { maxEntryBytes: 10_000 })).rejects.toMatchObject({ message: expect.stringMatching(/^"modules\/[a-z-]+\.json" is larger than 10,000 bytes\.$/) as unknown });
    await expect(readPackBytes(bytes, { maxDepth: 2 })).rejects.toMatchObject({ check: 'manifest', message: 'manifest.json nests deeper than 2 levels.' });
    await expect(readPackBytes(bytes, { maxRatio: 2 })).rejects.toMatchObject({ check: 'entries', message: expect.stringMatching(/is compressed more than 2 to 1, as only zip bombs are\.$/) as unknown });
  });

  it('never writes: the folder holding the packs is byte-for-byte the same after reading them', async () => {
    const dir = await tempDir('cc-pack-readonly-');
    await writeFile(join(dir, 'valid.ccpack'), await validPack());
    const hostile = CASES.filter((c) => c.check !== 'file').slice(0, 30);
    for (const [index, c] of hostile.entries()) await writeFile(join(dir, `hostile-${index}.ccpack`), await c.bytes());
    const before = await snapshotDir(dir);

    await readPack(join(dir, 'valid.ccpack'));
    for (const index of hostile.keys()) await refusalOf(readPack(join(dir, `hostile-${index}.ccpack`)));

    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('accepts the untouched draft, so every case above fails for its one change only', async () => {
    const contents = await readPackBytes(buildPack(draft()));
    expect(contents.modules.map((m) => m.id)).toEqual([HOSTILE_ID]);
    // A zip made by another tool may hold the two expected folders.
    const d = draft();
    d.files.unshift({ name: 'modules/', data: Buffer.alloc(0), method: 0, externalAttributes: unixMode(0o040755) });
    await expect(readPackBytes(buildPack(d))).resolves.toBeTruthy();
    // Prose with colons is not a link: only schemes that run code or name a location are refused.
    const prose = buildPack(
      withModuleData(
        draft(),
        json({ ...moduleJson(), summary: 'Personal data: names and addresses. Time: 10:30. See https://www.ohchr.org and mailto:training@example.org. urn:isbn:92-1-154' }),
      ),
    );
    await expect(readPackBytes(prose)).resolves.toBeTruthy();
  });
});

describe('the hostile corpus helpers', () => {
  it('craft zips that yauzl reads when nothing is wrong', async () => {
    const bytes = craftZip([{ name: 'manifest.json', data: Buffer.from('{}') }]);
    await expect(readPackBytes(bytes)).rejects.toMatchObject({ check: 'manifest', message: expect.stringMatching(/^manifest\.json is not a Curriculum Composer pack manifest/) as unknown });
  });
});
