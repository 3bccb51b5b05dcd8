import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurriculumItem } from '../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import type { ItemActions } from './item-actions';
import { ModuleItemBody } from './ModuleItemBody';
import { SessionItemBody } from './SessionItemBody';

export type ItemCardProps = {
  item: CurriculumItem;
  index: number;
  total: number;
  /** Module number in the course, null for sessions. */
  number: number | null;
  name: string;
  dayLabel: string | null;
  /** The library as loaded with the course, for "update available" and "no longer in the library". */
  library: ReadonlyMap<string, ModuleSummary>;
  expanded: boolean;
  nextId: string | undefined;
  previousId: string | undefined;
  actions: ItemActions;
};

/**
 * The content of an outline row. Memoised: while a row is dragged only the sortable wrappers re-render,
 * and after a change only the rows whose item, position or day changed.
 */
export const ItemCard = memo(function ItemCard(props: ItemCardProps) {
  const { t } = useTranslation();
  const { item, index, total, name, actions, nextId, previousId } = props;
  return (
    <div className="composer-item__body">
      {item.kind === 'module' ? <ModuleItemBody {...props} item={item} /> : <SessionItemBody {...props} item={item} />}
      <div className="composer-item__controls">
        <button
          id={`composer-move-up-${item.id}`}
          type="button"
          className="button button--small"
          disabled={index === 0}
          aria-label={t('composer.items.moveUpNamed', { name })}
          onClick={() => {
            actions.move(item, name, -1);
          }}
        >
          {t('composer.items.moveUp')}
        </button>
        <button
          id={`composer-move-down-${item.id}`}
          type="button"
          className="button button--small"
          disabled={index === total - 1}
          aria-label={t('composer.items.moveDownNamed', { name })}
          onClick={() => {
            actions.move(item, name, 1);
          }}
        >
          {t('composer.items.moveDown')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={t('composer.items.removeNamed', { name })}
          onClick={() => {
            actions.remove(item, name, [nextId, previousId].filter((id): id is string => id !== undefined));
          }}
        >
          {t('composer.items.remove')}
        </button>
      </div>
    </div>
  );
});
