/**
 * The text of one marked field, as the Word document holds it and as the export plan printed it, in one
 * neutral form (paragraphs of runs, some of them list items) that both sides are read into, and its
 * Markdown, the form module texts are written in. Reading both sides into the same form is what lets the
 * diff say "unchanged" for a field nobody touched, whatever the renderer did to print it.
 */
import type { ExportPlan, PlanBlock, PlanInline, PlanMarks } from '../export/plan';

export type FieldRun = { text: string; bold?: boolean; italic?: boolean };
export type FieldParagraph = { list?: 'bullet' | 'ordered'; runs: FieldRun[] };

/** Characters the Word renderer adds for typography (see typeset.ts) and word processors may add: read as plain spaces, or dropped. */
const TYPOGRAPHY = /[\u2066-\u2069\u200E\u200F]/g;
const NO_BREAK_SPACES = /[\u00A0\u202F]/g;

/** Text as the author would have typed it: no bidirectional isolates, no-break spaces as spaces. */
export function plainText(text: string): string {
  return text.replace(TYPOGRAPHY, '').replace(NO_BREAK_SPACES, ' ');
}

function emphasised(run: FieldRun): string {
  const text = run.text;
  if (!run.bold && !run.italic) return text;
  const core = text.trim();
  if (core === '') return text;
  const lead = text.slice(0, text.indexOf(core));
  const trail = text.slice(lead.length + core.length);
  const marker = run.bold && run.italic ? '***' : run.bold ? '**' : '*';
  return `${lead}${marker}${core}${marker}${trail}`;
}

/** Adjacent runs of the same format merged, so "**a****b**" never appears. */
function mergedRuns(runs: readonly FieldRun[]): FieldRun[] {
  const out: FieldRun[] = [];
  for (const run of runs) {
    const text = plainText(run.text);
    if (text === '') continue;
    const last = out.at(-1);
    if (last && Boolean(last.bold) === Boolean(run.bold) && Boolean(last.italic) === Boolean(run.italic)) last.text += text;
    else out.push({ text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) });
  }
  return out;
}

/** One paragraph's runs as a line of Markdown (line breaks kept as soft breaks). */
export function runsMarkdown(runs: readonly FieldRun[]): string {
  return mergedRuns(runs)
    .map(emphasised)
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

/** The field as Markdown: paragraphs apart by a blank line, a list's items on consecutive lines. Empty paragraphs are dropped. */
export function fieldMarkdown(paragraphs: readonly FieldParagraph[]): string {
  const blocks: string[] = [];
  let listKind: FieldParagraph['list'];
  let number = 0;
  for (const paragraph of paragraphs) {
    const text = runsMarkdown(paragraph.runs);
    if (text === '') continue;
    if (paragraph.list) {
      number = paragraph.list === listKind ? number + 1 : 1;
      const line = `${paragraph.list === 'ordered' ? `${String(number)}.` : '-'} ${text.replace(/\n/g, ' ')}`;
      if (paragraph.list === listKind && blocks.length > 0) blocks[blocks.length - 1] = `${blocks.at(-1) ?? ''}\n${line}`;
      else blocks.push(line);
      listKind = paragraph.list;
      continue;
    }
    listKind = undefined;
    blocks.push(text);
  }
  return blocks.join('\n\n');
}

/** The field as plain text on one line (objectives, minutes): runs without emphasis, paragraphs joined by a space. */
export function fieldPlainText(paragraphs: readonly FieldParagraph[]): string {
  return paragraphs
    .map((p) => plainText(p.runs.map((r) => r.text).join('')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A form for comparing two texts of one field: whitespace collapsed, and none around the punctuation French
 * typography spaces (; ! ? : « »), so the document's typography alone never counts as an edit.
 */
export function comparable(markdown: string): string {
  return plainText(markdown)
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?([;!?:«»]) ?/g, '$1')
    .replace(/ *\n */g, '\n')
    .trim();
}

function inlineRuns(inlines: readonly PlanInline[]): FieldRun[] {
  return inlines.map((inline) => {
    const text = inline.kind === 'placeholder' ? (inline.value ?? `{${inline.name}}`) : inline.text;
    return { text, ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italic: true } : {}) };
  });
}

/** Collects the paragraphs of every marked field of a plan, as the Word document prints them. */
class FieldCollector {
  readonly fields = new Map<string, FieldParagraph[]>();
  private readonly open = new Set<string>();

  add(paragraph: FieldParagraph, marks: PlanMarks | undefined): void {
    for (const name of marks?.start ?? []) {
      this.open.add(name);
      this.fields.set(name, []);
    }
    for (const name of this.open) this.fields.get(name)?.push(paragraph);
    for (const name of marks?.end ?? []) this.open.delete(name);
  }

  blocks(blocks: readonly PlanBlock[]): void {
    for (const block of blocks) {
      if (block.kind === 'paragraph') this.add({ runs: inlineRuns(block.inlines) }, block.marks);
      else if (block.kind === 'list')
        block.items.forEach((item, index) => {
          // Items to cut out are printed as numbered paragraphs in a table, not as a Word list (tables.ts).
          const runs = block.cutLines && block.ordered ? [{ text: `${String(block.start + index)}. ` }, ...inlineRuns(item)] : inlineRuns(item);
          this.add({ ...(block.cutLines ? {} : { list: block.ordered ? 'ordered' : 'bullet' }), runs }, block.itemMarks?.[index]);
        });
      else if (block.kind === 'table') for (const row of [...block.header, ...block.rows]) for (const cell of row) this.blocks(cell.blocks);
    }
  }
}

/** Plan blocks (a Markdown text as the export prints it) as paragraphs. */
export function blockParagraphs(blocks: readonly PlanBlock[]): FieldParagraph[] {
  const out: FieldParagraph[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push({ runs: inlineRuns(block.inlines) });
    else if (block.kind === 'list') for (const item of block.items) out.push({ list: block.ordered ? 'ordered' : 'bullet', runs: inlineRuns(item) });
  }
  return out;
}

/** Every marked field of a plan, by marker name, as paragraphs. */
export function planFields(plan: ExportPlan): Map<string, FieldParagraph[]> {
  const collector = new FieldCollector();
  for (const section of plan.sections) collector.blocks(section.blocks);
  return collector.fields;
}
