/**
 * The printed side of the participant-safety check: the texts of the finished document, and the texts the
 * course's authors wrote for participants, printed as documents print them. Each distinct printed
 * paragraph is read once: a handout paragraph is read when the document's texts are, and found again
 * when the course's participant texts are printed, as the document printed it from them.
 */
import { findNeedles, type Found, type Needles } from './leak-needles';
import { printMarkdown, type PlaceholderText } from './markdown-words';
import type { ExportPlan, PlanBlock, PlanCell, PlanInline } from './plan';
import type { ParticipantTextKind } from './trainer-texts';
import { PARAGRAPH_SEPARATOR } from './word-chars';
import { IntSet } from './int-table';
import { PARAGRAPH_START, Words, type RunWatch } from './words';

/** A printed paragraph: paragraph `index` of `words`, and what it holds of the needles once looked. */
export type PrintedParagraph = { text: string; words: Words; index: number; found?: Found | undefined };

const KIND_BITS: Readonly<Record<ParticipantTextKind, number>> = { catalogue: 1, material: 2, question: 4 };

/** A participant text of the course: where it stands, and its paragraphs as printed. */
export type PrintedText = { kind: ParticipantTextKind; paragraphs: PrintedParagraph[] };

/** Texts of runs as printed (`inlinesText`); a single run is its own text (`'' + text` is `text`). */
function runsText(inlines: readonly PlanInline[]): string {
  let text = '';
  for (let index = 0; index < inlines.length; index += 1) {
    const inline = inlines[index];
    if (inline) text += inline.kind === 'placeholder' ? (inline.value ?? `{${inline.name}}`) : inline.text;
  }
  return text;
}

/** Collects distinct texts in the order they first come. */
class Distinct {
  readonly texts: string[] = [];
  private readonly seen = new Set<string>();

  add(text: string): void {
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.texts.push(text);
  }
}

/** The printed texts of plan blocks, as plan-text.ts lists them. Indexed loops: a plan has tens of thousands of texts. */
function blockTexts(blocks: readonly PlanBlock[], out: Distinct): void {
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (!block) continue;
    switch (block.kind) {
      case 'heading':
        out.add(block.number ? `${block.number} ${block.text}` : block.text);
        break;
      case 'paragraph':
        out.add(runsText(block.inlines));
        break;
      case 'list':
        for (let item = 0; item < block.items.length; item += 1) out.add(runsText(block.items[item] ?? []));
        break;
      case 'table':
        if (block.caption) out.add(block.caption);
        cellTexts(block.header, out);
        cellTexts(block.rows, out);
        break;
      case 'facts':
        for (let row = 0; row < block.rows.length; row += 1) {
          const fact = block.rows[row];
          if (fact) out.add(`${fact.label} ${runsText(fact.value)}`);
        }
        break;
      case 'lines':
        break;
    }
  }
}

function cellTexts(rows: readonly (readonly PlanCell[])[], out: Distinct): void {
  for (let row = 0; row < rows.length; row += 1) {
    const cells = rows[row] ?? [];
    for (let cell = 0; cell < cells.length; cell += 1) blockTexts(cells[cell]?.blocks ?? [], out);
  }
}

/**
 * Each distinct printed text of the plan, in document order: cover, running header and footer, then each
 * paragraph, list item, heading, cell paragraph and fact of the sections (as plan-text.ts lists them).
 */
export function distinctPlanTexts(plan: ExportPlan): string[] {
  const out = new Distinct();
  for (const text of [plan.cover.title, plan.cover.subtitle ?? '', plan.cover.documentKind, plan.running.header, plan.running.footer]) out.add(text);
  for (const fact of plan.cover.facts) out.add(fact.value);
  for (let section = 0; section < plan.sections.length; section += 1) blockTexts(plan.sections[section]?.blocks ?? [], out);
  return out.texts;
}

/**
 * Reads paragraphs at once, runs watched if `watch` is given. No printed text holds the separator; one that
 * did has it read as the other control characters are.
 */
