/**
 * Edits a .docx the way a person in a word processor would, for the round-trip tests: text of a marked field
 * changed, a marker deleted or damaged, two paragraphs joined. The edits work on word/document.xml as text
 * (ours or LibreOffice's), between a round-trip bookmark's start and its end.
 */
import { once } from 'node:events';
import { ZipFile } from 'yazl';
import { readZip } from './zip-read';

/** The .docx with word/document.xml changed by `edit`, the parts in `drop` left out, and every other part as it was. */
export async function editDocx(bytes: Uint8Array, edit: (documentXml: string) => string, drop: readonly string[] = []): Promise<Buffer> {
  const parts = await readZip(bytes);
  const zip = new ZipFile();
  for (const [path, data] of parts)
    if (!drop.includes(path))
      zip.addBuffer(path === 'word/document.xml' ? Buffer.from(edit(data.toString('utf8')), 'utf8') : data, path);
  zip.end();
  const chunks: Buffer[] = [];
  zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(zip.outputStream, 'end');
  return Buffer.concat(chunks);
}

/** Where a marker's bookmarkStart tag is, its id, and where its bookmarkEnd tag is. */
export function markerRange(xml: string, name: string): { start: number; startTag: string; end: number; endTag: string } {
  const startMatch = new RegExp(`<w:bookmarkStart\\b[^>]*w:name="${name}"[^>]*/>`).exec(xml);
  if (!startMatch) throw new Error(`No marker ${name} in the document`);
  const id = /w:id="(\d+)"/.exec(startMatch[0])?.[1] ?? '';
  const endMatch = new RegExp(`<w:bookmarkEnd\\b[^>]*w:id="${id}"[^>]*/>`).exec(xml.slice(startMatch.index));
  if (!endMatch) throw new Error(`Marker ${name} has no end`);
  return { start: startMatch.index, startTag: startMatch[0], end: startMatch.index + endMatch.index, endTag: endMatch[0] };
}

const TEXT = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g;

/** Replaces the text of a marked field: its first text run gets `text` (XML-escaped), every later one is emptied. */
export function setFieldText(xml: string, name: string, text: string): string {
  const { start, end } = markerRange(xml, name);
  const seen = { first: true };
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inside = xml.slice(start, end).replace(TEXT, () => {
    const replacement = seen.first ? `<w:t xml:space="preserve">${escaped}</w:t>` : '<w:t></w:t>';
    seen.first = false;
    return replacement;
  });
  if (seen.first) throw new Error(`Marker ${name} holds no text`);
  return xml.slice(0, start) + inside + xml.slice(end);
}

/** The visible text of a marked field, runs joined. */
export function fieldText(xml: string, name: string): string {
  const { start, end } = markerRange(xml, name);
  return [...xml.slice(start, end).matchAll(TEXT)].map((m) => m[1] ?? '').join('');
}

/** Removes a marker (start and end), as deleting a bookmark does, leaving its text. */
export function deleteMarker(xml: string, name: string): string {
  const { startTag, endTag } = markerRange(xml, name);
  return xml.replace(startTag, '').replace(endTag, '');
}

/** Removes only a marker's end. */
export function deleteMarkerEnd(xml: string, name: string): string {
  return xml.replace(markerRange(xml, name).endTag, '');
}

/** Renames a marker to something that is no longer a valid name. */
export function damageMarker(xml: string, name: string, damaged: string): string {
  const { startTag } = markerRange(xml, name);
  return xml.replace(startTag, startTag.replace(`w:name="${name}"`, `w:name="${damaged}"`));
}

/** Joins the paragraph that holds marker `first`'s end with the next one, as pressing Delete at its end does. */
export function joinWithNextParagraph(xml: string, first: string): string {
  const { end } = markerRange(xml, first);
  const close = xml.indexOf('</w:p>', end);
  const open = xml.indexOf('<w:p>', close) >= 0 ? xml.indexOf('<w:p', close + 1) : -1;
  const openEnd = xml.indexOf('>', open);
  // Drop the paragraph end and the next paragraph's start (and its properties).
  const afterProperties = xml.slice(openEnd + 1).startsWith('<w:pPr>') ? xml.indexOf('</w:pPr>', openEnd) + '</w:pPr>'.length : openEnd + 1;
  return xml.slice(0, close) + xml.slice(afterProperties);
}

/** Adds a paragraph at the end of a marked field, as pressing Enter at its end and typing does. */
export function appendParagraph(xml: string, name: string, text: string): string {
  const { end, endTag } = markerRange(xml, name);
  const close = xml.indexOf('</w:p>', end) + '</w:p>'.length;
  const withoutEnd = xml.slice(0, end) + xml.slice(end + endTag.length, close);
  return `${withoutEnd}<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r>${endTag}</w:p>${xml.slice(close)}`;
}

/** Types text into a marked field that holds none (the empty paragraph a lesson without trainer notes gets). */
export function typeIntoEmpty(xml: string, name: string, text: string): string {
  if (fieldText(xml, name) !== '') throw new Error(`Marker ${name} is not empty`);
  const { start, startTag } = markerRange(xml, name);
  const at = start + startTag.length;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `${xml.slice(0, at)}<w:r><w:t xml:space="preserve">${escaped}</w:t></w:r>${xml.slice(at)}`;
}
