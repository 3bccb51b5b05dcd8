/**
 * Reads a rendered .docx in tests: unzips it with yauzl and returns its parts as text, with a few helpers to
 * look into `word/document.xml` without an XML library (the renderer writes predictable, unindented XML).
 */
import { readZip } from './zip-read';

/** Every part of the package, by path, as UTF-8 text. */
export type DocxParts = Map<string, string>;

/** Unzips a .docx and returns all its parts as text. */
export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  return new Map([...(await readZip(bytes))].map(([path, data]) => [path, data.toString('utf8')]));
}

/** One part's text; fails the test clearly when the part is missing. */
export function part(parts: DocxParts, path: string): string {
  const text = parts.get(path);
  if (text === undefined) throw new Error(`The .docx has no ${path}; it has ${[...parts.keys()].join(', ')}`);
  return text;
}

/** The texts of all parts whose path matches, e.g. every `word/footer*.xml`. */
export function partsMatching(parts: DocxParts, pattern: RegExp): string[] {
  return [...parts.entries()].filter(([path]) => pattern.test(path)).map(([, text]) => text);
}

/** The direct children of `w:body`, in order: paragraphs, tables, content controls and the section properties. */
export function bodyChildren(documentXml: string): string[] {
  const start = documentXml.indexOf('<w:body>');
  const end = documentXml.lastIndexOf('</w:body>');
  if (start < 0 || end < 0) throw new Error('document.xml has no w:body');
  return topLevelElements(documentXml.slice(start + '<w:body>'.length, end));
}

/** Splits XML into its top-level elements, tracking nesting by tag name (enough for WordprocessingML). */
export function topLevelElements(xml: string): string[] {
  const out: string[] = [];
  const tag = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let from = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [whole, closing, , selfClosing] = match;
    if (depth === 0) from = match.index;
    if (closing) depth -= 1;
    else if (!selfClosing) depth += 1;
    if (depth === 0) out.push(xml.slice(from, match.index + whole.length));
  }
  return out;
}

/** The visible text of an XML fragment: the content of its `w:t` elements, joined. */
export function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

/** Undoes XML escaping of text content. */
export function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
