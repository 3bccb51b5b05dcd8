/**
 * Opens a Word document (.docx) as hostile input, before any parser sees it, and hands the import the XML
 * parts it needs as strings. It uses the pack reader's zip layer and limits (../zip/safe-zip.ts), then refuses,
 * each with its own message in DOCX_REFUSALS and writing nothing:
 * - files that are not zips: encrypted documents (an OLE compound file holding an EncryptedPackage), older
 *   binary .doc files, anything else;
 * - zip bombs, too many entries, traversal and absolute names, local names that differ from the directory's;
 * - macros: a .docm/.dotm name, a macro-enabled content type, a vbaProject.bin anywhere;
 * - a DTD or entity declaration in any XML part (entity expansion bombs, external entities), or a part that
 *   is not UTF-8/UTF-16 text;
 * - external relationships that would load something: an external image, template, frame, OLE object or
 *   sub-document. They are never fetched; we refuse rather than import a document whose content lives
 *   elsewhere. An external hyperlink is ordinary text content: it becomes a warning, the link is kept as text;
 * - images larger than `maxImageBytes` (images are never decoded: they are listed as missing material);
 * - a package without a main Word document.
 */
import { basename } from 'node:path';
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '../../../shared/errors';
import {
  checkEntryCount,
  checkZipEntries,
  loadZipSource,
  MB,
  openZip,
  readZipEntry,
  type Refuse,
  type ZipBudget,
  type ZipLimits,
  type ZipRefusals,
  type ZipSource,
} from '../zip/safe-zip';
import { DOCX_REFUSALS, DOCX_WARNINGS } from './docx-refusals';
import { attr, children, parseXml } from './xml';

export type DocxLimits = ZipLimits & {
  /** Uncompressed size of any one image (word/media/…). */
  maxImageBytes: number;
};

/** The pack reader's limits; XML compresses about 5 to 20 times, so the ratio of 100 still only stops bombs. */
export const DEFAULT_DOCX_LIMITS: Readonly<DocxLimits> = {
  maxEntries: 2000,
  maxTotalBytes: 100 * MB,
  maxEntryBytes: 20 * MB,
  maxRatio: 100,
  maxImageBytes: 10 * MB,
};

/** The stages of opening, in order; a refusal names the one that refused. */
export const DOCX_CHECKS = ['file', 'format', 'archive', 'entries', 'macros', 'images', 'xml', 'package', 'relationships'] as const;
export type DocxCheck = (typeof DOCX_CHECKS)[number];

/** A document this app will not open. `message` is stable and meant for the user. */
export class DocxRefusedError extends AppError {
  readonly check: DocxCheck;

  constructor(check: DocxCheck, message: string) {
    super('invalid-argument', message);
    this.name = 'DocxRefusedError';
    this.check = check;
  }
}

/** A relationship of the main document: `target` is a part name inside the package unless `external`. */
export type DocxRelationship = { id: string; type: string; target: string; external: boolean };

/** An image of the package, never decoded; the alt text is in document.xml, found by the relationship ids. */
export type DocxImage = { name: string; bytes: number; relationshipIds: string[] };

/** What the import may read: the parts as text, checked; absent optional parts are null. */
export type DocxPackage = {
  fileName: string;
  parts: {
    document: string;
    styles: string | null;
    numbering: string | null;
    /** The main document's relationships (word/_rels/document.xml.rels), as text. */
    relationships: string | null;
    /** docProps/core.xml: title, author, dates. */
    core: string | null;
    footnotes: string | null;
  };
  /** The main document's relationships, parsed. */
  relationships: DocxRelationship[];
  images: DocxImage[];
  /** Things the import notes but that do not stop it (external hyperlinks, embedded objects). */
  warnings: string[];
};

const IMAGE_RELATIONSHIP = /\/image$/;
const HYPERLINK_RELATIONSHIP = /\/hyperlink$/;
const OFFICE_DOCUMENT = /\/officeDocument$/;
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const WORD_MAIN_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
]);
const MACRO_TYPE = /macroEnabled|vbaProject|vbaData/i;

/** Opens the document at `path`; see the file comment. */
export function readDocx(path: string, limits: Partial<DocxLimits> = {}): Promise<DocxPackage> {
  return readFrom({ kind: 'file', path }, basename(path), { ...DEFAULT_DOCX_LIMITS, ...limits });
}

/** The same checks on a document already in memory (uploaded through the web harness, or made by tests). */
export function readDocxBytes(bytes: Buffer, fileName: string, limits: Partial<DocxLimits> = {}): Promise<DocxPackage> {
  return readFrom({ kind: 'bytes', bytes }, fileName, { ...DEFAULT_DOCX_LIMITS, ...limits });
}

