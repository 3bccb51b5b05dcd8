import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleItem } from '../../../../shared/schemas/curriculum';
import { Duration } from '../../components/Duration';
import type { ItemCardProps } from './ItemCard';
import { itemMinutes, lessonRows } from './lesson-rows';
import { LessonRowView } from './LessonRowView';
import { UpdateBadge } from './panels/UpdateBadge';

/** A module in the outline: number, title, time, days, "update available", and its lessons when opened. */
export function ModuleItemBody({ item, number, name, dayLabel, library, expanded, actions }: ItemCardProps & { item: ModuleItem }) {
  const { t } = useTranslation();
  const rows = useMemo(() => lessonRows(item), [item]);
  const minutes = useMemo(() => itemMinutes(item), [item]);
  const taught = rows.filter((r) => !r.omitted).length;
  // Course numbers: lessons the course teaches are numbered in teaching order; left-out ones have none.
  const numbers = useMemo(() => {
    const taughtBefore = (index: number) => rows.slice(0, index + 1).filter((r) => !r.omitted).length;
    return rows.map((r, index) => (r.omitted || number === null ? undefined : `${String(number)}.${String(taughtBefore(index))}`));
  }, [rows, number]);
  const language = item.snapshot.language;
  const lessonsId = `composer-lessons-${item.id}`;
  return (
    <>
      <div className="composer-item__head">
        <h3 className="composer-item__title">
          <span className="composer-item__number">{t('composer.items.module', { number })}</span>{' '}
          <span lang={language} dir="auto">
            {item.snapshot.title}
          </span>
        </h3>
        <p className="composer-item__facts">
          <span>
            <Duration minutes={minutes} />
          </span>
          {dayLabel && <span>{dayLabel}</span>}
          <span>{t('composer.items.lessonCount', { taught, count: rows.length })}</span>
          {!library.has(item.moduleId) && <span className="badge badge--warn">{t('composer.items.notInLibrary')}</span>}
        </p>
        <UpdateBadge
          item={item}
          library={library}
          onOpen={() => {
            actions.reviewUpdate(item.id);
          }}
        />
      </div>
      <button
        type="button"
        className="composer-item__toggle"
        aria-expanded={expanded}
        aria-controls={expanded ? lessonsId : undefined}
        onClick={() => {
          actions.toggleLessons(item.id);
        }}
      >
        {t(expanded ? 'composer.items.hideLessons' : 'composer.items.showLessons', { count: rows.length })}
      </button>
      {expanded && (
        <ul id={lessonsId} className="composer-lessons" aria-label={t('composer.items.lessonsOf', { name })}>
          {rows.map((row, position) => (
            <LessonRowView key={row.lessonIndex} item={item} row={row} number={numbers[position]} position={position} count={rows.length} apply={actions.apply} />
          ))}
        </ul>
      )}
    </>
  );
}
