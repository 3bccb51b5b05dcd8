/**
 * The document's own style set. Everything is a named Word style (no direct formatting on paragraphs), so a
 * partner who edits the document in Word or LibreOffice can restyle it in one place, and headings are real
 * headings with outline levels that the table of contents and the navigation pane pick up.
 */
import { BorderStyle, LineRuleType, ShadingType, type IParagraphStylePropertiesOptions, type IStylesOptions } from 'docx';
import { FONT, type DirectionSettings } from './rtl';

/** Style ids the renderer refers to. Word's built-in ids where one exists, so Word maps them to its own. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading: ['Heading1', 'Heading2', 'Heading3'],
  /** Headings of levels 1 and 2 that stay out of the table of contents (`toc: false`). */
  headingOutsideToc: ['HeadingNoToc1', 'HeadingNoToc2'],
  tocHeading: 'TOCHeading',
  /** Entries of the contents, levels 1 and 2 (Word's own ids, which Word uses when it rebuilds the contents). */
  toc: ['TOC1', 'TOC2'],
  /** List items outside tables (defined by the `listParagraph` default style). */
  listParagraph: 'ListParagraph',
  tableHeader: 'TableHeader',
  tableText: 'TableText',
  /** Values of a facts block: table text kept with what follows, so a lesson's heading, facts and first lines stay on one page. */
  factsValue: 'FactsValue',
  caption: 'Caption',
  note: 'Note',
  /** An item to cut out (tables.ts): body-size text, for participants to read. */
  cutOut: 'CutOut',
  warning: 'Warning',
  coverKind: 'CoverKind',
  ruledLine: 'RuledLine',
  header: 'Header',
  footer: 'Footer',
} as const;

/** Colours of the style set: a dark blue for structure, greys for secondary text. */
export const COLOR = {
  primary: '1F3864',
  accent: '2E5597',
  muted: '595959',
  rule: 'A6A6A6',
  headerFill: 'D9E2F3',
  breakFill: 'EDEDED',
  mutedFill: 'F5F5F5',
  noteFill: 'EEF3FA',
  noteBorder: '8EAADB',
  warningFill: 'FFF4E5',
  warningBorder: 'C55A11',
} as const;

/** Font sizes in half-points. */
const SIZE = { body: 21, small: 18, footer: 16 } as const;

function box(color: string): { top: Border; bottom: Border; left: Border; right: Border } {
  const side: Border = { style: BorderStyle.SINGLE, size: 6, color, space: 4 };
  return { top: side, bottom: side, left: side, right: side };
}
type Border = { style: typeof BorderStyle.SINGLE; size: number; color: string; space: number };

/**
 * Default paragraph properties. A right-to-left document is bidirectional by default too, so paragraphs the
 * docx package writes itself (the contents entries) are right to left like ours. docx writes `bidirectional`
 * for style paragraphs with the same code as for document paragraphs, but its style type leaves it out.
 */
function defaultParagraph(dir: DirectionSettings): IParagraphStylePropertiesOptions {
  const properties: IParagraphStylePropertiesOptions & { bidirectional?: boolean } = {
    spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO },
    ...(dir.rtl ? { bidirectional: true } : {}),
  };
  return properties;
}

/** The style set for a document in the given direction and language. */
export function documentStyles(dir: DirectionSettings): IStylesOptions {
  const heading = (size: number, color: string, before: number, after: number, outlineLevel: number) => ({
    run: { font: FONT, size, bold: true, color },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: {
          font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
          size: SIZE.body,
          language: dir.language,
          ...(dir.rtl ? { rightToLeft: true } : {}),
        },
        paragraph: defaultParagraph(dir),
      },
      title: { run: { font: FONT, size: 52, bold: true, color: COLOR.primary }, paragraph: { spacing: { after: 160 } } },
      // The module heading opens a page: a rule under it instead of space above it.
      heading1: {
        run: { font: FONT, size: 32, bold: true, color: COLOR.primary },
        paragraph: {
          spacing: { before: 0, after: 240 },
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
          border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: COLOR.primary, space: 4 } },
        },
      },
      heading2: heading(26, COLOR.accent, 320, 120, 1),
      heading3: heading(22, COLOR.primary, 240, 80, 2),
      // Contextual spacing keeps items tight; the space after shows once, after the last item.
      listParagraph: { paragraph: { spacing: { after: 120 }, contextualSpacing: true } },
      caption: {
        run: { size: SIZE.small, bold: true, color: COLOR.muted },
        paragraph: { spacing: { before: 160, after: 80 }, keepNext: true },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 30, color: COLOR.accent },
        paragraph: { spacing: { after: 240 } },
      },
      { id: STYLE.headingOutsideToc[0], name: 'Heading 1 (not in contents)', basedOn: 'Heading1', next: 'Normal', paragraph: { outlineLevel: 9 } },
      { id: STYLE.headingOutsideToc[1], name: 'Heading 2 (not in contents)', basedOn: 'Heading2', next: 'Normal', paragraph: { outlineLevel: 9 } },
      {
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 32, bold: true, color: COLOR.primary },
        paragraph: { spacing: { after: 240 }, keepNext: true },
      },
      { id: STYLE.toc[0], name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 120, after: 60 } } },
      { id: STYLE.toc[1], name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 40 }, indent: { left: 340 } } },
      {
        id: STYLE.tableHeader,
        name: 'Table Header',
        basedOn: 'Normal',
        run: { size: SIZE.small, bold: true, color: COLOR.primary },
        paragraph: { spacing: { before: 0, after: 0, line: 240 }, keepNext: true },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: SIZE.small },
        paragraph: { spacing: { before: 0, after: 60, line: 240 } },
      },
      { id: STYLE.factsValue, name: 'Facts Value', basedOn: STYLE.tableText, next: 'Normal', paragraph: { keepNext: true } },
      // Text of a trainer note; the box around a note's paragraphs and lists is a one-cell table (tables.ts).
      { id: STYLE.cutOut, name: 'Cut-out Item', basedOn: 'Normal', paragraph: { spacing: { before: 0, after: 0 } } },
      { id: STYLE.note, name: 'Trainer Note', basedOn: 'Normal', run: { size: 20 }, paragraph: { spacing: { before: 60, after: 60 } } },
      {
        id: STYLE.warning,
        name: 'Warning',
        basedOn: 'Normal',
        run: { size: 20, bold: true, color: '843C0C' },
        paragraph: {
          spacing: { before: 120, after: 120 },
          border: box(COLOR.warningBorder),
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.warningFill },
          indent: { left: 113, right: 113 },
          keepNext: true,
        },
      },
      {
        id: STYLE.coverKind,
        name: 'Cover Document Kind',
        basedOn: 'Normal',
        next: 'Title',
        run: { size: 24, bold: true, allCaps: true, color: COLOR.accent },
        paragraph: { spacing: { before: 2400, after: 240 } },
      },
      {
        id: STYLE.ruledLine,
        name: 'Ruled Line',
        basedOn: 'Normal',
        // The rules are tab leaders (paragraphs.ts renderLines); the exact height leaves room to write.
        paragraph: { spacing: { before: 0, after: 0, line: 440, lineRule: LineRuleType.EXACT }, keepLines: true },
      },
      { id: STYLE.header, name: 'header', basedOn: 'Normal', run: { size: SIZE.footer, color: COLOR.muted }, paragraph: { spacing: { after: 0 } } },
      { id: STYLE.footer, name: 'footer', basedOn: 'Normal', run: { size: SIZE.footer, color: COLOR.muted }, paragraph: { spacing: { after: 0 } } },
    ],
  };
}
