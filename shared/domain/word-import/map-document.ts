/**
 * First half of the mapping: walks a document's blocks and decides what each one becomes (a module, a
 * lesson, a labelled section, its content, the step table, a "lesson at a glance" table, an image, or not
 * placed), giving every block one role so that the preview can show it next to what it became. The second
 * half (build-modules.ts) turns the result into modules. Corrections from the preview override the guess for
 * one block: a heading is a module, a lesson or text; a table is the step table or text.
 */
import type { SourceBlock } from './blocks';
import { headingKind, headingNumber, headingTitle, inlineLabel, labelOf, type SectionField } from './labels';
import { stepColumns, type StepColumns } from './step-table';

export const BLOCK_ROLES = ['module', 'lesson', 'label', 'content', 'steps', 'glance', 'image', 'not-placed'] as const;
export type BlockRole = (typeof BLOCK_ROLES)[number];

/** What the user may say a block is, in the preview. */
export const CORRECTIONS = ['module', 'lesson', 'text', 'steps'] as const;
export type Correction = (typeof CORRECTIONS)[number];

/** Why the guess for a block may be wrong; the preview flags these. */
export type Uncertainty = 'heading-level' | 'implicit-module' | 'implicit-lesson' | 'not-placed' | 'table-columns';

export type Placement = { role: BlockRole; module: number; lesson: number | null; field?: SectionField; uncertain?: Uncertainty };

/** A piece of text on its way to a field; `heading` marks a sub-heading inside a section (a handout's title). */
export type Piece = { block: number; text: string; list?: { ordered: boolean; level: number }; heading?: boolean };

export type DraftLesson = {
  title: string;
  number: string | null;
  fields: Map<SectionField, Piece[]>;
  stepTables: { block: number; rows: string[][]; columns: StepColumns }[];
  images: { block: number; name: string; alt: string }[];
  notPlaced: Piece[];
  implicit: boolean;
};

export type DraftModule = {
  title: string;
  number: string | null;
  implicit: boolean;
  /** Module-level sections: summary and learning outcomes. */
  fields: Map<SectionField, Piece[]>;
  lessons: DraftLesson[];
  /** Content before the first lesson that no label claimed: kept, printed in the first lesson's notes. */
  notPlaced: Piece[];
};

export type MappedDocument = { modules: DraftModule[]; placements: Map<number, Placement>; labelLanguages: string[] };

const MODULE_FIELDS = new Set<SectionField>(['summary', 'outcomes']);

