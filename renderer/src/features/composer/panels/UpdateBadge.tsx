import { useTranslation } from 'react-i18next';
import type { ModuleItem } from '../../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../../shared/schemas/library';
import { updateAvailable } from './take-update';
import './panels.css';

/**
 * "Update available" on a module item when the library holds a newer revision, or "kept r2 · r3 available"
 * when the designers chose to keep the course's version; activating it opens the update dialog (the page
 * owns the dialog's state). Renders nothing when the course's copy is current.
 */
export function UpdateBadge({ item, library, onOpen }: { item: ModuleItem; library: ReadonlyMap<string, ModuleSummary>; onOpen: () => void }) {
  const { t } = useTranslation();
  const update = updateAvailable(item, library);
  if (!update) return null;
  // Once the designers chose to keep the course's version, the badge says so (and still opens the comparison).
  const badge = t(update.kept ? 'composerPanels.diff.keptBadge' : 'composerPanels.diff.badge', { from: update.from, to: update.to });
  return (
    <button
      type="button"
      className={update.kept ? 'cp-update cp-update--kept' : 'cp-update'}
      onClick={onOpen}
      // The visible words come first in the name (WCAG 2.5.3), then what the button does.
      aria-label={t('composerPanels.diff.badgeLabel', { badge, module: item.snapshot.title })}
    >
      {badge}
    </button>
  );
}
