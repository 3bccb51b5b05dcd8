/**
 * References in module texts: `[[kind:target]]` or `[[kind:target|text if missing]]`, part of the Markdown
 * subset (shared/domain/markdown.ts). A reference names what it points at by stable id, never by number,
 * and is printed with the number the part has where it is shown: the course's number in a course ("Handout
 * 2.1A"), the library's in the library ("Handout 4.1A"). Moving a module within a course, or leaving a
 * lesson out, can no longer leave a text pointing at the wrong part.
 *
 * | kind     | target                                  | printed as                   |
 * | -------- | --------------------------------------- | ---------------------------- |
 * | module   | MODULE-ID                               | Module 3                     |
 * | lesson   | CODE or MODULE-ID/CODE (code "4.2")     | Lesson 3.2                   |
 * | handout  | HANDOUT-ID or MODULE-ID/HANDOUT-ID      | Handout 3.2A                 |
 * | step     | STEP-ID or MODULE-ID/STEP-ID            | step 4 (Lesson 3.2, step 4)  |
 * | question | ITEM-ID or MODULE-ID/ITEM-ID            | Lesson 3.2, question 5       |
 *
 * Without a module id the target is in the module whose text holds the reference. The text after "|" is
 * printed when the target is not in the course (a module left out): write what a reader needs then, such
 * as the module's title. It may not contain "[", "]", "|", "*" or "_".
 */

export const REF_KINDS = ['module', 'lesson', 'handout', 'step', 'question'] as const;
export type RefKind = (typeof REF_KINDS)[number];

export type TextRef = {
  kind: RefKind;
  /** The module the target is in; undefined for the module whose text holds the reference. */
  moduleId?: string;
  /** Lesson code for lessons, local id for handouts, steps and questions, the module id for modules. */
  id: string;
  /** Printed when the target is missing. */
  fallback?: string;
};

const MODULE_ID = '[a-z0-9][a-z0-9-]{1,79}';
const LOCAL_ID = '[a-z][a-z0-9-]{0,39}';
const LESSON_CODE = '\\d{1,2}\\.\\d{1,2}';
const FALLBACK = '[^\\[\\]|*_\\n]{1,200}';

/** One reference anywhere in a text; the groups are kind, target and fallback. */
export const REFERENCE_PATTERN = new RegExp(`\\[\\[(module|lesson|handout|step|question):([a-z0-9./-]{1,130})(?:\\|(${FALLBACK}))?\\]\\]`, 'g');

const TARGETS: Readonly<Record<RefKind, RegExp>> = {
  module: new RegExp(`^(${MODULE_ID})$`),
  lesson: new RegExp(`^(?:(${MODULE_ID})/)?(${LESSON_CODE})$`),
  handout: new RegExp(`^(?:(${MODULE_ID})/)?(${LOCAL_ID})$`),
  step: new RegExp(`^(?:(${MODULE_ID})/)?(${LOCAL_ID})$`),
  question: new RegExp(`^(?:(${MODULE_ID})/)?(${LOCAL_ID})$`),
};

/** A reference from its parts, or null when the target does not fit its kind ("[[lesson:intro]]"). */
export function parseRef(kind: string, target: string, fallback?: string): TextRef | null {
  if (!(REF_KINDS as readonly string[]).includes(kind)) return null;
  const refKind = kind as RefKind;
  const match = TARGETS[refKind].exec(target);
  if (!match) return null;
  const fallbackText = fallback?.trim();
  const withFallback = fallbackText ? { fallback: fallbackText } : {};
  if (refKind === 'module') return { kind: refKind, moduleId: match[1] ?? '', id: match[1] ?? '', ...withFallback };
  return { kind: refKind, ...(match[1] ? { moduleId: match[1] } : {}), id: match[2] ?? '', ...withFallback };
}

/** The source form of a reference, as the editor inserts it. */
export function formatRef(ref: TextRef): string {
  const target = ref.kind === 'module' ? ref.id : ref.moduleId ? `${ref.moduleId}/${ref.id}` : ref.id;
  const text = ref.fallback?.replace(/[[\]|*_\n]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200).trim();
  const fallback = text ? `|${text}` : '';
  return `[[${ref.kind}:${target}${fallback}]]`;
}

/** Every well-formed reference in a text, in order, with where it stands. */
export function findRefs(text: string): { ref: TextRef; index: number; length: number; source: string }[] {
  if (!text.includes('[[')) return [];
  const found: { ref: TextRef; index: number; length: number; source: string }[] = [];
  for (const match of text.matchAll(REFERENCE_PATTERN)) {
    const ref = parseRef(match[1] ?? '', match[2] ?? '', match[3]);
    if (ref) found.push({ ref, index: match.index, length: match[0].length, source: match[0] });
  }
  return found;
}

/** Replaces each well-formed reference by `print(ref)`; the rest of the text is kept as written. */
export function replaceRefs(text: string, print: (ref: TextRef) => string): string {
  const refs = findRefs(text);
  if (refs.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { ref, index, length } of refs) {
    out += text.slice(last, index) + print(ref);
    last = index + length;
  }
  return out + text.slice(last);
}
