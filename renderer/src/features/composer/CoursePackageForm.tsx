import { useTranslation } from 'react-i18next';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { NumberField } from './NumberField';
import { OutcomesField } from './OutcomesField';
import { TextField } from './TextField';
import type { ApplyChange } from './use-composer-history';
import type { DraftProblem } from './validate-draft';

type LongKey = 'aim' | 'targetAudience' | 'entryRequirements' | 'trainerProfile' | 'courseEvaluation';

/**
 * The course as a package a trainer can run: what it aims at, the outcomes its lessons serve, who it is for,
 * who teaches it, how participants are assessed and how the course is evaluated. All of it is printed in
 * the full curriculum, and the checks say what is still missing.
 */
export function CoursePackageForm({ draft, apply, problems }: { draft: Curriculum; apply: ApplyChange; problems: readonly DraftProblem[] }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`composer.package.${key}`);
  const errorOf = (path: string) => {
    const found = problems.find((p) => p.path === path);
    return found ? t(`composer.problems.${found.key}`, found.values) : undefined;
  };
  const longText = (key: LongKey, rows = 3) => (
    <div className="field">
      <label className="field__label" htmlFor={`field-${key}`}>{label(key)}</label>
      <span id={`field-${key}-help`} className="field__help">{label(`${key}Help`)}</span>
      <textarea
        id={`field-${key}`}
        rows={rows}
        maxLength={20_000}
        value={draft[key]}
        lang={draft.language}
        dir="auto"
        aria-describedby={`field-${key}-help`}
        onChange={(e) => {
          const value = e.target.value;
          apply(t('composer.history.detail', { field: label(key) }), (c) => (c[key] === value ? c : { ...c, [key]: value }), `detail:${key}`);
        }}
      />
    </div>
  );
  const strategy = draft.assessmentStrategy;
  const setStrategy = (next: Curriculum['assessmentStrategy'], typing?: string) => {
    apply(t('composer.history.detail', { field: label('strategy') }), (c) => ({ ...c, assessmentStrategy: next }), typing);
  };
  const total = strategy.instruments.reduce((sum, i) => sum + i.weight, 0);
  const size = draft.classSize;

  return (
    <section className="composer-details composer-package" aria-labelledby="composer-package-title">
      <h2 id="composer-package-title">{label('heading')}</h2>
      {longText('aim')}
      <OutcomesField draft={draft} apply={apply} errorOf={errorOf} />
      {longText('targetAudience')}
      {longText('entryRequirements')}
      <fieldset className="composer-details__group" id="field-classSize">
        <legend>{label('classSize')}</legend>
        <label className="composer-check">
          <input
            type="checkbox"
            checked={size !== undefined}
            onChange={(e) => {
              const on = e.target.checked;
              apply(t('composer.history.detail', { field: label('classSize') }), (c) => {
                const { classSize: _old, ...rest } = c;
                return on ? { ...rest, classSize: { min: 12, max: 24 } } : rest;
              });
            }}
          />
          {label('classSizeSet')}
        </label>
        {size && (
          <>
            <NumberField label={label('classSizeMin')} value={size.min} min={1} max={size.max} onCommit={(min) => { apply(t('composer.history.detail', { field: label('classSize') }), (c) => ({ ...c, classSize: { min, max: c.classSize?.max ?? min } }), 'detail:classSize'); }} />
            <NumberField label={label('classSizeMax')} value={size.max} min={size.min} max={500} onCommit={(max) => { apply(t('composer.history.detail', { field: label('classSize') }), (c) => ({ ...c, classSize: { min: c.classSize?.min ?? 1, max } }), 'detail:classSize'); }} />
          </>
        )}
      </fieldset>
      {longText('trainerProfile')}
      <fieldset className="composer-details__group composer-package__strategy" id="field-assessmentStrategy">
        <legend>{label('strategy')}</legend>
        <p className="field__help">{label('strategyHelp')}</p>
        <table className="composer-package__instruments">
          <caption className="visually-hidden">{label('instruments')}</caption>
          <thead>
            <tr>
              <th scope="col">{label('instrument')}</th>
              <th scope="col">{label('weight')}</th>
              <th scope="col"><span className="visually-hidden">{label('actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {strategy.instruments.map((instrument, index) => (
              <tr key={index}>
                <td>
                  <TextField
                    id={`field-assessmentStrategy.instruments.${String(index)}`}
                    label={label('instrumentName')}
                    value={instrument.name}
                    maxLength={300}
                    lang={draft.language}
                    error={errorOf(`assessmentStrategy.instruments.${String(index)}`)}
                    onChange={(name) => { setStrategy({ ...strategy, instruments: strategy.instruments.map((x, i) => (i === index ? { ...x, name } : x)) }, `detail:instrument:${String(index)}`); }}
                  />
                </td>
                <td>
                  <NumberField label={label('weightPercent')} value={instrument.weight} min={0} max={100} onCommit={(weight) => { setStrategy({ ...strategy, instruments: strategy.instruments.map((x, i) => (i === index ? { ...x, weight } : x)) }, `detail:weight:${String(index)}`); }} />
                </td>
                <td>
                  <button type="button" className="button button--small" onClick={() => { setStrategy({ ...strategy, instruments: strategy.instruments.filter((_x, i) => i !== index) }); }}>
                    {t('composer.package.removeInstrument', { name: instrument.name || String(index + 1) })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={total === 100 || strategy.instruments.length === 0 ? 'field__help' : 'field__error'} role="status">
          {t('composer.package.weightTotal', { total })}
        </p>
        <button type="button" className="button button--small" onClick={() => { setStrategy({ ...strategy, instruments: [...strategy.instruments, { name: label('newInstrument'), weight: Math.max(0, 100 - total) }] }); }}>
          {label('addInstrument')}
        </button>
        <label className="composer-check">
          <input
            type="checkbox"
            checked={strategy.passMark !== undefined}
            onChange={(e) => {
              const { passMark: _old, ...rest } = strategy;
              setStrategy(e.target.checked ? { ...rest, passMark: 70 } : rest);
            }}
          />
          {label('passMarkSet')}
        </label>
        {strategy.passMark !== undefined && (
          <NumberField label={label('passMark')} value={strategy.passMark} min={0} max={100} onCommit={(passMark) => { setStrategy({ ...strategy, passMark }, 'detail:passMark'); }} />
        )}
      </fieldset>
      {longText('courseEvaluation')}
    </section>
  );
}
