/**
 * Turns the checked parts of a .docx (docx-safety.ts) into SourceBlocks by walking the XML parsed with
 * @xmldom/xmldom. We read the package's XML rather than going through mammoth: the mapping needs tables cell
 * by cell, list levels and number formats from numbering.xml, heading levels from styles.xml (outline levels,
 * localised style names such as "Titre 1") and images' alt text, which mammoth's HTML output flattens or
 * drops; and reading the XML directly keeps every byte inside the limits the safety check applied.
 */
import type { SourceBlock, SourceDocument } from '../../../shared/domain/word-import/blocks';
import { DOCX_REFUSALS } from './docx-refusals';
import { DocxRefusedError, type DocxPackage } from './docx-safety';
import { attr, child, children, descendants, parseXml, type Element } from './xml';

type StyleInfo = { name: string; outline: number | null; basedOn: string | null; numbered: NumberRef | null };
type NumberRef = { numId: string; level: number };

/** Reads the document's blocks, in order. */
export function readBlocks(docx: DocxPackage): SourceDocument {
  const styles = readStyles(docx.parts.styles);
  const numbering = readNumbering(docx.parts.numbering);
  const images = new Map<string, string>();
  for (const image of docx.images) for (const id of image.relationshipIds) images.set(id, image.name);
  const links = new Map(docx.relationships.filter((r) => r.external).map((r) => [r.id, r.target]));
  const root = parseOrRefuse(docx.parts.document, 'word/document.xml').documentElement;
  const body = root ? child(root, 'body') : null;
  const blocks: SourceBlock[] = [];
  const context: Context = { styles, numbering, images, links, blocks };
  if (body) walkBody(body, context);
  const core = readCore(docx.parts.core);
  return { fileName: docx.fileName, title: core.title, author: core.author, blocks, warnings: docx.warnings };
}

/** The safety check parsed only the package's small parts; a malformed text part is refused here. */
function parseOrRefuse(text: string, name: string): ReturnType<typeof parseXml> {
  try {
    return parseXml(text);
  } catch {
    throw new DocxRefusedError('xml', DOCX_REFUSALS.malformed(name));
  }
}

type Context = {
  styles: Map<string, StyleInfo>;
  numbering: Map<string, Map<number, boolean>>;
  images: Map<string, string>;
  links: Map<string, string>;
  blocks: SourceBlock[];
};

function walkBody(parent: Element, context: Context): void {
  for (const element of children(parent)) {
    switch (element.localName ?? '') {
      case 'p':
        addParagraph(element, context);
        break;
      case 'tbl':
        context.blocks.push({ id: context.blocks.length, kind: 'table', rows: readTable(element, context) });
        break;
      // Content controls and tracked insertions hold ordinary paragraphs and tables.
      case 'sdt':
      case 'customXml':
      case 'ins': {
        const content = child(element, 'sdtContent') ?? element;
        walkBody(content, context);
        break;
      }
      default:
        break;
    }
  }
}

function addParagraph(p: Element, context: Context): void {
  const { text, images } = paragraphText(p, context);
  const properties = child(p, 'pPr');
  const styleId = properties ? attr(child(properties, 'pStyle') ?? p, 'val') : null;
  const heading = headingLevel(properties, styleId, context.styles);
  const trimmed = text.trim();
  if (trimmed !== '') {
    if (heading !== null) {
      context.blocks.push({ id: context.blocks.length, kind: 'heading', level: heading, text: stripEmphasis(trimmed) });
    } else {
      const list = listOf(properties, styleId, context);
      context.blocks.push({ id: context.blocks.length, kind: 'paragraph', text: trimmed, ...(list ? { list } : {}) });
    }
  }
  for (const image of images) context.blocks.push({ id: context.blocks.length, kind: 'image', ...image });
}

/** A heading's text is plain in the module (titles are plain text). */
const stripEmphasis = (text: string): string => text.replace(/\*\*|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)/g, '');

/** Heading level from the paragraph's outline level, or its style's (following basedOn), or the style's name. */
function headingLevel(properties: Element | null, styleId: string | null, styles: Map<string, StyleInfo>): number | null {
  const own = properties ? child(properties, 'outlineLvl') : null;
  if (own) {
    const level = Number(attr(own, 'val'));
    return Number.isInteger(level) && level < 9 ? level + 1 : null;
  }
  let id = styleId;
  for (let depth = 0; id !== null && depth < 10; depth += 1) {
    const style = styles.get(id);
    const fromName = levelFromName(style?.name ?? id);
    if (fromName !== null) return fromName;
    if (style?.outline != null) return style.outline < 9 ? style.outline + 1 : null;
    id = style?.basedOn ?? null;
  }
  return null;
}

