import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { CurriculumItem } from '../../../../shared/schemas/curriculum';
import { handleDomId, itemDomId } from './dom-ids';
import type { ItemActions } from './item-actions';
import { ItemCard, type ItemCardProps } from './ItemCard';

/**
 * One outline row as dnd-kit sees it. This part re-renders on every pointer move of a drag (it follows
 * the sortable context); the memoised card inside does not, so dragging stays cheap with 40 modules.
 */
export function SortableItem(props: ItemCardProps & { item: CurriculumItem; actions: ItemActions }) {
  const { t } = useTranslation();
  const { item, name } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    attributes: { roleDescription: t('composer.dnd.roleDescription') },
  });
  return (
    <li
      ref={setNodeRef}
      id={itemDomId(item.id)}
      tabIndex={-1}
      className={`composer-item composer-item--${item.kind}${isDragging ? ' composer-item--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button
        ref={setActivatorNodeRef}
        id={handleDomId(item.id)}
        type="button"
        className="composer-item__handle"
        {...attributes}
        {...listeners}
        aria-label={t('composer.items.handle', { name })}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <ItemCard {...props} />
    </li>
  );
}
