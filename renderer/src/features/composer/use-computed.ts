import { useMemo } from 'react';
import { checkCurriculum, type LibraryLookup } from '../../../../shared/domain/curriculum/checks';
import { curriculumCoverage } from '../../../../shared/domain/curriculum/coverage';
import { scheduleCurriculum } from '../../../../shared/domain/curriculum/schedule';
import { withPlaceholderDefaults } from '../../../../shared/domain/placeholders';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import type { Reference } from '../../../../shared/schemas/reference';
import type { ComposerComputed } from './composer-types';

/**
 * Schedule, checks and coverage of the draft, recomputed in the renderer with the same pure functions the
 * back end uses, whenever the draft changes (and only then: dragging changes nothing until the drop).
 */
export function useComputed(
  draft: Curriculum,
  library: ReadonlyMap<string, ModuleSummary>,
  references: readonly Reference[],
  placeholderDefaults?: Readonly<Record<string, string>>,
): ComposerComputed {
  const lookup = useMemo<LibraryLookup>(() => (id) => library.get(id), [library]);
  return useMemo(() => {
    const schedule = scheduleCurriculum(draft);
    // Checks see the course as exports print it: the academy's defaults fill what the course leaves blank.
    const checks = checkCurriculum(withPlaceholderDefaults(draft, placeholderDefaults), { library: lookup, schedule });
    return { schedule, checks, coverage: curriculumCoverage(draft, references) };
  }, [draft, lookup, references, placeholderDefaults]);
}
