/**
 * The criteria of a practical item, read from its marking guide so that an observer can tick them one by
 * one. Marking guides are written in two ways in the library: a Markdown list ("Marking guide (20 marks):"
 * then "- All eight sections completed…"), or one sentence with a lead-in and criteria separated by
 * semicolons ("Checklist (1 point each, pass at 5 of 7): introduces self and purpose; keeps a safe
 * distance…"). Anything else (a single criterion written as prose) stays one criterion, word for word.
 */
import { inlinesText, markdownBlocks, markdownInlines, type PlaceholderValues } from './inline';
import type { PlanInline } from './plan';

export type Criteria = {
  /** The guide's lead-in ("Checklist (1 point each, pass at 5 of 7)"): how to score, shown above the criteria. */
  intro: PlanInline[];
  items: PlanInline[][];
  /** What follows the criteria ("Any use of a firearm … is an automatic fail."). */
  outro: PlanInline[];
};

/** Semicolons in Latin and Arabic script. */
const SEPARATORS = new Set([';', '\u061B']);

/** Splits on semicolons outside parentheses: "(1); necessity (1)" has one separator, "(a; b)" none. */
function splitCriteria(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATORS.has(char)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The lead-in ends at the first colon outside parentheses ("Marking guide (per card, 3 points):"). */
function leadInEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && char === ':') return i;
  }
  return -1;
}

/** A sentence after the last criterion: ". A correct decision with no valid justification earns only 1 point." */
const TRAILING_SENTENCE = /^(.*?[^.\s])\.\s+(\p{Lu}.*)$/su;

const trimEnd = (text: string): string => text.replace(/[\s.;\u061B]+$/u, '');

function fromSentence(source: string, values: PlaceholderValues): Criteria | undefined {
  const text = source.replace(/\s+/g, ' ').trim();
  const colon = leadInEnd(text);
  const lead = colon >= 0 ? text.slice(0, colon).trim() : '';
  const parts = splitCriteria(colon >= 0 ? text.slice(colon + 1) : text);
  if (parts.length < 2) return undefined;
  let outro = '';
  const last = parts.at(-1) ?? '';
  const sentence = TRAILING_SENTENCE.exec(last);
  if (sentence) {
    parts[parts.length - 1] = sentence[1] ?? last;
    outro = sentence[2] ?? '';
  }
  return {
    intro: lead ? markdownInlines(lead, values) : [],
    items: parts.map((part) => markdownInlines(trimEnd(part), values)),
    outro: outro ? markdownInlines(outro, values) : [],
  };
}

function joinInlines(parts: readonly PlanInline[][]): PlanInline[] {
  return parts.flatMap((inlines, index) => (index === 0 ? inlines : [{ kind: 'text' as const, text: ' ' }, ...inlines]));
}

/** Strips the colon a lead-in ends with ("Marking guide (20 marks):"), which the checklist prints as a note. */
function withoutColon(inlines: PlanInline[]): PlanInline[] {
  const last = inlines.at(-1);
  if (last?.kind !== 'text') return inlines;
  const text = last.text.replace(/\s*:\s*$/, '');
  return text ? [...inlines.slice(0, -1), { ...last, text }] : inlines.slice(0, -1);
}

/** The criteria of a marking guide (Markdown), its placeholders filled from `values`. */
export function criteriaOf(answer: string, values: PlaceholderValues): Criteria {
  const blocks = markdownBlocks(answer, values);
  const listIndex = blocks.findIndex((b) => b.kind === 'list');
  const list = blocks[listIndex];
  if (list?.kind === 'list' && list.items.length > 0) {
    const before = blocks.slice(0, listIndex).flatMap((b) => (b.kind === 'paragraph' ? [b.inlines] : []));
    const after = blocks.slice(listIndex + 1).flatMap((b) => (b.kind === 'paragraph' ? [b.inlines] : b.items));
    return { intro: withoutColon(joinInlines(before)), items: list.items.map((item) => [...item]), outro: joinInlines(after) };
  }
  const sentence = blocks.length === 1 ? fromSentence(answer, values) : undefined;
  if (sentence) return sentence;
  // Prose the guide does not break into criteria: one criterion, so nothing of it is lost.
  const whole = joinInlines(blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.inlines] : b.items)));
  return { intro: [], items: inlinesText(whole).trim() ? [whole] : [], outro: [] };
}
