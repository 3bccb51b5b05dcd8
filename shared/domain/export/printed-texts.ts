/**
 * The printed side of the participant-safety check: the texts of the finished document, and the texts the
 * course's authors wrote for participants, printed as documents print them. Each distinct printed
 * paragraph is read once: a handout paragraph is read when the document's texts are, and found again
 * when the course's participant texts are printed, as the document printed it from them.
 */
import { findNeedles, type Found, type Needles } from './leak-needles';
import { printMarkdown, type PlaceholderText } from './markdown-words';
import type { ExportPlan, PlanBlock, PlanInline } from './plan';
import type { ParticipantTextKind } from './trainer-texts';
import { PARAGRAPH_SEPARATOR } from './word-chars';
import { Words } from './words';

/** A printed paragraph: paragraph `index` of `words`, and what it holds of the needles once looked. */
export type PrintedParagraph = { text: string; words: Words; index: number; found?: Found | undefined };

/** A participant text of the course: where it stands, and its paragraphs as printed. */
export type PrintedText = { kind: ParticipantTextKind; paragraphs: PrintedParagraph[] };

/** Texts of runs as printed (`inlinesText`), a single run without a copy. */
function runsText(inlines: readonly PlanInline[]): string {
  if (inlines.length === 1) {
    const [inline] = inlines;
    if (inline && inline.kind !== 'placeholder') return inline.text;
  }
  let text = '';
  for (const inline of inlines) text += inline.kind === 'placeholder' ? (inline.value ?? `{${inline.name}}`) : inline.text;
  return text;
}

/**
 * Each distinct printed text of the plan, in document order: cover, running header and footer, then each
 * paragraph, list item, heading, cell paragraph and fact of the sections (as plan-text.ts lists them).
 */
export function distinctPlanTexts(plan: ExportPlan): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  const add = (text: string): void => {
    if (seen.has(text)) return;
    seen.add(text);
    texts.push(text);
  };
  const visit = (blocks: readonly PlanBlock[]): void => {
    for (const block of blocks)
      switch (block.kind) {
        case 'heading':
          add(block.number ? `${block.number} ${block.text}` : block.text);
          break;
        case 'paragraph':
          add(runsText(block.inlines));
          break;
        case 'list':
          for (const item of block.items) add(runsText(item));
          break;
        case 'table':
          if (block.caption) add(block.caption);
          for (const rows of [block.header, block.rows]) for (const row of rows) for (const cell of row) visit(cell.blocks);
          break;
        case 'facts':
          for (const row of block.rows) add(`${row.label} ${runsText(row.value)}`);
          break;
        case 'lines':
          break;
      }
  };
  for (const text of [plan.cover.title, plan.cover.subtitle ?? '', plan.cover.documentKind, plan.running.header, plan.running.footer]) add(text);
  for (const fact of plan.cover.facts) add(fact.value);
  for (const section of plan.sections) visit(section.blocks);
  return texts;
}

/** Reads paragraphs at once. No printed text holds the separator; one that did has it read as the other control characters are. */
function readAll(texts: readonly string[]): Words {
  let chars = texts.length;
  for (const text of texts) chars += text.length;
  const words = new Words(chars);
  const clean = texts.some((text) => text.includes(PARAGRAPH_SEPARATOR)) ? texts.map((text) => text.replaceAll(PARAGRAPH_SEPARATOR, '\u0001')) : texts;
  words.readParagraphs(clean.join(PARAGRAPH_SEPARATOR));
  return words;
}

export class PrintedTexts {
  /** The document's texts, each distinct one once, in document order. */
  readonly document: PrintedParagraph[];
  readonly documentWords: Words;
  private readonly byText = new Map<string, PrintedParagraph>();

  constructor(plan: ExportPlan) {
    const texts = distinctPlanTexts(plan);
    const words = (this.documentWords = readAll(texts));
    this.document = texts.map((text, index) => ({ text, words, index }));
    for (const paragraph of this.document) this.byText.set(paragraph.text, paragraph);
  }

  /** Looks for the needles in the document's texts; whether any holds one. */
  findInDocument(needles: Needles): boolean {
    let any = false;
    for (const paragraph of this.document) any = (paragraph.found = findNeedles(paragraph.words, paragraph.index, needles)) !== undefined || any;
    return any;
  }

  /**
   * The participant texts, each distinct (kind, source) once, printed with `placeholders`: a paragraph
   * printed as a document text is that text; the others are read at once, and the needles looked for.
   */
  participantTexts(texts: readonly { source: string; kind: ParticipantTextKind }[], placeholders: PlaceholderText, needles: Needles): PrintedText[] {
    const printed: PrintedText[] = [];
    const bySource = new Map<string, PrintedParagraph[]>();
    const seen = new Map<ParticipantTextKind, Set<string>>();
    const unread: PrintedParagraph[] = [];
    const lines: string[] = [];
    for (const { source, kind } of texts) {
      // A text taught twice shares the same words twice: looked at once.
      const kindSeen = seen.get(kind) ?? new Set<string>();
      seen.set(kind, kindSeen);
      if (kindSeen.has(source)) continue;
      kindSeen.add(source);
      let paragraphs = bySource.get(source);
      if (!paragraphs) {
        lines.length = 0;
        printMarkdown(source, placeholders, false, lines);
        paragraphs = lines.map((text) => {
          let paragraph = this.byText.get(text);
          if (!paragraph) {
            // Its words are read below, with the others.
            this.byText.set(text, (paragraph = { text, words: this.documentWords, index: unread.length }));
            unread.push(paragraph);
          }
          return paragraph;
        });
        bySource.set(source, paragraphs);
      }
      printed.push({ kind, paragraphs });
    }
    const read = readAll(unread.map((paragraph) => paragraph.text));
    for (const paragraph of unread) {
      paragraph.words = read;
      paragraph.found = findNeedles(read, paragraph.index, needles);
    }
    return printed;
  }
}