/** Decides the role of every block; see the file comment. */
export function mapDocument(blocks: readonly SourceBlock[], options: { fallbackTitle: string; corrections?: ReadonlyMap<number, Correction> }): MappedDocument {
  const corrections = options.corrections ?? new Map<number, Correction>();
  const levels = structureLevels(blocks, corrections);
  const modules: DraftModule[] = [];
  const placements = new Map<number, Placement>();
  const labelLanguages: string[] = [];
  let module: DraftModule | null = null;
  let lesson: DraftLesson | null = null;
  let field: SectionField | null = null;

  const currentModule = (block: number): DraftModule => {
    if (module) return module;
    module = newModule(options.fallbackTitle, null, true);
    modules.push(module);
    placements.set(block, { ...placements.get(block), role: placements.get(block)?.role ?? 'content', module: 0, lesson: null, uncertain: 'implicit-module' });
    return module;
  };
  const currentLesson = (block: number): DraftLesson => {
    const m = currentModule(block);
    if (lesson) return lesson;
    lesson = newLesson(m.title, null, true);
    m.lessons.push(lesson);
    return lesson;
  };
  const where = (): { module: number; lesson: number | null } => ({
    module: Math.max(0, modules.length - 1),
    lesson: lesson && module ? module.lessons.indexOf(lesson) : null,
  });
  const place = (block: number, role: BlockRole, extra: Partial<Placement> = {}): void => {
    placements.set(block, { role, ...where(), ...(field && role !== 'module' && role !== 'lesson' ? { field } : {}), ...extra });
  };
  const addPiece = (piece: Piece): void => {
    if (field === null) {
      if (lesson === null) {
        // Before the first lesson, untitled text describes the module.
        const m = currentModule(piece.block);
        push(m.fields, 'summary', piece);
        place(piece.block, 'content', { field: 'summary', ...(m.lessons.length === 0 ? {} : { uncertain: 'not-placed' }) });
      } else {
        lesson.notPlaced.push(piece);
        place(piece.block, 'not-placed', { uncertain: 'not-placed' });
      }
      return;
    }
    if (MODULE_FIELDS.has(field) && lesson === null) push(currentModule(piece.block).fields, field, piece);
    else push(currentLesson(piece.block).fields, MODULE_FIELDS.has(field) ? lessonFieldFor(field) : field, piece);
    place(piece.block, 'content');
  };
  const startField = (block: number, next: SectionField, language: string): void => {
    labelLanguages.push(language);
    field = next;
    if (!MODULE_FIELDS.has(next) && lesson === null) currentLesson(block);
    place(block, 'label', { field: next });
  };

  for (const block of blocks) {
    const correction = corrections.get(block.id);
    switch (block.kind) {
      case 'heading': {
        const role = correction === 'text' ? 'text' : correction === 'module' || correction === 'lesson' ? correction : headingRole(block, levels);
        if (role === 'module') {
          module = newModule(headingTitle(block.text), headingNumber(block.text), false);
          modules.push(module);
          lesson = null;
          field = null;
          place(block.id, 'module', correction || headingKind(block.text) === 'module' ? {} : { uncertain: 'heading-level' });
        } else if (role === 'lesson') {
          const m = currentModule(block.id);
          lesson = newLesson(headingTitle(block.text), headingNumber(block.text), false);
          m.lessons.push(lesson);
          field = null;
          place(block.id, 'lesson', correction || headingKind(block.text) === 'lesson' ? {} : { uncertain: 'heading-level' });
        } else if (role === 'label') {
          const label = labelOf(block.text);
          if (label) startField(block.id, label.field, label.language);
        } else {
          addPiece({ block: block.id, text: block.text, heading: true });
        }
        break;
      }
      case 'paragraph': {
        const label = block.list ? null : labelOf(block.text);
        const inline = block.list || label ? null : inlineLabel(block.text);
        if (label) startField(block.id, label.field, label.language);
        else if (inline) {
          startField(block.id, inline.field, inline.language);
          addPiece({ block: block.id, text: inline.rest });
        } else addPiece({ block: block.id, text: block.text, ...(block.list ? { list: block.list } : {}) });
        break;
      }
      case 'table': {
        const columns = stepColumns(block.rows, correction === 'steps');
        if (correction !== 'text' && columns) {
          currentLesson(block.id).stepTables.push({ block: block.id, rows: block.rows, columns });
          place(block.id, 'steps', { field: 'steps', ...(columns.guessed ? { uncertain: 'table-columns' } : {}) });
        } else if (correction !== 'text' && glanceRows(block.rows) >= 2) {
          placeGlance(block, () => currentModule(block.id), () => {
            const m = currentModule(block.id);
            lesson = newLesson(m.title, null, false);
            m.lessons.push(lesson);
            return lesson;
          }, () => lesson, labelLanguages);
          field = null;
          place(block.id, 'glance');
        } else {
          addPiece({ block: block.id, text: block.rows.map((row) => row.map((cell) => cell.replace(/\n/g, '; ')).join(' | ')).join('\n') });
        }
        break;
      }
      case 'image': {
        const l = currentLesson(block.id);
        l.images.push({ block: block.id, name: block.name, alt: block.alt });
        place(block.id, 'image', { field: 'materials' });
        break;
      }
    }
  }
  return { modules, placements, labelLanguages };
}

function newModule(title: string, number: string | null, implicit: boolean): DraftModule {
  return { title, number, implicit, fields: new Map(), lessons: [], notPlaced: [] };
}

function newLesson(title: string, number: string | null, implicit: boolean): DraftLesson {
  return { title, number, fields: new Map(), stepTables: [], images: [], notPlaced: [], implicit };
}

function push(fields: Map<SectionField, Piece[]>, field: SectionField, piece: Piece): void {
  const list = fields.get(field) ?? [];
  list.push(piece);
  fields.set(field, list);
}

/** A module-level label inside a lesson: an overview is the lesson's aim, outcomes its objectives. */
const lessonFieldFor = (field: SectionField): SectionField => (field === 'outcomes' ? 'objectives' : 'aim');