function refuse(check: DocxCheck, message: string): never {
  throw new DocxRefusedError(check, message);
}

const refuser =
  (check: DocxCheck): Refuse =>
  (message) =>
    refuse(check, message);

const ZIP_TEXT: ZipRefusals<DocxLimits> = DOCX_REFUSALS;

async function readFrom(source: ZipSource, fileName: string, limits: DocxLimits): Promise<DocxPackage> {
  if (/\.(?:docm|dotm)$/i.test(fileName)) refuse('file', DOCX_REFUSALS.macroFileName(fileName));
  const bytes = await loadZipSource(source, limits, ZIP_TEXT, refuser('file'));
  checkFormat(bytes);
  const zip = await openZip(bytes, ZIP_TEXT, refuser('archive'));
  try {
    return await readPackage(zip, bytes, fileName, limits);
  } finally {
    zip.close();
  }
}

/** Word saves a password-protected document as an OLE compound file, as it did every .doc before 2007. */
function checkFormat(bytes: Buffer): void {
  if (bytes.length < CFB_SIGNATURE.length || !bytes.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) return;
  refuse('format', bytes.includes(ENCRYPTED_PACKAGE) ? DOCX_REFUSALS.encryptedDocument : DOCX_REFUSALS.legacyDoc);
}

async function readPackage(zip: ZipFile, bytes: Buffer, fileName: string, limits: DocxLimits): Promise<DocxPackage> {
  checkEntryCount(zip, limits, ZIP_TEXT, refuser('archive'));
  const files = await checkZipEntries(zip, bytes, limits, ZIP_TEXT, refuser('entries'));

  for (const name of files.keys()) {
    if (/(?:^|\/)vba(?:Project\.bin|Data\.xml)$/i.test(name)) refuse('macros', DOCX_REFUSALS.macroPart(name));
  }
  for (const [name, entry] of files) {
    if (isImageName(name) && entry.uncompressedSize > limits.maxImageBytes) refuse('images', DOCX_REFUSALS.hugeImage(name, limits));
  }

  const xml = await readXmlParts(zip, bytes, files, limits);
  const contentTypes = xml.get('[Content_Types].xml');
  if (contentTypes === undefined) refuse('package', DOCX_REFUSALS.noContentTypes);
  const types = parseContentTypes(contentTypes);
  for (const type of types.values()) if (MACRO_TYPE.test(type)) refuse('macros', DOCX_REFUSALS.macroContentType(type));

  const warnings: string[] = [];
  const relationshipsByPart = new Map<string, DocxRelationship[]>();
  for (const [name, text] of xml) {
    if (!name.endsWith('.rels')) continue;
    const source = relsSource(name);
    const relationships = parseRelationships(name, text, source);
    relationshipsByPart.set(source, relationships);
    for (const relationship of relationships) {
      if (!relationship.external) continue;
      if (HYPERLINK_RELATIONSHIP.test(relationship.type)) warnings.push(DOCX_WARNINGS.externalLink(relationship.target));
      else refuse('relationships', DOCX_REFUSALS.externalRelationship(name, shortType(relationship.type), relationship.target));
    }
  }

  const main = (relationshipsByPart.get('') ?? []).find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external)?.target ?? 'word/document.xml';
  const document = xml.get(main);
  if (document === undefined) refuse('package', DOCX_REFUSALS.missingDocument(main));
  const mainType = types.get(`/${main}`) ?? types.get(`.${extension(main)}`);
  if (mainType !== undefined && !WORD_MAIN_TYPES.has(mainType)) refuse('package', DOCX_REFUSALS.notWord(mainType));

  const relationships = relationshipsByPart.get(main) ?? [];
  const related = (pattern: RegExp): string | null => {
    const target = relationships.find((r) => pattern.test(r.type) && !r.external)?.target;
    return target === undefined ? null : (xml.get(target) ?? null);
  };
  const coreTarget = (relationshipsByPart.get('') ?? []).find((r) => /\/metadata\/core-properties$/.test(r.type))?.target ?? 'docProps/core.xml';
  const embedded = [...files.keys()].filter((name) => /^word\/(?:embeddings|activeX)\//.test(name));
  if (embedded.length > 0) warnings.push(DOCX_WARNINGS.embeddedObjects(embedded.length));

  return {
    fileName,
    parts: {
      document,
      styles: related(/\/styles$/),
      numbering: related(/\/numbering$/),
      relationships: xml.get(relsName(main)) ?? null,
      core: xml.get(coreTarget) ?? null,
      footnotes: related(/\/footnotes$/),
    },
    relationships,
    images: listImages(relationships, files),
    warnings,
  };
}

