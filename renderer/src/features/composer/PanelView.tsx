import { assertNever } from '../../../../shared/errors';
import type { ComposerTab } from './ComposerTabs';
import type { PanelProps } from './composer-types';
import { AssessmentPanel } from './panels/AssessmentPanel';
import { ChecksPanel } from './panels/ChecksPanel';
import { CoveragePanel } from './panels/CoveragePanel';
import { FitPanel } from './panels/FitPanel';
import { PlaceholdersPanel } from './panels/PlaceholdersPanel';
import { TimetablePanel } from './panels/TimetablePanel';

/** The side panels built on PanelProps, one per tab. */
export function PanelView({ tab, props }: { tab: Exclude<ComposerTab, 'outline' | 'details'>; props: PanelProps }) {
  switch (tab) {
    case 'timetable':
      return <TimetablePanel {...props} />;
    case 'assessment':
      return <AssessmentPanel {...props} />;
    case 'checks':
      return <ChecksPanel {...props} />;
    case 'coverage':
      return <CoveragePanel {...props} />;
    case 'placeholders':
      return <PlaceholdersPanel {...props} />;
    case 'fit':
      return <FitPanel {...props} />;
    default:
      return assertNever(tab);
  }
}
