import type { TFunction } from 'i18next';
import type { CurriculumItem } from '../../../../shared/schemas/curriculum';
import { actionsDomId, handleDomId } from './dom-ids';
import { moveItem, removeItem } from './item-ops';
import type { ApplyChange } from './use-composer-history';

/** What a row of the outline can do; one stable object for all rows so that memoised rows stay put. */
export type ItemActions = {
  apply: ApplyChange;
  move: (item: CurriculumItem, name: string, delta: -1 | 1) => void;
  moveTo: (itemId: string, name: string, to: number) => void;
  remove: (item: CurriculumItem, name: string, neighbours: readonly string[]) => void;
  toggleLessons: (itemId: string) => void;
  reviewUpdate: (itemId: string) => void;
  /** Says something to screen-reader users (what was added, moved or removed). */
  announce: (text: string) => void;
  focusLater: (...ids: string[]) => void;
};

/** The row actions over the history, with labels for undo and announcements for screen readers. */
export function itemActions({
  t,
  apply,
  announce,
  focusLater,
  toggleLessons,
  reviewUpdate,
}: {
  t: TFunction;
  apply: ApplyChange;
  announce: (text: string) => void;
  focusLater: (...ids: string[]) => void;
  toggleLessons: (itemId: string) => void;
  reviewUpdate: (itemId: string) => void;
}): ItemActions {
  const moveTo = (itemId: string, name: string, to: number) => {
    const label = t('composer.history.move', { name, position: to + 1 });
    apply(label, (c) => moveItem(c, c.items.findIndex((i) => i.id === itemId), to));
    announce(label);
  };
  return {
    apply,
    moveTo,
    move: (item, name, delta) => {
      apply(t('composer.history.moveBy', { name }), (c) => {
        const from = c.items.findIndex((i) => i.id === item.id);
        return moveItem(c, from, from + delta);
      });
      announce(t(delta < 0 ? 'composer.items.movedUp' : 'composer.items.movedDown', { name }));
      // The row moved: the focus stays with it, on the menu button the move was chosen from.
      focusLater(actionsDomId(item.id), handleDomId(item.id));
    },
    remove: (item, name, neighbours) => {
      apply(t('composer.history.remove', { name }), (c) => removeItem(c, item.id));
      announce(t('composer.items.removed', { name }));
      focusLater(...neighbours.map(handleDomId), 'composer-items-title');
    },
    toggleLessons,
    reviewUpdate,
    announce,
    focusLater,
  };
}