const isImageName = (name: string): boolean => /^word\/media\//.test(name) || /\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$/i.test(name);
const extension = (name: string): string => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Every XML part (.xml and .rels), read within the zip budget and checked for DTDs. Parts other than XML
 * (images, embeddings) are never inflated: nothing reads them.
 */
async function readXmlParts(zip: ZipFile, bytes: Buffer, files: Map<string, Entry>, limits: DocxLimits): Promise<Map<string, string>> {
  const budget: ZipBudget<DocxLimits> = { remaining: limits.maxTotalBytes, limits };
  const parts = new Map<string, string>();
  for (const [name, entry] of files) {
    if (!/\.(?:xml|rels)$/i.test(name)) continue;
    const data = await readZipEntry(zip, bytes, entry, budget, ZIP_TEXT, refuser('xml'));
    const text = decodeXml(name, data);
    // A DTD is the only way to declare entities (billion laughs, external entities); Word never writes one.
    if (/<!DOCTYPE/i.test(text)) refuse('xml', DOCX_REFUSALS.dtd(name));
    if (/<!ENTITY/i.test(text)) refuse('xml', DOCX_REFUSALS.entity(name));
    parts.set(name, text);
  }
  return parts;
}

/** XML parts are UTF-8, or UTF-16 with a byte order mark; anything else is refused rather than guessed. */
function decodeXml(name: string, data: Buffer): string {
  try {
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(data.subarray(2));
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(data.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return refuse('xml', DOCX_REFUSALS.notText(name));
  }
}

function parseOrRefuse(check: DocxCheck, name: string, text: string): ReturnType<typeof parseXml> {
  try {
    return parseXml(text);
  } catch {
    return refuse(check, DOCX_REFUSALS.malformed(name));
  }
}

/** Content types by part name ("/word/document.xml") and by extension (".xml"). */
function parseContentTypes(text: string): Map<string, string> {
  const document = parseOrRefuse('package', '[Content_Types].xml', text);
  const types = new Map<string, string>();
  const root = document.documentElement;
  if (!root) return types;
  for (const element of children(root)) {
    const type = attr(element, 'ContentType') ?? '';
    if (element.localName === 'Override') types.set(attr(element, 'PartName') ?? '', type);
    else if (element.localName === 'Default') types.set(`.${(attr(element, 'Extension') ?? '').toLowerCase()}`, type);
  }
  return types;
}

/** "word/_rels/document.xml.rels" holds the relationships of "word/document.xml"; "_rels/.rels" those of the package (""). */
function relsSource(name: string): string {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
  if (!match) return name;
  return `${match[1] ?? ''}${match[2] ?? ''}`;
}

function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relative target resolved against its source part's folder; null when it would leave the package. */
function resolveTarget(source: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (base.length === 0) return null;
      base.pop();
    } else {
      base.push(segment);
    }
  }
  return base.join('/');
}

function parseRelationships(name: string, text: string, source: string): DocxRelationship[] {
  const document = parseOrRefuse('relationships', name, text);
  const root = document.documentElement;
  if (!root) return [];
  return children(root, 'Relationship').map((element) => {
    const type = attr(element, 'Type') ?? '';
    const rawTarget = attr(element, 'Target') ?? '';
    const external = (attr(element, 'TargetMode') ?? '').toLowerCase() === 'external';
    if (external) return { id: attr(element, 'Id') ?? '', type, target: rawTarget, external };
    // Targets are looked up only among the zip's entries, never on disk; one that climbs out is refused all the same.
    const target = resolveTarget(source, decodeURIComponentSafe(rawTarget));
    if (target === null) refuse('relationships', DOCX_REFUSALS.traversalTarget(name, rawTarget));
    return { id: attr(element, 'Id') ?? '', type, target, external };
  });
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const shortType = (type: string): string => type.slice(type.lastIndexOf('/') + 1) || type;

function listImages(relationships: readonly DocxRelationship[], files: Map<string, Entry>): DocxImage[] {
  const byName = new Map<string, DocxImage>();
  for (const relationship of relationships) {
    if (relationship.external || !IMAGE_RELATIONSHIP.test(relationship.type)) continue;
    const entry = files.get(relationship.target);
    const image = byName.get(relationship.target) ?? { name: relationship.target, bytes: entry?.uncompressedSize ?? 0, relationshipIds: [] };
    image.relationshipIds.push(relationship.id);
    byName.set(relationship.target, image);
  }
  return [...byName.values()];
}
