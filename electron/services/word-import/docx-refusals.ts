/**
 * Every message of the Word document reader: the zip layer's, worded for a document, and the checks of
 * docx-safety.ts. The tests assert them verbatim.
 */
import { sizeText, type ZipLimits } from '../zip/safe-zip';

const quote = (text: string): string => JSON.stringify(text);

type Limits = ZipLimits & { maxImageBytes: number };

export const DOCX_REFUSALS = {
  pathIsLink: 'The document path is a symbolic link; open the file it points to instead.',
  notAFile: 'The document path is not a regular file.',
  empty: 'The file is empty, so it is not a Word document.',
  fileTooLarge: (limits: Limits) => `The document is larger than ${sizeText(limits.maxTotalBytes)}.`,
  notZip: 'The file is not a Word document (.docx): it is not a zip archive.',
  truncated: 'The document is incomplete: the file was cut short, perhaps by an interrupted download or copy.',
  damaged: 'The document is damaged: its zip structure is invalid.',
  tooManyEntries: (limits: Limits) => `The document has more than ${limits.maxEntries.toLocaleString('en-US')} parts.`,
  unsafeName: (name: string, reason: string) => `Unsafe part name ${quote(name)} in the document: ${reason}.`,
  duplicate: (name: string) => `The document contains ${quote(name)} twice.`,
  link: (name: string) => `${quote(name)} is a symbolic link; documents may not contain links.`,
  specialFile: (name: string) => `${quote(name)} is not a regular file; documents may only contain files.`,
  encrypted: 'The document contains encrypted zip entries.',
  method: (name: string, method: number) => `${quote(name)} uses compression method ${method}; only stored (0) and deflate (8) are allowed.`,
  entryTooLarge: (name: string, limits: Limits) => `${quote(name)} is larger than ${sizeText(limits.maxEntryBytes)}.`,
  totalTooLarge: (limits: Limits) => `The document would unpack to more than ${sizeText(limits.maxTotalBytes)}.`,
  ratio: (name: string, limits: Limits) => `${quote(name)} is compressed more than ${limits.maxRatio} to 1, as only zip bombs are.`,
  overlap: (name: string, other: string) => `${quote(name)} shares its data with ${quote(other)} (overlapping entries).`,
  localName: (name: string, local: string) => `${quote(name)} is named ${quote(local)} in its local header; the two names of a zip entry must be the same.`,
  sizeLie: (name: string) => `${quote(name)} does not have the size its zip header declares.`,
  storedSizeLie: 'A part of the document does not have the size its zip header declares.',
  corrupt: (name: string) => `${quote(name)} is corrupt: its compressed data cannot be read.`,
  crc: (name: string) => `${quote(name)} is corrupt: its CRC-32 does not match its data.`,

  encryptedDocument: 'The document is protected by a password (encrypted). Open it in Word, remove the password, save it and import that copy.',
  legacyDoc: 'The file is an older Word document (.doc). Save it as .docx in Word or LibreOffice and import that copy.',
  macroFileName: (name: string) => `${quote(name)} is a macro-enabled document (.docm); macros are never imported. Save it as .docx and import that copy.`,
  macroPart: (name: string) => `The document contains macros (${quote(name)}); macro-enabled documents are refused. Save it as .docx without macros.`,
  macroContentType: (type: string) => `The document is macro-enabled (content type ${quote(type)}); macro-enabled documents are refused. Save it as .docx without macros.`,
  hugeImage: (name: string, limits: Limits) => `The image ${quote(name)} is larger than ${sizeText(limits.maxImageBytes)}; reduce its size in Word and try again.`,
  notText: (name: string) => `${quote(name)} is not UTF-8 or UTF-16 text, as XML parts of a Word document are.`,
  dtd: (name: string) => `${quote(name)} declares a DTD (<!DOCTYPE>); Word never writes one, and it could hide entity bombs or external entities.`,
  entity: (name: string) => `${quote(name)} declares an XML entity (<!ENTITY>); Word never writes one.`,
  malformed: (name: string) => `${quote(name)} is not well-formed XML.`,
  noContentTypes: 'The file is a zip archive but not a Word document: it has no [Content_Types].xml.',
  missingDocument: (name: string) => `The document has no main text part (${quote(name)}); it is not a Word document, or it is damaged.`,
  notWord: (type: string) => `The file is not a Word document: its main part is ${quote(type)}.`,
  externalRelationship: (part: string, type: string, target: string) =>
    `The document refers to an external ${type} at ${quote(target)} (${part}); content stored outside the document is never fetched, so it is refused. Embed the ${type} or remove it, then save and import again.`,
  traversalTarget: (part: string, target: string) => `${part} refers to ${quote(target)}, outside the document.`,
};

export const DOCX_WARNINGS = {
  externalLink: (target: string) => `External link kept as text, never opened: ${target}`,
  embeddedObjects: (count: number) => `${count} embedded object${count === 1 ? '' : 's'} (OLE, ActiveX) ignored; they are never opened.`,
};