function readAll(texts: readonly string[], watch?: RunWatch): Words {
  let chars = texts.length;
  for (let index = 0; index < texts.length; index += 1) chars += texts[index]?.length ?? 0;
  const words = new Words(chars, false, watch);
  const clean = texts.some((text) => text.includes(PARAGRAPH_SEPARATOR)) ? texts.map((text) => text.replaceAll(PARAGRAPH_SEPARATOR, '\u0001')) : texts;
  words.readParagraphs(clean.join(PARAGRAPH_SEPARATOR));
  return words;
}

export class PrintedTexts {
  /** The document's texts, each distinct one once, in document order. */
  readonly document: PrintedParagraph[];
  readonly documentWords: Words;
  /** The keys of the document's runs of `runLength` words (each within a paragraph). */
  readonly documentRuns: IntSet;
  private readonly byText = new Map<string, PrintedParagraph>();

  constructor(plan: ExportPlan, runLength: number) {
    const texts = distinctPlanTexts(plan);
    let chars = 0;
    for (let index = 0; index < texts.length; index += 1) chars += texts[index]?.length ?? 0;
    // About a word per six characters: sized once.
    this.documentRuns = new IntSet(chars / 6);
    const words = (this.documentWords = readAll(texts, { keys: this.documentRuns, length: runLength, file: true, within: PARAGRAPH_START }));
    this.document = texts.map((text, index) => ({ text, words, index }));
    for (const paragraph of this.document) this.byText.set(paragraph.text, paragraph);
  }

  /** Looks for the needles in the document's texts; whether any holds one. */
  findInDocument(needles: Needles): boolean {
    let any = false;
    const { document } = this;
    const found = findNeedles(this.documentWords, needles);
    for (let index = 0; index < document.length; index += 1) {
      const paragraph = document[index];
      if (paragraph) any = (paragraph.found = found[paragraph.index]) !== undefined || any;
    }
    return any;
  }

  /**
   * The participant texts, printed with `placeholders`: a paragraph printed as a document text is that
   * text; the others are read at once, and the needles looked for.
   */
  participantTexts(texts: readonly { source: string; kind: ParticipantTextKind }[], placeholders: PlaceholderText, needles: Needles): PrintedText[] {
    const printed: PrintedText[] = [];
    // A text taught twice is printed and read once, and looked at once for each place it stands in.
    const bySource = new Map<string, PrintedParagraph[]>();
    const kindsOf = new Map<PrintedParagraph[], number>();
    const unread: PrintedParagraph[] = [];
    const lines: string[] = [];
    for (let text = 0; text < texts.length; text += 1) {
      const { source, kind } = texts[text] ?? { source: '', kind: 'catalogue' };
      let paragraphs = bySource.get(source);
      if (!paragraphs) {
        lines.length = 0;
        printMarkdown(source, placeholders, false, lines);
        paragraphs = [];
        for (let line = 0; line < lines.length; line += 1) {
          const printedText = lines[line] ?? '';
          let paragraph = this.byText.get(printedText);
          if (!paragraph) {
            // Its words are read below, with the others.
            this.byText.set(printedText, (paragraph = { text: printedText, words: this.documentWords, index: unread.length }));
            unread.push(paragraph);
          }
          paragraphs.push(paragraph);
        }
        bySource.set(source, paragraphs);
      }
      const kinds = kindsOf.get(paragraphs) ?? 0;
      const bit = KIND_BITS[kind];
      if ((kinds & bit) !== 0) continue;
      kindsOf.set(paragraphs, kinds | bit);
      printed.push({ kind, paragraphs });
    }
    const read = readAll(unread.map((paragraph) => paragraph.text));
    const found = findNeedles(read, needles);
    for (let index = 0; index < unread.length; index += 1) {
      const paragraph = unread[index];
      if (!paragraph) continue;
      paragraph.words = read;
      paragraph.found = found[paragraph.index];
    }
    return printed;
  }
}
