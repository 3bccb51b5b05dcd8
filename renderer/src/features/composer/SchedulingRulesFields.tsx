import { useTranslation } from 'react-i18next';
import { curriculumDay } from '../../../../shared/domain/curriculum/schedule';
import { teachingCapacity } from '../../../../shared/domain/curriculum/day-model';
import type { Curriculum, SchedulingRules } from '../../../../shared/schemas/curriculum';
import { formatDuration } from './format-duration';
import { NumberField } from './NumberField';

type RuleKey = keyof SchedulingRules;

/** The schema's bounds (SchedulingRulesSchema), so the draft only ever holds values the store accepts. */
const FIELDS: readonly { key: RuleKey; label: string; help: string; max: number }[] = [
  { key: 'minPartMinutes', label: 'minPart', help: 'minPartHelp', max: 120 },
  { key: 'recapMinutes', label: 'recap', help: 'recapHelp', max: 60 },
  { key: 'bufferMinutes', label: 'buffer', help: 'bufferHelp', max: 90 },
];

/**
 * How lessons are laid into the teaching day (beside the day template): the shortest part a break may cut
 * a lesson into, and the daily recap and buffer, with the teaching time they leave.
 */
export function SchedulingRulesFields({ draft, onChange }: { draft: Pick<Curriculum, 'dayTemplate' | 'scheduling'>; onChange: (key: keyof SchedulingRules, value: number, field: string) => void }) {
  const { t } = useTranslation();
  const rules = draft.scheduling;
  const model = curriculumDay(draft);
  const first = teachingCapacity(model, 1);
  const other = teachingCapacity(model, 2);
  return (
    <fieldset className="composer-details__group composer-rules">
      <legend>{t('schedule.rules.heading')}</legend>
      <div className="composer-day__row">
        {FIELDS.map(({ key, label, help, max }) => (
          <NumberField
            key={key}
            id={`field-scheduling.${key}`}
            label={t(`schedule.rules.${label}`)}
            value={rules[key]}
            min={0}
            max={max}
            help={t(`schedule.rules.${help}`)}
            onCommit={(value) => {
              onChange(key, value, t(`schedule.rules.${label}`));
            }}
          />
        ))}
      </div>
      {other > 0 ? (
        <p className="composer-help" role="status">{t('schedule.rules.capacity', { first: formatDuration(t, first), other: formatDuration(t, other) })}</p>
      ) : (
        <p className="field__error" role="status">{t('schedule.rules.noTime')}</p>
      )}
    </fieldset>
  );
}
