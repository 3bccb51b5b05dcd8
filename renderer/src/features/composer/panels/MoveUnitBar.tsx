import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../../shared/domain/curriculum/schedule';
import type { ComposerChange } from '../composer-types';
import { unitName } from './panel-format';
import { setUnitDay } from './timetable-edits';

type MoveProps = {
  placement: Placement;
  /** The day the designer pinned the unit to, if any (it may differ from where it landed). */
  pin: number | undefined;
  /** How many days the select offers: the planned days, or more when the course runs over. */
  dayCount: number;
  change: ComposerChange;
};

/**
 * Moves the selected lesson or session to another day, or lets the scheduler place it again ("unpin").
 * The select takes focus when it appears, so a keyboard user goes from the slot straight to the choice.
 */
export function MoveUnitBar({ placement, pin, dayCount, change }: MoveProps) {
  const { t } = useTranslation();
  const id = useId();
  const unit = { itemId: placement.itemId, lessonCode: placement.lessonCode };
  const name = unitName(t, placement);
  const days = Array.from({ length: dayCount }, (_x, i) => i + 1);

  const move = (day: number | undefined) => {
    change(
      day === undefined ? t('composerPanels.timetable.unpinLabel', { name }) : t('composerPanels.timetable.moveLabel', { name, day }),
      (current) => setUnitDay(current, unit, day),
    );
  };

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
    </div>
  );
}
