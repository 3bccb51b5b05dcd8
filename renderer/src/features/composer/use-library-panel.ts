import { useCallback, useState } from 'react';
import { call } from '../../lib/api';

/**
 * Whether the outline's library panel is folded away, remembered in the settings so that a laptop or a
 * projector keeps the room it was given. A failed save of the choice only costs remembering it.
 */
export function useLibraryPanel(initiallyCollapsed: boolean): { collapsed: boolean; toggle: () => void } {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const toggle = useCallback(() => {
    const next = !collapsed;
    setCollapsed(next);
    void call('settings:update', { libraryPanelCollapsed: next }).catch(() => undefined);
  }, [collapsed]);
  return { collapsed, toggle };
}