/** "heading 2", "Heading2", "Titre 2", "Überschrift 2", "العنوان 2"; "Title"/"Titre" alone is the document title. */
function levelFromName(name: string): number | null {
  const normal = name.toLowerCase().replace(/\s+/g, ' ').trim();
  if (normal === 'title' || normal === 'titre' || normal === 'العنوان') return 0;
  const match = /^(?:heading|titre|überschrift|título|titolo|عنوان|العنوان) ?([1-9])$/.exec(normal);
  return match ? Number(match[1]) : null;
}

function listOf(properties: Element | null, styleId: string | null, context: Context): { ordered: boolean; level: number } | null {
  const numPr = properties ? child(properties, 'numPr') : null;
  let ref: NumberRef | null = null;
  if (numPr) {
    const numId = attr(child(numPr, 'numId') ?? numPr, 'val');
    ref = numId === null ? null : { numId, level: Number(attr(child(numPr, 'ilvl') ?? numPr, 'val') ?? 0) || 0 };
  } else if (styleId !== null) {
    ref = context.styles.get(styleId)?.numbered ?? null;
    if (ref === null && /list ?(bullet|number)/i.test(context.styles.get(styleId)?.name ?? styleId)) {
      return { ordered: /number/i.test(context.styles.get(styleId)?.name ?? styleId), level: 0 };
    }
  }
  // numId 0 means "no numbering" in WordprocessingML.
  if (ref === null || ref.numId === '0') return null;
  const ordered = context.numbering.get(ref.numId)?.get(ref.level) ?? false;
  return { ordered, level: ref.level };
}

/** The paragraph's text as Markdown (bold, italic), and the images it holds with their alt text. */
function paragraphText(p: Element, context: Context): { text: string; images: { name: string; alt: string }[] } {
  const parts: string[] = [];
  const images: { name: string; alt: string }[] = [];
  const walk = (node: Element): void => {
    for (const element of children(node)) {
      switch (element.localName ?? '') {
        case 'r':
          parts.push(runText(element, images, context));
          break;
        case 'hyperlink': {
          const inner: string[] = [];
          for (const run of descendants(element, 'r')) inner.push(runText(run, images, context));
          const target = context.links.get(attr(element, 'id') ?? '');
          const label = inner.join('');
          parts.push(target && /^(?:https?|mailto):/i.test(target) && !/\s/.test(target) && label.trim() ? `[${label}](${target})` : label);
          break;
        }
        // Tracked insertions, fields, smart tags and content controls wrap ordinary runs; deletions are left out.
        case 'ins':
        case 'fldSimple':
        case 'smartTag':
        case 'customXml':
        case 'sdtContent':
          walk(element);
          break;
        case 'sdt':
          walk(child(element, 'sdtContent') ?? element);
          break;
        default:
          break;
      }
    }
  };
  walk(p);
  return { text: mergeMarks(parts.join('')), images };
}

function isOn(properties: Element | null, name: string): boolean {
  const toggle = properties ? child(properties, name) : null;
  if (!toggle) return false;
  const value = attr(toggle, 'val');
  return value === null || !['0', 'false', 'off', 'none'].includes(value);
}

function runText(run: Element, images: { name: string; alt: string }[], context: Context): string {
  let text = '';
  for (const element of children(run)) {
    if (element.localName === 't') text += element.textContent ?? '';
    else if (element.localName === 'tab') text += ' ';
    else if (element.localName === 'br' || element.localName === 'cr') text += '\n';
    else if (element.localName === 'drawing' || element.localName === 'pict' || element.localName === 'AlternateContent') images.push(...imagesIn(element, context));
  }
  if (text.trim() === '') return text;
  const properties = child(run, 'rPr');
  const bold = isOn(properties, 'b');
  const italic = isOn(properties, 'i');
  // Markers go around the words, never around the spaces next to them, or the Markdown would not parse.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  const marked = bold && italic ? `***${core}***` : bold ? `**${core}**` : italic ? `*${core}*` : core;
  return `${lead}${marked}${trail}`;
}

