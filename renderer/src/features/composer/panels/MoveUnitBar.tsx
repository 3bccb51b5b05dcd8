import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../../shared/domain/curriculum/schedule';
import type { DayChoice } from './move-to-day';
import { unitName } from './panel-format';

type MoveProps = {
  placement: Placement;
  /** The day the designer pinned the unit to, if any (it may differ from where it landed). */
  pin: number | undefined;
  /** Where a move to each day would land the unit (the planned days, or more when the course runs over). */
  choices: readonly DayChoice[];
  /** Moves the unit to a day (reordering the course for an earlier one), or lets the scheduler place it. */
  onMove: (day: number | undefined) => void;
};

/**
 * Moves the selected lesson or session to another day, or lets the scheduler place it again ("unpin").
 * The select takes focus when it appears, so a keyboard user goes from the slot straight to the choice.
 * It offers only the days that can take the unit (and the day it is pinned to); the others are named below
 * it with the day the unit would land on instead.
 */
export function MoveUnitBar({ placement, pin, choices, onMove: move }: MoveProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const name = unitName(t, placement);
  const days = choices.filter((c) => c.landsOn === c.day || c.day === pin).map((c) => c.day);
  const refused = choices.filter((c) => c.landsOn !== c.day && c.day !== pin);
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    refused.map((c) => t('schedule.move.wouldLand', { day: c.day, landed: c.landsOn })),
  );

  return (
    <div className="tt-move" role="group" aria-labelledby={`${id}-name`}>
      <p className="tt-move__what">
        <strong id={`${id}-name`}>{name}</strong>{' '}
        <span className="muted">
          {t('composerPanels.timetable.placedOn', { day: placement.day })} <span dir="ltr">{`${placement.start}–${placement.end}`}</span>
        </span>
        {pin !== undefined && <span className="cp-badge">{t('composerPanels.timetable.pinnedTo', { day: pin })}</span>}
      </p>
      <label className="tt-move__field">
        <span>{t('composerPanels.timetable.moveTo')}</span>
        <select
          // The bar appears because the user chose this slot: choosing the day is the next step.
          autoFocus
          aria-describedby={refused.length > 0 ? `${id}-refused` : undefined}
          value={pin === undefined ? '' : String(pin)}
          onChange={(e) => {
            move(e.target.value === '' ? undefined : Number(e.target.value));
          }}
        >
          <option value="">{t('composerPanels.timetable.automatic')}</option>
          {days.map((day) => (
            <option key={day} value={day}>{t('composerPanels.common.dayN', { day })}</option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--small" disabled={pin === undefined} onClick={() => { move(undefined); }}>
        {t('composerPanels.timetable.unpin')}
      </button>
      {refused.length > 0 && (
        <p id={`${id}-refused`} className="tt-move__refused muted">
          {t('schedule.move.notOffered', { count: refused.length, days: list, name })}
        </p>
      )}
    </div>
  );
}
