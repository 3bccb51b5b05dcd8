import { memo, useId, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schedule, ScheduleDay, TimetableSlot } from '../../../../../shared/domain/curriculum/schedule';
import { clockToMinutes, type DayTemplate } from '../../../../../shared/schemas/curriculum';
import { courseDate } from './panel-format';

type GridProps = {
  schedule: Schedule;
  template: DayTemplate;
  selectedKey: string | undefined;
  onSelect: (unitKey: string) => void;
};

/** Slots shorter than this many minutes have room for one line only: time and title share it. */
const SHORT = 30;

/** Custom properties carry the geometry; the stylesheet turns minutes into lengths. */
const vars = (values: Record<string, number>): CSSProperties => Object.fromEntries(Object.entries(values).map(([k, v]) => [`--${k}`, v]));

/**
 * Days side by side, time running down, each slot placed at its minutes. Columns keep a minimum width and
 * the grid scrolls sideways, so ten days stay readable. Each day is a list of its slots in time order, so
 * screen readers and the keyboard get the same content in a sensible order.
 */
export const TimetableGrid = memo(function TimetableGrid({ schedule, template, selectedKey, onSelect }: GridProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const start = clockToMinutes(template.start);
  // An overflowing day runs past the template's end: the grid grows to show it.
  const end = Math.max(clockToMinutes(template.end), ...schedule.days.flatMap((d) => d.slots.map((s) => s.endMinute)));
  const hours: number[] = [];
  for (let h = Math.ceil(start / 60) * 60; h <= end; h += 60) hours.push(h);

  return (
    <div className="tt-scroll" role="region" aria-labelledby={`${id}-label`} tabIndex={0}>
      <span id={`${id}-label`} className="cp-sr-only">{t('composerPanels.timetable.gridLabel')}</span>
      <div className="tt-grid" style={vars({ days: schedule.days.length, span: end - start })}>
        <div className="tt-axis" aria-hidden="true">
          <div className="tt-axis__head" />
          <div className="tt-axis__body">
            {hours.map((h) => (
              <span key={h} className="tt-axis__hour" style={vars({ at: h - start })} dir="ltr">{`${String(Math.floor(h / 60)).padStart(2, '0')}:00`}</span>
            ))}
          </div>
        </div>
        {schedule.days.map((day) => (
          <DayColumn key={day.day} day={day} planned={schedule.plannedDays} gridStart={start} headingId={`${id}-day-${day.day}`} language={i18n.language} selectedKey={selectedKey} onSelect={onSelect} />
        ))}
      </div>
    </div>
  );
});

type DayProps = { day: ScheduleDay; planned: number; gridStart: number; headingId: string; language: string } & Pick<GridProps, 'selectedKey' | 'onSelect'>;

function DayColumn({ day, planned, gridStart, headingId, language, selectedKey, onSelect }: DayProps) {
  const { t } = useTranslation();
  const beyond = day.day > planned;
  return (
    <section className={`tt-day${day.overflow || beyond ? ' tt-day--flagged' : ''}`} aria-labelledby={headingId}>
      <header className="tt-day__head">
        <h3 id={headingId}>{t('composerPanels.common.dayN', { day: day.day })}</h3>
        {day.date !== undefined && <p className="tt-day__date">{courseDate(day.date, language)}</p>}
        {day.overflow && <p className="tt-flag">{t('composerPanels.timetable.overflow')}</p>}
        {beyond && <p className="tt-flag">{t('composerPanels.timetable.beyondPlanned', { days: planned })}</p>}
      </header>
      <ol className="tt-day__body">
        {day.slots.map((slot) => (
          <li key={`${slot.kind}-${String(slot.startMinute)}`} className={`tt-slot tt-slot--${slot.kind}${slot.endMinute - slot.startMinute < SHORT ? ' tt-slot--short' : ''}`} style={vars({ start: slot.startMinute - gridStart, len: slot.endMinute - slot.startMinute })}>
            <SlotContent slot={slot} selected={slot.unitKey !== undefined && slot.unitKey === selectedKey} onSelect={onSelect} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function SlotContent({ slot, selected, onSelect }: { slot: TimetableSlot; selected: boolean; onSelect: (unitKey: string) => void }) {
  const { t } = useTranslation();
  const time = <span className="tt-slot__time" dir="ltr">{`${slot.start}–${slot.end}`}</span>;
  if (slot.kind === 'break' || slot.kind === 'lunch')
    return (
      <div className="tt-slot__inner">
        <bdi className="tt-slot__title" dir="auto">
          {slot.title || t(`composerPanels.timetable.${slot.kind}`)}
        </bdi>{' '}
        {time}
      </div>
    );
  if (slot.kind === 'recap' || slot.kind === 'buffer' || slot.kind === 'free')
    return (
      <div className="tt-slot__inner">
        <span>{t(`schedule.slot.${slot.kind}`)}</span> {time}
      </div>
    );
  const { unitKey } = slot;
  const parts = slot.parts !== undefined && slot.parts > 1 ? slot.parts : undefined;
  return (
    <button
      type="button"
      className="tt-slot__inner tt-slot__button"
      aria-pressed={selected}
      onClick={() => {
        if (unitKey !== undefined) onSelect(unitKey);
      }}
    >
      {time}{' '}
      {slot.lessonCode !== undefined && (
        <bdi className="tt-slot__code" dir="ltr">
          {slot.lessonNumber ?? slot.lessonCode}
        </bdi>
      )}{' '}
      {/* Titles are often in another script than the interface (English modules in an Arabic one): isolated,
          each keeps its own direction, and a cut-off title shows its beginning. */}
      <bdi className="tt-slot__title" dir="auto">
        {slot.title}
      </bdi>
      {parts !== undefined && (
        <span className="tt-slot__part">
          {' '}<span aria-hidden="true">{`${String(slot.part ?? 1)}/${String(parts)}`}</span>
          <span className="cp-sr-only">{t('composerPanels.timetable.part', { part: slot.part ?? 1, parts })}</span>
        </span>
      )}
    </button>
  );
}