type Levels = { module: number | null; lesson: number | null };

/** The heading levels that hold modules and lessons; see the file comment of headingRole. */
function structureLevels(blocks: readonly SourceBlock[], corrections: ReadonlyMap<number, Correction>): Levels {
  const headings = blocks.filter((b): b is Extract<SourceBlock, { kind: 'heading' }> => b.kind === 'heading' && corrections.get(b.id) !== 'text' && labelOf(b.text) === null);
  const levelOf = (kind: 'module' | 'lesson'): number | null => {
    const found = headings.filter((h) => corrections.get(h.id) === kind || (!corrections.has(h.id) && headingKind(h.text) === kind)).map((h) => h.level);
    return found.length > 0 ? Math.min(...found) : null;
  };
  let module = levelOf('module');
  let lesson = levelOf('lesson');
  const distinct = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
  if (lesson === null) lesson = distinct.find((level) => module === null || level > module) ?? null;
  if (module === null) module = distinct.find((level) => lesson !== null && level < lesson) ?? null;
  // A single level of headings under no title: each is a lesson of one module named after the document.
  if (module !== null && lesson !== null && module >= lesson) module = null;
  return { module, lesson };
}

/**
 * A heading is a section label when its words are a label; a module or lesson when its words say so
 * ("Module 3", "Séance 2.1", "الدرس") or when it stands at their level; otherwise a sub-heading.
 */
function headingRole(block: Extract<SourceBlock, { kind: 'heading' }>, levels: Levels): 'module' | 'lesson' | 'label' | 'text' {
  if (labelOf(block.text)) return 'label';
  const kind = headingKind(block.text);
  if (kind) return kind;
  if (levels.module !== null && block.level <= levels.module) return 'module';
  if (levels.lesson !== null && block.level <= levels.lesson) return 'lesson';
  return 'text';
}

/** Rows of a two-column table whose first cell is a label: a "lesson at a glance" or a table-based plan. */
function glanceRows(rows: readonly string[][]): number {
  return rows.filter((row) => row.length >= 2 && (labelOf(row[0] ?? '') !== null || isTitleLabel(row[0] ?? ''))).length;
}

const TITLE_LABEL = /^(?:lesson|lesson title|title|session|leçon|lecon|titre|titre de la seance|séance|seance|intitule|intitulé|الدرس|عنوان الدرس|العنوان)\s*[:：]?$/iu;
const isTitleLabel = (text: string): boolean => TITLE_LABEL.test(text.replace(/\*/g, '').trim());

/**
 * Each row of a glance table fills its field. A "Lesson"/"Titre" row names the lesson, and starts a new
 * one when the current lesson already has content (a table-based plan puts one table per lesson).
 */
function placeGlance(
  block: Extract<SourceBlock, { kind: 'table' }>,
  currentModule: () => DraftModule,
  startLesson: () => DraftLesson,
  currentLesson: () => DraftLesson | null,
  labelLanguages: string[],
): void {
  let target = currentLesson();
  for (const row of block.rows) {
    const [head = '', ...rest] = row;
    const value = rest.join('\n').trim();
    if (isTitleLabel(head)) {
      if (target === null || target.fields.size > 0 || target.stepTables.length > 0 || !target.implicit) {
        if (target === null || target.fields.size > 0 || target.stepTables.length > 0) target = startLesson();
      }
      target.title = value || target.title;
      target.number = headingNumber(value) ?? target.number;
      target.implicit = false;
      continue;
    }
    const label = labelOf(head);
    target ??= startLesson();
    if (label === null || value === '') {
      target.notPlaced.push({ block: block.id, text: row.join(' | ') });
      continue;
    }
    labelLanguages.push(label.language);
    const lines = value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const fields = MODULE_FIELDS.has(label.field) && target.fields.size === 0 && target.implicit ? currentModule().fields : target.fields;
    for (const line of lines) {
      const item = /^(?:[-*•]|\d{1,2}[.)])\s+(.*)$/u.exec(line);
      push(fields, label.field, { block: block.id, text: item ? (item[1] ?? '') : line, ...(item || lines.length > 1 ? { list: { ordered: false, level: 0 } } : {}) });
    }
  }
}
