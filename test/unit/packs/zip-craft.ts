/**
 * Hand-built zip archives and packs for the hostile corpus. yazl refuses to write most of these (bad names,
 * lying sizes, links), which is exactly why the reader must be tested against bytes written by hand.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';

export type CraftEntry = {
  name: string;
  /** The uncompressed content. */
  data: Buffer;
  /** 8 (deflate, default), 0 (stored) or anything else to test refusals. */
  method?: number;
  /** The bytes stored in the zip; defaults to `data` deflated (method 8) or as is. */
  raw?: Buffer;
  /** Declared sizes and CRC; default to the truth. */
  uncompressedSize?: number;
  compressedSize?: number;
  crc?: number;
  /** Defaults to a regular file, mode 0644, as a Unix zip tool writes it. */
  externalAttributes?: number;
  /** Defaults to 0x800 (UTF-8 names). */
  flags?: number;
  /** The name written in the local header, when it should differ from the central directory's. */
  localName?: string;
  /** Index of an earlier entry whose data this directory record points to instead of its own. */
  sameDataAs?: number;
};

export const unixMode = (mode: number): number => (mode << 16) >>> 0;

/** A zip archive: local headers with data, the central directory, the end record. */
export function craftZip(entries: readonly CraftEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const raw = entry.raw ?? (method === 8 ? deflateRawSync(entry.data) : entry.data);
    const name = Buffer.from(entry.name, 'utf8');
    const localName = entry.localName === undefined ? name : Buffer.from(entry.localName, 'utf8');
    const crc = entry.crc ?? crc32(entry.data);
    const compressedSize = entry.compressedSize ?? raw.length;
    const uncompressedSize = entry.uncompressedSize ?? entry.data.length;
    const flags = entry.flags ?? 0x800;
    let headerOffset = offset;
    if (entry.sameDataAs === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(0, 10);
      local.writeUInt16LE(0x21, 12); // 1980-01-01
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(compressedSize, 18);
      local.writeUInt32LE(uncompressedSize, 22);
      local.writeUInt16LE(localName.length, 26);
      local.writeUInt16LE(0, 28);
      parts.push(local, localName, raw);
      offset += local.length + localName.length + raw.length;
    } else {
      headerOffset = offsets[entry.sameDataAs] ?? 0;
    }
    offsets.push(headerOffset);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, zip 2.0
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(flags, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt16LE(0, 12);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(compressedSize, 20);
    record.writeUInt32LE(uncompressedSize, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(0, 30);
    record.writeUInt16LE(0, 32);
    record.writeUInt16LE(0, 34);
    record.writeUInt16LE(0, 36);
    record.writeUInt32LE(entry.externalAttributes ?? unixMode(0o100644), 38);
    record.writeUInt32LE(headerOffset, 42);
    central.push(record, name);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
export const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, null, 2), 'utf8');

/** A pack in the making: change any part, then `buildPack` computes the listing and checksums still missing. */
export type PackDraft = {
  manifest: Record<string, unknown>;
  /** Content entries (everything but the manifest). `listed: false` leaves one out of the manifest. */
  files: (CraftEntry & { listed?: boolean })[];
  /** Manifest entries added as they are, e.g. one for a file that is not in the zip. */
  extraListing: unknown[];
  /** Replaces the generated listing entirely. */
  listing?: unknown[];
  /** Changes the manifest.json zip entry itself (e.g. its bytes). */
  manifestEntry?: Partial<CraftEntry>;
  omitManifest?: boolean;
};

export const HOSTILE_ID = 'hostile-module';
export const HOSTILE_PATH = `modules/${HOSTILE_ID}.json`;

/** A valid pack of one module (the given sample, renamed) and the references it cites. */
export function validDraft(module: Module, references: readonly Reference[]): PackDraft {
  const copy = { ...module, id: HOSTILE_ID };
  const cited = new Set([...copy.references, ...copy.lessons.flatMap((l) => l.references)]);
  return {
    manifest: {
      format: 'curriculum-composer-pack',
      formatVersion: 1,
      packId: 'hostile-corpus',
      title: 'Hostile corpus',
      description: '',
      publisher: 'Test suite',
      license: 'CC-BY-4.0',
      languages: [copy.language],
      createdAt: '2025-01-01T00:00:00.000Z',
      appVersion: '0.1.0',
    },
    files: [
      { name: HOSTILE_PATH, data: json(copy) },
      { name: 'references.json', data: json(references.filter((r) => cited.has(r.id))) },
    ],
    extraListing: [],
  };
}

function listingOf(file: CraftEntry): unknown {
  if (file.name === 'references.json') return { path: file.name, kind: 'references', sha256: sha256(file.data) };
  if (file.name.startsWith('curricula/')) return { path: file.name, kind: 'curriculum', sha256: sha256(file.data) };
  let revision = 1;
  try {
    const parsed = JSON.parse(file.data.toString('utf8')) as { revision?: unknown };
    if (typeof parsed.revision === 'number') revision = parsed.revision;
  } catch {
    // Deliberately broken content: the listing still names it.
  }
  const moduleId = /^modules\/(.+)\.json$/.exec(file.name)?.[1] ?? 'unknown';
  return { path: file.name, kind: 'module', moduleId, revision, sha256: sha256(file.data) };
}

export function buildPack(draft: PackDraft): Buffer {
  const listable = draft.files.filter((f) => f.listed !== false && !f.name.endsWith('/'));
  const entries = draft.listing ?? [...listable.map(listingOf), ...draft.extraListing];
  const manifest: CraftEntry = { name: 'manifest.json', data: json({ ...draft.manifest, entries }), ...draft.manifestEntry };
  return craftZip(draft.omitManifest ? draft.files : [manifest, ...draft.files]);
}

/** Replaces the content of the draft's module file (keeping its listing computed from the new bytes). */
export function withModuleData(draft: PackDraft, data: Buffer): PackDraft {
  return { ...draft, files: draft.files.map((f) => (f.name === HOSTILE_PATH ? { ...f, data } : f)) };
}

/** Deterministic noise (xorshift), so a failing case can be reproduced byte for byte. */
export function noise(length: number, seed = 0x2545f491): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}
