/**
 * Reads the marked fields of an edited copy of one of our Word documents: the text between each round-trip
 * bookmark's start and end (see shared/domain/export/round-trip-marks.ts), as paragraphs of runs, and what
 * is wrong with the markers. This is not a Word parser: it follows only the elements that carry the text of
 * a paragraph (runs, text, tabs, breaks, bold and italic, list numbering) and bookmarks, and reads tracked
 * changes as accepted (deleted text is in w:delText, which is skipped).
 *
 * A field runs from the first start of its bookmark to the last end of it: LibreOffice writes a bookmark
 * over several paragraphs of a table cell as more than one start (one of them never ended, another empty at
 * the end of the field). A paragraph belongs to every field whose run holds any of its text; a paragraph that
 * belongs to two fields (two objectives joined into one paragraph, a field pasted elsewhere with its bookmark)
 * is reported for both, never split by guessing, and a bookmark that never ends is reported.
 */
import { parseMarkName, MARK_PREFIX } from '../../../shared/domain/export/round-trip-marks';
import type { FieldParagraph, FieldRun } from '../../../shared/domain/round-trip/field-text';
import type { MarkProblem } from '../../../shared/schemas/round-trip';

export type MarkedFields = {
  /** Paragraphs of each well-formed marker, by name. */
  fields: Map<string, FieldParagraph[]>;
  problems: MarkProblem[];
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data with its entity and character references decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_match, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? '';
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? undefined : decodeXml(match[1]);
}

/** w:b, w:b w:val="true"/"1"/"on" are on; w:val="false"/"0"/"off" is off. */
function toggle(tag: string): boolean {
  const value = attribute(tag, 'w:val');
  return value === undefined || !['false', '0', 'off', 'none'].includes(value);
}