/** Adjacent runs of one format ("**a****b**") join into one span. */
const mergeMarks = (text: string): string => text.replace(/\*\*\*\*(?=\S)/g, '').replace(/(?<=\S)\*\*\*\*/g, '');

function imagesIn(element: Element, context: Context): { name: string; alt: string }[] {
  const found: { name: string; alt: string }[] = [];
  // A drawing's alt text is its docPr's description (or title); the picture is the blip's r:embed.
  const docPr = descendants(element, 'docPr')[0];
  const alt = docPr ? (attr(docPr, 'descr') ?? attr(docPr, 'title') ?? '').trim() : '';
  for (const blip of [...descendants(element, 'blip'), ...descendants(element, 'imagedata')]) {
    const id = attr(blip, 'embed') ?? attr(blip, 'id');
    const name = id === null ? undefined : context.images.get(id);
    if (name !== undefined && !found.some((image) => image.name === name)) found.push({ name, alt });
  }
  return found;
}

function readTable(table: Element, context: Context): string[][] {
  return children(table, 'tr').map((row) =>
    children(row, 'tc').map((cell) => {
      const lines: string[] = [];
      for (const element of children(cell)) {
        if (element.localName === 'p') {
          const { text } = paragraphText(element, context);
          const properties = child(element, 'pPr');
          const styleId = properties ? attr(child(properties, 'pStyle') ?? element, 'val') : null;
          const list = listOf(properties, styleId, context);
          if (text.trim()) lines.push(list ? `${list.ordered ? '1.' : '-'} ${text.trim()}` : text.trim());
        } else if (element.localName === 'tbl') {
          // A table inside a cell: its rows become lines, so that nothing is lost.
          for (const inner of readTable(element, context)) lines.push(inner.join(' | '));
        }
      }
      return lines.join('\n');
    }),
  );
}

function readStyles(text: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (text === null) return styles;
  const root = parseOrRefuse(text, 'word/styles.xml').documentElement;
  if (!root) return styles;
  for (const style of children(root, 'style')) {
    const id = attr(style, 'styleId');
    if (id === null) continue;
    const properties = child(style, 'pPr');
    const outline = properties ? child(properties, 'outlineLvl') : null;
    const numPr = properties ? child(properties, 'numPr') : null;
    const numId = numPr ? attr(child(numPr, 'numId') ?? numPr, 'val') : null;
    styles.set(id, {
      name: attr(child(style, 'name') ?? style, 'val') ?? id,
      outline: outline ? Number(attr(outline, 'val')) : null,
      basedOn: attr(child(style, 'basedOn') ?? style, 'val'),
      numbered: numId === null ? null : { numId, level: Number(attr(child(numPr ?? style, 'ilvl') ?? style, 'val') ?? 0) || 0 },
    });
  }
  return styles;
}

/** For each numId, whether each level is numbered (true) or bulleted (false). */
function readNumbering(text: string | null): Map<string, Map<number, boolean>> {
  const result = new Map<string, Map<number, boolean>>();
  if (text === null) return result;
  const root = parseOrRefuse(text, 'word/numbering.xml').documentElement;
  if (!root) return result;
  const abstract = new Map<string, Map<number, boolean>>();
  for (const definition of children(root, 'abstractNum')) {
    const levels = new Map<number, boolean>();
    for (const level of children(definition, 'lvl')) {
      const format = attr(child(level, 'numFmt') ?? level, 'val') ?? 'bullet';
      levels.set(Number(attr(level, 'ilvl') ?? 0), format !== 'bullet' && format !== 'none');
    }
    abstract.set(attr(definition, 'abstractNumId') ?? '', levels);
  }
  for (const num of children(root, 'num')) {
    const abstractId = attr(child(num, 'abstractNumId') ?? num, 'val') ?? '';
    result.set(attr(num, 'numId') ?? '', abstract.get(abstractId) ?? new Map<number, boolean>());
  }
  return result;
}

function readCore(text: string | null): { title: string | null; author: string | null } {
  if (text === null) return { title: null, author: null };
  const root = parseOrRefuse(text, 'docProps/core.xml').documentElement;
  if (!root) return { title: null, author: null };
  const value = (name: string): string | null => {
    const found = descendants(root, name)[0]?.textContent?.trim();
    return found ? found : null;
  };
  return { title: value('title'), author: value('creator') };
}
