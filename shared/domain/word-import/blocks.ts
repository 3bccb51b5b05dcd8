/**
 * A Word document as the import sees it: a flat list of blocks in reading order, made by the reader
 * (electron/services/word-import/docx-blocks.ts) from document.xml, and mapped onto modules by pure code here.
 * Texts are already in the app's Markdown subset (bold and italic kept, list items as "- " or "1. ").
 */
export type SourceBlock =
  /** level 0 is the document title (Word's Title style), 1–9 are heading levels. */
  | { id: number; kind: 'heading'; level: number; text: string }
  | { id: number; kind: 'paragraph'; text: string; list?: { ordered: boolean; level: number } }
  /** Cells as Markdown text, paragraphs within a cell separated by newlines. */
  | { id: number; kind: 'table'; rows: string[][] }
  /** An image, never decoded: `name` is its part name, `alt` the description Word keeps for it. */
  | { id: number; kind: 'image'; name: string; alt: string };

/** What a document held besides its blocks. */
export type SourceDocument = {
  fileName: string;
  /** From docProps/core.xml, when set. */
  title: string | null;
  author: string | null;
  blocks: SourceBlock[];
  /** The reader's warnings (external links kept as text, ignored objects). */
  warnings: string[];
};

/** The plain text of a block, for the preview's source column and for notes. */
export function blockText(block: SourceBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'table':
      return block.rows.map((row) => row.map((cell) => cell.replace(/\n/g, ' / ')).join(' | ')).join('\n');
    case 'image':
      return `[image: ${block.alt || block.name}]`;
  }
}
