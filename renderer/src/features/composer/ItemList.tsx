import { closestCenter, DndContext, KeyboardSensor, MeasuringStrategy, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurriculumItem } from '../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import type { ItemActions } from './item-actions';
import { itemNames } from './item-names';
import { SortableItem } from './SortableItem';

const MEASURING = { droppable: { strategy: MeasuringStrategy.BeforeDragging } };

/**
 * The ordered items, reorderable by drag and drop with the mouse or the keyboard (Space picks an item up
 * by its handle, arrows move it, Space drops, Escape cancels), with translated screen-reader
 * announcements. Nothing changes in the draft while an item is dragged: the order is applied on drop.
 */
export function ItemList({
  items,
  days,
  library,
  actions,
  expanded,
}: {
  items: readonly CurriculumItem[];
  days: ReadonlyMap<string, string>;
  library: ReadonlyMap<string, ModuleSummary>;
  actions: ItemActions;
  expanded: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    // Instant scrolling: a smooth scroll makes dnd-kit re-measure and re-render every row on each frame.
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, scrollBehavior: 'auto' }),
  );
  const roleDescription = t('composer.dnd.roleDescription');
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const names = useMemo(() => itemNames(items, t), [items, t]);

  const announcements = useMemo<Announcements>(() => {
    const name = (id: string | number) => names.get(String(id))?.name ?? String(id);
    const position = (id: string | number) => ids.indexOf(String(id)) + 1;
    return {
      onDragStart: ({ active }) => t('composer.dnd.picked', { name: name(active.id), position: position(active.id), total: ids.length }),
      onDragOver: ({ active, over }) =>
        over ? t('composer.dnd.over', { name: name(active.id), position: position(over.id), total: ids.length }) : t('composer.dnd.outside', { name: name(active.id) }),
      onDragEnd: ({ active, over }) =>
        over ? t('composer.dnd.dropped', { name: name(active.id), position: position(over.id), total: ids.length }) : t('composer.dnd.cancelled', { name: name(active.id) }),
      onDragCancel: ({ active }) => t('composer.dnd.cancelled', { name: name(active.id) }),
    };
  }, [names, ids, t]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const to = ids.indexOf(String(over.id));
    if (to >= 0) actions.moveTo(String(active.id), names.get(String(active.id))?.name ?? String(active.id), to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      // Rows do not change size while one is dragged: measure them once, when the drag starts.
      measuring={MEASURING}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('composer.dnd.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="composer-items">
          {items.map((item, index) => {
            const named = names.get(item.id);
            return (
              <SortableItem
                key={item.id}
                item={item}
                index={index}
                total={items.length}
                number={named?.number ?? null}
                name={named?.name ?? item.id}
                handleLabel={t('composer.items.handle', { name: named?.name ?? item.id })}
                roleDescription={roleDescription}
                dayLabel={days.get(item.id) ?? null}
                library={library}
                expanded={expanded.has(item.id)}
                nextId={ids[index + 1]}
                previousId={ids[index - 1]}
                actions={actions}
              />
            );
          })}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
