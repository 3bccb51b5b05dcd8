import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CurriculumItem } from '../../../../shared/schemas/curriculum';
import { handleDomId, itemDomId } from './dom-ids';
import type { ItemActions } from './item-actions';
import { ItemCard, type ItemCardProps } from './ItemCard';

/**
 * One outline row as dnd-kit sees it. This part re-renders on every pointer move of a drag (it follows
 * the sortable context); the memoised card inside does not, so dragging stays cheap with 40 modules.
 */
export function SortableItem({ handleLabel, roleDescription, ...props }: ItemCardProps & { item: CurriculumItem; actions: ItemActions; handleLabel: string; roleDescription: string }) {
  const { item } = props;
  // Labels come translated from the list: every hook here runs for every row on every step of a drag.
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    attributes: { roleDescription },
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
        aria-label={handleLabel}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <ItemCard {...props} />
    </li>
  );
}
