import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { clockToMinutes, type Curriculum } from '../../../../../shared/schemas/curriculum';
import { remedyChanges, type Remedy } from '../../../../../shared/domain/curriculum/remedies';
import { FitPreview } from './FitPreview';
import { daysText, minutesText, unitName, type Translate } from './panel-format';

/** The undo history's name for a remedy ("Leave out 3 lessons to fit 5 days"). */
export function remedyLabel(t: Translate, remedy: Remedy): string {
  const days = daysText(t, remedy.target);
  switch (remedy.kind) {
    case 'leave-out':
      return t('schedule.remedy.leave-out.label', { count: remedy.lessons.length, days });
    case 'shorten':
      return t('schedule.remedy.shorten.label', { days });
    case 'lengthen-day':
      return t('schedule.remedy.lengthen-day.label', { end: remedy.end, days });
    case 'add-days':
      return t('schedule.remedy.add-days.label', { days: daysText(t, remedy.days) });
  }
}

/** What the remedy does, in one sentence; undefined when it can do nothing. */
function summary(t: Translate, remedy: Remedy): string | undefined {
  switch (remedy.kind) {
    case 'leave-out':
      return remedy.lessons.length === 0 ? undefined : t('schedule.remedy.leave-out.summary', { count: remedy.lessons.length, minutes: minutesText(t, remedy.minutes) });
    case 'shorten':
      return remedy.fit.changes.length === 0
        ? undefined
        : t('schedule.remedy.shorten.summary', { before: minutesText(t, remedy.fit.minutesBefore), after: minutesText(t, remedy.fit.minutesAfter) });
    case 'lengthen-day':
      return remedy.end === remedy.from
        ? undefined
        : t('schedule.remedy.lengthen-day.summary', { end: remedy.end, from: remedy.from, minutes: minutesText(t, clockToMinutes(remedy.end) - clockToMinutes(remedy.from)) });
    case 'add-days':
      return t('schedule.remedy.add-days.summary', { days: daysText(t, remedy.days), target: daysText(t, remedy.target) });
  }
}

/** Why a remedy falls short, when it does. */
function shortfall(t: Translate, remedy: Remedy): string | undefined {
  if (remedy.enough) return undefined;
  if (remedy.kind === 'leave-out' && remedy.lessons.length === 0) return t('schedule.remedy.leave-out.none');
  if (remedy.kind === 'shorten' && remedy.fit.changes.length === 0) return t('schedule.remedy.shorten.none');
  if (remedy.kind === 'lengthen-day' && remedy.end === remedy.from) return t('schedule.remedy.lengthen-day.none');
  if (remedy.after.overflowCount > 0 && remedy.after.spillMinutes === 0) return t('schedule.fit.notEnoughOverflow');
  return t('schedule.fit.notEnough', { spill: minutesText(t, remedy.after.spillMinutes), days: remedy.target });
}

type CardProps = { remedy: Remedy; daysUsed: number; curriculum: Curriculum; onApply: (remedy: Remedy) => void };

/**
 * One remedy: what it changes, days used now and after (its preview), and one button that applies it as
 * one undoable change. A remedy that is not enough says so; it can be applied only if it changes something
 * and is enough, except shortening, which may bring the course closer to its days before another remedy.
 */
export function RemedyCard({ remedy, daysUsed, curriculum, onApply }: CardProps) {
  const { t } = useTranslation();
  const id = useId();
  const what = summary(t, remedy);
  const short = shortfall(t, remedy);
  const applicable = remedyChanges(remedy) && (remedy.enough || remedy.kind === 'shorten');
  return (
    <section className={`fit-remedy${remedy.enough ? '' : ' fit-remedy--short'}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t(`schedule.remedy.${remedy.kind}.title`)}</h4>
      {what !== undefined && <p>{what}</p>}
      {remedy.kind === 'leave-out' && remedy.lessons.length > 0 && (
        <ul className="fit-remedy__lessons">
          {remedy.lessons.map((lesson) => (
            <li key={`${lesson.itemId}/${lesson.lessonCode}`}>
              {unitName(t, lesson)} ({minutesText(t, lesson.minutes)})
              {lesson.optional && <span className="cp-badge">{t('schedule.remedy.leave-out.optional')}</span>}
            </li>
          ))}
        </ul>
      )}
      {remedy.kind === 'shorten' && remedy.fit.changes.length > 0 && <FitPreview fit={remedy.fit} curriculum={curriculum} level={5} />}
      {what !== undefined && (
        <dl className="fit-totals">
          <div>
            <dt>{t('schedule.fit.daysUsed')}: {t('schedule.fit.now')}</dt>
            <dd>{daysText(t, daysUsed)}</dd>
          </div>
          <div>
            <dt>{t('schedule.fit.daysUsed')}: {t('schedule.fit.after')}</dt>
            <dd>{daysText(t, remedy.after.daysUsed)}</dd>
          </div>
        </dl>
      )}
      {short !== undefined && <p className="cp-field__error" id={`${id}-short`}>{short}</p>}
      {applicable && (
        <button
          type="button"
          className={`button${remedy.enough ? ' button--primary' : ''}`}
          aria-describedby={short === undefined ? undefined : `${id}-short`}
          onClick={() => {
            onApply(remedy);
          }}
        >
          {t(`schedule.remedy.${remedy.kind}.apply`)}
        </button>
      )}
    </section>
  );
}