/** Whether each list (w:numId) is numbered or bulleted, from numbering.xml (level 0 of its abstract numbering). */
export function listKinds(numberingXml: string | undefined): Map<string, 'bullet' | 'ordered'> {
  const kinds = new Map<string, 'bullet' | 'ordered'>();
  if (!numberingXml) return kinds;
  const abstract = new Map<string, 'bullet' | 'ordered'>();
  for (const match of numberingXml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const level0 = /<w:lvl\b[^>]*w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(match[2] ?? '')?.[1] ?? '';
    const format = /<w:numFmt\b[^>]*w:val="([^"]*)"/.exec(level0)?.[1];
    if (match[1] !== undefined) abstract.set(match[1], format === 'bullet' || format === 'none' ? 'bullet' : 'ordered');
  }
  for (const match of numberingXml.matchAll(/<w:num\b[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = /<w:abstractNumId\b[^>]*w:val="(\d+)"/.exec(match[2] ?? '')?.[1];
    const kind = abstractId === undefined ? undefined : abstract.get(abstractId);
    if (match[1] !== undefined && kind) kinds.set(match[1], kind);
  }
  return kinds;
}

type ReadParagraph = { runs: FieldRun[]; numId?: string; texts: number[] };

/** Which fields each paragraph's text lies in: a sweep over the fields' runs, sorted by start, in document order. */
function paragraphOwners(paragraphs: readonly ReadParagraph[], extents: ReadonlyMap<string, { start: number; end: number }>): Set<string>[] {
  const sorted = [...extents].sort((a, b) => a[1].start - b[1].start);
  const active = new Map<string, number>();
  let next = 0;
  return paragraphs.map((paragraph) => {
    const owners = new Set<string>();
    for (const at of paragraph.texts) {
      for (let entry = sorted[next]; entry && entry[1].start < at; entry = sorted[++next]) active.set(entry[0], entry[1].end);
      for (const [name, end] of active) {
        if (end < at) active.delete(name);
        else owners.add(name);
      }
    }
    return owners;
  });
}

/** Scans document.xml once, tag by tag, then assigns paragraphs to fields. */
export function readMarkedFields(documentXml: string, numberingXml?: string): MarkedFields {
  const kinds = listKinds(numberingXml);
  const problems: MarkProblem[] = [];
  const nameById = new Map<string, string>();
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  const paragraphs: ReadParagraph[] = [];
  let paragraph: ReadParagraph | undefined;
  // Position in the document of every text piece and bookmark tag, in order.
  let position = 0;
  let depth = 0;
  let format: { bold: boolean; italic: boolean } = { bold: false, italic: false };
  let inRunProperties = false;
  let inParagraphProperties = false;
  let inText = false;

  const addText = (text: string): void => {
    if (!paragraph) return;
    position += 1;
    if (text.trim() !== '') paragraph.texts.push(position);
    const last = paragraph.runs.at(-1);
    if (last && Boolean(last.bold) === format.bold && Boolean(last.italic) === format.italic) last.text += text;
    else paragraph.runs.push({ text, ...(format.bold ? { bold: true } : {}), ...(format.italic ? { italic: true } : {}) });
  };

  const tags = /<(\/?)([A-Za-z][\w.-]*:?[\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (const match of documentXml.matchAll(tags)) {
    const [, closing, name, rest = '', selfClosing, text] = match;
    if (text !== undefined) {
      if (inText) addText(decodeXml(text));
      continue;
    }
    const tag = `<${name ?? ''}${rest}>`;
    if (closing) {
      if (name === 'w:p' && depth > 0) {
        depth -= 1;
        if (depth === 0 && paragraph) {
          paragraphs.push(paragraph);
          paragraph = undefined;
        }
      } else if (name === 'w:t') inText = false;
      else if (name === 'w:rPr') inRunProperties = false;
      else if (name === 'w:pPr') inParagraphProperties = false;
      else if (name === 'w:r') format = { bold: false, italic: false };
      continue;
    }
    switch (name ?? '') {
      case 'w:p':
        if (selfClosing) break;
        depth += 1;
        // A paragraph inside a text box is read as part of the paragraph around it.
        if (depth === 1) paragraph = { runs: [], texts: [] };
        break;
      case 'w:pPr':
        if (!selfClosing) inParagraphProperties = true;
        break;
      case 'w:rPr':
        if (!selfClosing) inRunProperties = true;
        break;
      case 'w:numId':
        if (inParagraphProperties && !inRunProperties && paragraph) {
          const id = attribute(tag, 'w:val');
          if (id !== undefined && id !== '0') paragraph.numId = id;
        }
        break;
      case 'w:b':
        if (inRunProperties && !inParagraphProperties) format.bold = toggle(tag);
        break;
      case 'w:i':
        if (inRunProperties && !inParagraphProperties) format.italic = toggle(tag);
        break;
      case 'w:t':
        if (!selfClosing) inText = true;
        break;
      case 'w:tab':
        if (!inParagraphProperties) addText('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (attribute(tag, 'w:type') === undefined || attribute(tag, 'w:type') === 'textWrapping') addText('\n');
        break;
      case 'w:noBreakHyphen':
        addText('-');
        break;
      case 'w:bookmarkStart': {
        const markName = attribute(tag, 'w:name') ?? '';
        const id = attribute(tag, 'w:id');
        if (!markName.startsWith(MARK_PREFIX)) break;
        if (!parseMarkName(markName)) {
          problems.push({ kind: 'damaged-marker', name: markName });
          break;
        }
        position += 1;
        if (!starts.has(markName)) starts.set(markName, position);
        if (id !== undefined) nameById.set(id, markName);
        break;
      }
      case 'w:bookmarkEnd': {
        const markName = nameById.get(attribute(tag, 'w:id') ?? '');
        if (markName === undefined) break;
        position += 1;
        ends.set(markName, position);
        break;
      }
      default:
        break;
    }
  }
  if (paragraph) paragraphs.push(paragraph);

  const extents = new Map<string, { start: number; end: number }>();
  for (const [name, start] of starts) {
    const end = ends.get(name);
    if (end === undefined) problems.push({ kind: 'missing-end', name });
    else extents.set(name, { start, end });
  }
  const fields = new Map<string, FieldParagraph[]>([...extents.keys()].map((name) => [name, []]));
  const spanning = new Set<string>();
  paragraphOwners(paragraphs, extents).forEach((owners, index) => {
    const read = paragraphs[index];
    if (!read || owners.size === 0) return;
    if (owners.size > 1) for (const name of owners) spanning.add(name);
    const list = read.numId === undefined ? undefined : kinds.get(read.numId);
    for (const name of owners) fields.get(name)?.push({ ...(list ? { list } : {}), runs: read.runs });
  });
  for (const name of spanning) {
    problems.push({ kind: 'spans-fields', name });
    fields.delete(name);
  }
  return { fields, problems };
}

/** Custom document properties (docProps/custom.xml) as name → text. */
export function readCustomProperties(customXml: string | undefined): Map<string, string> {
  const properties = new Map<string, string>();
  if (!customXml) return properties;
  for (const match of customXml.matchAll(/<(?:\w+:)?property\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?property>/g)) {
    const name = attribute(match[1] ?? '', 'name');
    const value = /<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/.exec(match[2] ?? '')?.[1] ?? /<vt:lpwstr\/>/.exec(match[2] ?? '')?.[0];
    if (name !== undefined && value !== undefined) properties.set(name, value.startsWith('<') ? '' : decodeXml(value));
  }
  return properties;
}
