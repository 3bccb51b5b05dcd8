/** The seeded foundation course and the composer's computed view of it, as the composer page hands them to its panels. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi, type Mock } from 'vitest';
import { curriculumFromTemplate } from '../../electron/services/curricula/sample-curriculum';
import { checkCurriculum } from '../../shared/domain/curriculum/checks';
import { curriculumCoverage } from '../../shared/domain/curriculum/coverage';
import { scheduleCurriculum } from '../../shared/domain/curriculum/schedule';
import { summariseModule } from '../../shared/domain/module-summary';
import type { Curriculum } from '../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../shared/schemas/library';
import type { ComposerChange, PanelProps } from '../../renderer/src/features/composer/composer-types';
import { modules, references } from '../unit/curriculum/sample';

const file = join(import.meta.dirname, '../../resources/curricula/foundation-course.json');

/** The sample course with snapshots taken from the sample library, as a new data folder seeds it. */
export const SAMPLE: Curriculum = curriculumFromTemplate(JSON.parse(readFileSync(file, 'utf8')), [...modules.values()], new Date('2026-01-05T09:00:00.000Z'), 'The sample course');

export const LIBRARY: ReadonlyMap<string, ModuleSummary> = new Map([...modules.values()].map((m) => [m.id, summariseModule(m)]));

export type TestPanelProps = PanelProps & { change: Mock<ComposerChange>; select: Mock<PanelProps['select']> };

/** Panel props for a curriculum, computed with the same pure functions as the composer page. */
export function panelProps(curriculum: Curriculum = SAMPLE, library: ReadonlyMap<string, ModuleSummary> = LIBRARY): TestPanelProps {
  const schedule = scheduleCurriculum(curriculum);
  const checks = checkCurriculum(curriculum, { schedule, library: (id) => library.get(id) });
  return {
    curriculum,
    computed: { schedule, checks, coverage: curriculumCoverage(curriculum, references) },
    library,
    references,
    change: vi.fn<ComposerChange>(),
    select: vi.fn<PanelProps['select']>(),
  };
}

/** What the last `change` call would make of `curriculum`, and the label it gave the change. */
export function lastChange(change: Mock<ComposerChange>, curriculum: Curriculum): { label: string; result: Curriculum } {
  const call = change.mock.calls.at(-1);
  if (!call) throw new Error('change was not called');
  const [label, update] = call;
  return { label, result: update(curriculum) };
}
