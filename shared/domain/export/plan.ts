/**
 * The export plan: everything a document contains, decided once, in a neutral form that two renderers turn
 * into output — the Word renderer (`electron/services/export/`, in a worker thread) and the print preview
 * (`renderer/src/features/export/`, HTML). Because both render the same plan, what a trainer sees in the
 * preview is what the .docx holds, and the decisions that matter (what participants may see, how lessons
 * are numbered, which placeholders are unfilled, the labels in the curriculum's language) are made here,
 * in pure code with unit tests, not in either renderer.
 *
 * Renderers must not add content of their own beyond layout: page headers/footers use `ExportPlan.running`,
 * every label they print comes from `ExportPlan.labels`.
 */
import type { Language } from '../languages';
import type { RoundTripSource } from './round-trip-marks';

export const EXPORT_VARIANTS = ['full', 'trainer', 'participant', 'pre-test', 'post-test', 'answer-key', 'observation-checklist', 'evaluation-form'] as const;
/**
 * full: the curriculum document for approval boards. trainer: printable lesson plans. participant: handouts
 * only. pre-test / post-test: printable tests for participants. answer-key: the answers, a trainer document.
 * observation-checklist: the practical items with their criteria and a rating scale, one sheet per
 * participant, for trainers. evaluation-form: the participants' feedback form on the course.
 */
export type ExportVariant = (typeof EXPORT_VARIANTS)[number];

/** Variants that participants receive: the plan must never hold trainer-only text for them. */
export const PARTICIPANT_VARIANTS: readonly ExportVariant[] = ['participant', 'pre-test', 'post-test', 'evaluation-form'];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export type ExportOptions = {
  variant: ExportVariant;
  paper: PaperSize;
  /** Annexes: the references annex (and, in the full variant, the traceability matrix). */
  annexes: boolean;
};

export type Direction = 'ltr' | 'rtl';

/** A run of text. Text is already cleaned of characters XML cannot hold. */
export type PlanInline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  /** `href` has passed `isSafeHref` (http, https, mailto only); anything else stays plain text. */
  | { kind: 'link'; text: string; href: string; bold?: boolean; italic?: boolean }
  /**
   * A `{name}` placeholder. Filled: `value` holds the curriculum's value, printed as ordinary text.
   * Unfilled: no `value`; renderers print `{name}` highlighted so it is seen, never dropped.
   */
  | { kind: 'placeholder'; name: string; value?: string; bold?: boolean; italic?: boolean };

/**
 * How a paragraph or list sits among its neighbours. keepWithNext: on the same page as the block after it
 * (a question's stem, options and answer lines). startsPage: on a new page (each handout, which is copied
 * on its own); a heading right before it goes with it.
 */
export type PlanFlow = { keepWithNext?: boolean; startsPage?: boolean };

/**
 * Round-trip markers (see `round-trip-marks.ts`): names of the editable fields that start at the beginning of a
 * paragraph and end at its end. The Word renderer writes them as bookmarks; the print preview ignores them.
 */
export type PlanMarks = { start?: readonly string[]; end?: readonly string[] };

export type PlanParagraph = PlanFlow & {
  kind: 'paragraph';
  inlines: PlanInline[];
  marks?: PlanMarks;
  /** body: normal text; note: a trainer note box; caption: above a table; small: table cell text; warning: a sensitivity warning. */
  style?: 'body' | 'note' | 'caption' | 'small' | 'warning' | 'subtitle';
};

/**
 * A bullet or numbered list. Numbered lists restart at `start` for every list (per lesson, per text).
 * note: part of a trainer note, in the same box as its paragraphs. cutLines: items to cut out (a handout
 * asks to cut along the lines), each drawn inside dashed cut lines.
 */
export type PlanList = PlanFlow & {
  kind: 'list';
  ordered: boolean;
  start: number;
  items: PlanInline[][];
  style?: 'note';
  cutLines?: boolean;
  /** Round-trip markers of the items, by item index (sparse). */
  itemMarks?: readonly (PlanMarks | undefined)[];
};

export type PlanHeading = {
  kind: 'heading';
  /** 1: module (or part of the document), 2: lesson, 3: a section of a lesson. */
  level: 1 | 2 | 3;
  /** "Module 2", "Lesson 2.3" — printed before the title, kept apart so renderers can style it. */
  number?: string;
  text: string;
  /** Headings of level 1 and 2 go into the table of contents. */
  toc: boolean;
};

/** Rich text of a table cell: paragraphs and lists, as parsed from the Markdown subset. */
export type PlanCell = { blocks: (PlanParagraph | PlanList)[]; shade?: 'header' | 'break' | 'muted' };

export type PlanTable = {
  kind: 'table';
  caption?: string;
  /** Relative column widths (any unit; renderers scale them to the text width). Same length as every row. */
  columns: number[];
  /** Header rows, repeated at the top of every page the table runs onto. */
  header: PlanCell[][];
  rows: PlanCell[][];
};

/** Key facts as a two-column table without header ("Duration: 3 h 30 min"). */
export type PlanFacts = { kind: 'facts'; rows: { label: string; value: PlanInline[] }[] };

/** Empty ruled lines for the trainer's own notes or a participant's answer. */
export type PlanLines = { kind: 'lines'; count: number };

export type PlanBlock = PlanHeading | PlanParagraph | PlanList | PlanTable | PlanFacts | PlanLines;

/**
 * A part of the document that starts on a new page (cover, contents, a module, a lesson plan, an annex).
 * Renderers put a page break before every section but the first, and nowhere else, so no page is blank.
 */
export type PlanSection = { id: string; blocks: PlanBlock[] };

/** Labels the renderers print themselves, in the document's language. */
export type PlanLabels = {
  /** "Page {page} of {pages}": renderers replace the two tokens by page fields. */
  pageOfPages: string;
  contents: string;
  /** Above the contents entries: how to fill in page numbers a word processor has not filled in yet. */
  contentsHint: string;
  unfilledPlaceholder: string;
};

export type PlanCover = {
  title: string;
  subtitle?: string;
  /** "Trainer lesson plans", "Participant handouts", "Pre-test"... */
  documentKind: string;
  /** Label → value lines: organisation, course code, version, status, date, audience. */
  facts: { label: string; value: string }[];
  /** PNG or JPEG logo from the settings, as base64. */
  logo?: { base64: string; type: 'png' | 'jpg'; width: number; height: number };
};

export type ExportPlan = {
  variant: ExportVariant;
  paper: PaperSize;
  language: Language;
  direction: Direction;
  /** Document properties. */
  properties: { title: string; subject: string; creator: string; keywords: string[]; description: string };
  /** Page header text (course title) and footer text ("Version 1.2 – Draft") on every page but the first. */
  running: { header: string; footer: string };
  labels: PlanLabels;
  cover: PlanCover;
  /** Whether a table of contents field follows the cover. */
  tableOfContents: boolean;
  sections: PlanSection[];
  /**
   * Where the document's editable fields come from, written into the .docx (custom document properties) so
   * that an edited copy can be read back (`round-trip-marks.ts`). Only documents a trainer edits carry it.
   */
  roundTrip?: RoundTripSource;
  /** The default file name offered in the save dialog, without folders ("foundation-course-trainer.docx"). */
  fileName: string;
};
