import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurriculumItem } from '../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import { MenuButton } from '../../components/MenuButton';
import { actionsDomId } from './dom-ids';
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
      <MenuButton
        id={actionsDomId(item.id)}
        className="button button--small composer-item__actions"
        label={t('composer.items.actions')}
        ariaLabel={t('composer.items.actionsNamed', { name })}
        entries={[
          { key: 'up', label: t('composer.items.moveUp'), ariaLabel: t('composer.items.moveUpNamed', { name }), disabled: index === 0, onSelect: () => { actions.move(item, name, -1); } },
          { key: 'down', label: t('composer.items.moveDown'), ariaLabel: t('composer.items.moveDownNamed', { name }), disabled: index === total - 1, onSelect: () => { actions.move(item, name, 1); } },
          {
            key: 'remove',
            label: t('composer.items.remove'),
            ariaLabel: t('composer.items.removeNamed', { name }),
            danger: true,
            onSelect: () => {
              actions.remove(item, name, [nextId, previousId].filter((id): id is string => id !== undefined));
            },
          },
        ]}
      />
    </div>
  );
});
