/** Small constructors for plan blocks, shared by the section builders, and the document's number formats. */
import type { Language } from '../languages';
import { cleanText } from './clean-text';
import { inlinesText, markdownBlocks, textInlines, type PlaceholderValues } from './inline';
import { formatLabel, type LabelTable } from './labels';
import type { PlanCell, PlanHeading, PlanInline, PlanParagraph } from './plan';

/** A heading; its text is cleaned and its placeholders printed as their values (or `{name}` when unfilled). */
export function heading(level: PlanHeading['level'], text: string, values: PlaceholderValues, number?: string): PlanHeading {
  return {
    kind: 'heading',
    level,
    ...(number === undefined ? {} : { number: cleanText(number) }),
    text: inlinesText(textInlines(text, values)),
    toc: level < 3,
  };
}

export function paragraph(inlines: PlanInline[], style?: PlanParagraph['style']): PlanParagraph {
  return { kind: 'paragraph', inlines, ...(style ? { style } : {}) };
}

/** A run of the document's own words (labels), which hold no placeholders. */
export function run(text: string, marks: { bold?: boolean; italic?: boolean } = {}): PlanInline {
  return { kind: 'text', text: cleanText(text), ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) };
}

/** A table cell of plain text (placeholders filled). */
export function textCell(text: string, values: PlaceholderValues, shade?: PlanCell['shade'], bold = false): PlanCell {
  return { blocks: [paragraph(textInlines(text, values, { bold, italic: false }), 'small')], ...(shade ? { shade } : {}) };
}

/** A header cell: a label of the document. */
export function headerCell(label: string): PlanCell {
  return { blocks: [paragraph([run(label, { bold: true })], 'small')], shade: 'header' };
}

/** A table cell holding a Markdown text. */
export function markdownCell(source: string, values: PlaceholderValues): PlanCell {
  return { blocks: markdownBlocks(source, values, 'small') };
}

/** "Module 2" */
export function moduleNumber(labels: LabelTable, number: string): string {
  return `${labels.module} ${number}`;
}

/** "Lesson 2.3" */
export function lessonNumber(labels: LabelTable, number: string): string {
  return `${labels.lesson} ${number}`;
}

/** "3 h 30 min", "45 min", "2 h" with the language's unit abbreviations. */
export function formatDuration(minutes: number, labels: LabelTable): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} ${labels.minutesShort}`;
  return rest === 0 ? `${hours} ${labels.hoursShort}` : `${hours} ${labels.hoursShort} ${rest} ${labels.minutesShort}`;
}

/** Hours with at most one decimal, with the language's decimal separator: "7.5", "7,5". */
export function formatHours(minutes: number, language: Language): string {
  const text = String(Math.round((minutes / 60) * 10) / 10);
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** "09:00–10:30" */
export function clockRange(start: string, end: string): string {
  return `${start}–${end}`;
}

/** "Day 3" or "Day 3 – 2026-03-04" when the course has dates. */
export function dayTitle(labels: LabelTable, day: number, date?: string): string {
  const title = formatLabel(labels.dayNumber, { day });
  return date ? `${title} – ${date}` : title;
}

/** A one-line text as printed: cleaned, placeholders filled (unfilled ones stay `{name}`). */
export function textLine(text: string, values: PlaceholderValues): string {
  return inlinesText(textInlines(text, values));
}
