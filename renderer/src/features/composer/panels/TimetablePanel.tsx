import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scheduleCurriculum } from '../../../../../shared/domain/curriculum/schedule';
import type { PanelProps } from '../composer-types';
import { dayChoices, moveToDay } from './move-to-day';
import { MoveUnitBar } from './MoveUnitBar';
import { daysText, minutesText, unitName } from './panel-format';
import { TimetableGrid } from './TimetableGrid';
import { setUnitDay, unitPin } from './timetable-edits';
import { useFindingText } from './use-finding-text';
import './panels.css';

/**
 * The timetable, days × time, with breaks shaded and overflowing days flagged, the schedule's warnings,
 * and a way to move a lesson or session to another day: choose it in the grid, then a day.
 */
export function TimetablePanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { curriculum, computed, change } = props;
  const { schedule } = computed;
  const text = useFindingText(props);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  const [moved, setMoved] = useState<string | undefined>();
  const onSelect = useCallback((key: string) => {
    setSelectedKey((current) => (current === key ? undefined : key));
    setMoved(undefined);
  }, []);

  const placement = useMemo(() => schedule.placements.find((p) => p.unitKey === selectedKey), [schedule.placements, selectedKey]);
  const pin = placement ? unitPin(curriculum, placement) : undefined;
  const dayCount = Math.max(curriculum.days, schedule.days.length);
  // One schedule per day, worked out once per selected unit rather than on every render.
  const choices = useMemo(
    () => (placement ? dayChoices(curriculum, schedule, { unitKey: placement.unitKey, itemId: placement.itemId, lessonCode: placement.lessonCode }, dayCount) : []),
    [curriculum, schedule, placement, dayCount],
  );

  const move = (day: number | undefined) => {
    if (!placement) return;
    const unit = { unitKey: placement.unitKey, itemId: placement.itemId, lessonCode: placement.lessonCode };
    const name = unitName(t, placement);
    if (day === undefined) {
      change(t('composerPanels.timetable.unpinLabel', { name }), (current) => setUnitDay(current, unit, undefined));
      setMoved(undefined);
      return;
    }
    const plan = moveToDay(curriculum, schedule, unit, day);
    const module = plan.movedItem?.snapshot.title ?? '';
    const label =
      plan.how === 'pin'
        ? t('composerPanels.timetable.moveLabel', { name, day })
        : plan.movedItem
          ? t('schedule.move.withModuleLabel', { module, name, day })
          : t('schedule.move.earlierLabel', { name, day });
    // Planned on the course as shown; should it have changed meanwhile, planned again on what it is now.
    change(label, (current) => (current === curriculum ? plan.curriculum : moveToDay(current, scheduleCurriculum(current), unit, day).curriculum));
    setMoved(
      plan.how === 'pin'
        ? undefined
        : plan.movedItem
          ? t('schedule.move.withModule', { name, module, day })
          : t(placement.lessonCode === undefined ? 'schedule.move.sessionMoved' : 'schedule.move.lessonMoved', { name, day }),
    );
  };

  return (
    <section className="cp-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('composerPanels.timetable.title')}</h2>
      <p className="cp-summary">
        {t('composerPanels.timetable.summary', {
          used: daysText(t, schedule.daysUsed),
          planned: daysText(t, schedule.plannedDays),
          teaching: minutesText(t, schedule.teachingMinutes),
          perDay: minutesText(t, schedule.capacityPerDay),
        })}
      </p>
      <p className="muted">{t('composerPanels.timetable.help')}</p>
      {placement && (
        <MoveUnitBar key={placement.unitKey} placement={placement} pin={pin} choices={choices} onMove={move} />
      )}
      <p className="cp-summary" role="status">{moved}</p>
      <TimetableGrid schedule={schedule} template={curriculum.dayTemplate} selectedKey={selectedKey} onSelect={onSelect} />
      {schedule.warnings.length > 0 && (
        <>
          <h3>{t('composerPanels.timetable.warnings', { count: schedule.warnings.length })}</h3>
          <ul className="cp-list">
            {schedule.warnings.map((w, i) => (
              <li key={`${w.code}-${w.unitKey ?? ''}-${String(w.day ?? '')}-${String(i)}`} className="cp-check">
                <span className={`cp-severity cp-severity--${w.severity}`} aria-hidden="true" />
                <span className="cp-sr-only">{t(`composerPanels.checks.severity.${w.severity}`)}</span>
                <span>{text({ code: w.code, message: w.message, params: w.params, where: { ...(w.itemId === undefined ? {} : { itemId: w.itemId }), ...(w.lessonCode === undefined ? {} : { lessonCode: w.lessonCode }) } })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
