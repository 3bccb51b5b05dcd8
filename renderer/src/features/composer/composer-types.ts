/**
 * What the composer page hands to its panels (timetable, checks, coverage, placeholders, fit, library
 * updates). Panels never save: they describe a change with `change`, and the page applies it to the draft,
 * records it for undo/redo and autosaves it, so every panel gets undo and autosave for free.
 */
import type { CheckWhere, CurriculumCheck } from '../../../../shared/domain/curriculum/checks';
import type { Coverage } from '../../../../shared/domain/curriculum/coverage';
import type { Schedule } from '../../../../shared/domain/curriculum/schedule';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import type { Reference } from '../../../../shared/schemas/reference';

/** Applies `update` to the current draft; `label` names the change in the undo/redo history ("Move lesson 2.1 to day 3"). */
export type ComposerChange = (label: string, update: (current: Curriculum) => Curriculum) => void;

/** Recomputed in the renderer from the draft with the pure functions of shared/domain/curriculum on every change. */
export type ComposerComputed = { schedule: Schedule; checks: CurriculumCheck[]; coverage: Coverage };

export type PanelProps = {
  curriculum: Curriculum;
  computed: ComposerComputed;
  /** Current library modules by id (for "update available", titles of missing prerequisites, outdated translations). */
  library: ReadonlyMap<string, ModuleSummary>;
  references: readonly Reference[];
  change: ComposerChange;
  /** Brings the named item/lesson into view and focus in the composer's item list. */
  select: (where: CheckWhere) => void;
  /** The academy's placeholder values (Settings), used where the course has none of its own. */
  placeholderDefaults?: Readonly<Record<string, string>>;
};
