import { useTranslation } from 'react-i18next';
import type { ModuleItem } from '../../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../../shared/schemas/library';
import { updateAvailable } from './take-update';
import './panels.css';

/**
 * "Update available" on a module item when the library holds a newer revision; activating it opens the
 * update dialog (the page owns the dialog's state). Renders nothing when the course's copy is current.
 */
export function UpdateBadge({ item, library, onOpen }: { item: ModuleItem; library: ReadonlyMap<string, ModuleSummary>; onOpen: () => void }) {
  const { t } = useTranslation();
  const update = updateAvailable(item, library);
  if (!update) return null;
  return (
    <button type="button" className="cp-update" onClick={onOpen} aria-label={t('composerPanels.diff.badgeLabel', { module: item.snapshot.title, ...update })}>
      {t('composerPanels.diff.badge', update)}
    </button>
  );
}
