/**
 * Reads the marked fields of an edited copy of one of our Word documents: the text between each round-trip
 * bookmark's start and end (see shared/domain/export/round-trip-marks.ts), as paragraphs of runs, and what
 * is wrong with the markers. This is not a Word parser: it follows only the elements that carry the text of
 * a paragraph (runs, text, tabs, breaks, bold and italic, list numbering) and bookmarks, and reads tracked
 * changes as accepted (deleted text is in w:delText, which is skipped).
 *
 * A paragraph belongs to every field whose marker is open while any of its text is read, or, when it has
 * no text, open over the whole paragraph. A paragraph that belongs to two fields (two objectives joined into
 * one paragraph) is reported, never split by guessing.
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

type OpenParagraph = { runs: FieldRun[]; numId?: string; touched: Set<string>; openAtStart: Set<string> };

/** Scans document.xml once, tag by tag. */
export function readMarkedFields(documentXml: string, numberingXml?: string): MarkedFields {
  const kinds = listKinds(numberingXml);
  const problems: MarkProblem[] = [];
  const openById = new Map<string, string>();
  const open = new Set<string>();
  const started = new Set<string>();
  const ended = new Set<string>();
  const duplicates = new Set<string>();
  const read: { paragraph: FieldParagraph; members: Set<string>; hasText: boolean }[] = [];
  let paragraph: OpenParagraph | undefined;
  let depth = 0;
  let format: { bold: boolean; italic: boolean } = { bold: false, italic: false };
  let inRunProperties = false;
  let inParagraphProperties = false;
  let inText = false;

  const addText = (text: string): void => {
    if (!paragraph) return;
    for (const name of open) paragraph.touched.add(name);
    const last = paragraph.runs.at(-1);
    if (last && Boolean(last.bold) === format.bold && Boolean(last.italic) === format.italic) last.text += text;
    else paragraph.runs.push({ text, ...(format.bold ? { bold: true } : {}), ...(format.italic ? { italic: true } : {}) });
  };

  const closeParagraph = (): void => {
    if (!paragraph) return;
    const members = new Set(paragraph.touched);
    const hasText = paragraph.runs.some((r) => r.text.trim() !== '');
    if (!hasText) for (const name of paragraph.openAtStart) if (open.has(name)) members.add(name);
    const list = paragraph.numId === undefined ? undefined : kinds.get(paragraph.numId);
    read.push({ paragraph: { ...(list ? { list } : {}), runs: paragraph.runs }, members, hasText });
    paragraph = undefined;
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
        if (depth === 0) closeParagraph();
      } else if (name === 'w:t') inText = false;
      else if (name === 'w:rPr') inRunProperties = false;
      else if (name === 'w:pPr') inParagraphProperties = false;
      else if (name === 'w:r') format = { bold: false, italic: false };
      continue;
    }
    switch (name) {
      case 'w:p':
        if (selfClosing) break;
        depth += 1;
        // A paragraph inside a text box is read as part of the paragraph around it.
        if (depth === 1) paragraph = { runs: [], touched: new Set(), openAtStart: new Set(open) };
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
        if (started.has(markName)) {
          duplicates.add(markName);
          break;
        }
        started.add(markName);
        if (id !== undefined) openById.set(id, markName);
        open.add(markName);
        break;
      }
      case 'w:bookmarkEnd': {
        const id = attribute(tag, 'w:id');
        const markName = id === undefined ? undefined : openById.get(id);
        if (markName === undefined) break;
        openById.delete(id ?? '');
        open.delete(markName);
        ended.add(markName);
        break;
      }
      default:
        break;
    }
  }
  closeParagraph();
  // A marker that never ends, or comes twice, says nothing about where its text stops: it is reported, and
  // left out before deciding which paragraphs belong to two fields at once.
  const usable = new Set([...started].filter((name) => ended.has(name) && !duplicates.has(name)));
  const fields = new Map<string, FieldParagraph[]>([...usable].map((name) => [name, []]));
  const spanning = new Set<string>();
  for (const { paragraph: text, members, hasText } of read) {
    const owners = [...members].filter((name) => usable.has(name));
    if (owners.length > 1 && hasText) for (const name of owners) spanning.add(name);
    for (const name of owners) fields.get(name)?.push(text);
  }
  for (const name of started) {
    if (duplicates.has(name)) problems.push({ kind: 'duplicate-marker', name });
    else if (!ended.has(name)) problems.push({ kind: 'missing-end', name });
    else if (spanning.has(name)) problems.push({ kind: 'spans-fields', name });
    else continue;
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
