import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleItem } from '../../../../shared/schemas/curriculum';
import { Duration } from '../../components/Duration';
import { lessonDomId } from './dom-ids';
import { moveLesson, setOmitted } from './item-ops';
import { LessonAdjust } from './LessonAdjust';
import type { LessonRow } from './lesson-rows';
import type { ApplyChange } from './use-composer-history';

/** One lesson of a module in the outline: taught or left out, its time, and its local adjustments. */
export const LessonRowView = memo(function LessonRowView({
  item,
  row,
  number,
  position,
  count,
  apply,
}: {
  item: ModuleItem;
  row: LessonRow;
  /** The lesson's number in the course ("2.3"); none for a lesson the course leaves out. */
  number: string | undefined;
  /** Place of the lesson in the module's teaching order (from 0) and how many lessons the module has. */
  position: number;
  count: number;
  apply: ApplyChange;
}) {
  const { t } = useTranslation();
  const [adjusting, setAdjusting] = useState(false);
  const id = lessonDomId(item.id, row.lessonCode);
  const changed = row.override !== undefined && ((row.override.stepMinutes?.length ?? 0) > 0 || Boolean(row.override.trainerNotes));
  const name = number === undefined ? t('composer.lessons.nameOmitted', { title: row.lesson.title }) : t('composer.lessons.name', { code: number, title: row.lesson.title });
  return (
    <li className={`composer-lesson${row.omitted ? ' composer-lesson--omitted' : ''}`}>
      <div className="composer-lesson__line">
        <label className="composer-lesson__include">
          <input
            id={id}
            type="checkbox"
            checked={!row.omitted}
            onChange={(event) => {
              const include = event.target.checked;
              apply(t(include ? 'composer.history.include' : 'composer.history.omit', { name }), (c) => setOmitted(c, item.id, row.lessonCode, !include));
            }}
          />
          <span className="visually-hidden">{t('composer.lessons.include', { name })}</span>
          <span aria-hidden="true" className="composer-lesson__code">
            {number ?? '–'}
          </span>
          <span aria-hidden="true" lang={item.snapshot.language} dir="auto">
            {row.lesson.title}
          </span>
        </label>
        <span className="composer-lesson__minutes">
          {row.omitted ? t('composer.lessons.omitted') : <Duration minutes={row.minutes} />}
        </span>
        {changed && <span className="badge">{t('composer.lessons.adjusted')}</span>}
        <button
          type="button"
          className="button button--small"
          aria-label={t('composer.lessons.earlierNamed', { name })}
          aria-disabled={position === 0 || undefined}
          onClick={() => {
            if (position > 0) apply(t('composer.history.lessonEarlier', { name }), (c) => moveLesson(c, item.id, row.lessonCode, -1));
          }}
        >
          {t('composer.lessons.earlier')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={t('composer.lessons.laterNamed', { name })}
          aria-disabled={position === count - 1 || undefined}
          onClick={() => {
            if (position < count - 1) apply(t('composer.history.lessonLater', { name }), (c) => moveLesson(c, item.id, row.lessonCode, 1));
          }}
        >
          {t('composer.lessons.later')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-expanded={adjusting}
          aria-label={t('composer.lessons.adjustNamed', { name })}
          onClick={() => {
            setAdjusting((open) => !open);
          }}
        >
          {t('composer.lessons.adjust')}
        </button>
      </div>
      {adjusting && <LessonAdjust item={item} row={row} name={name} apply={apply} />}
    </li>
  );
});
