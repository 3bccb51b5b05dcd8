import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape } from '../../../../shared/errors';
import type { ApplyTarget, RoundTripPreview, RoundTripResult } from '../../../../shared/schemas/round-trip';
import { call } from '../../lib/api';
import { changeFits, RoundTripChange } from './RoundTripChange';

type Props = { preview: RoundTripPreview; onClose: () => void; onApplied: (result: RoundTripResult) => void };

/** The diff of an edited Word document, field by field, with the choice of where the changes go. */
export function RoundTripPreviewView({ preview, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const { source } = preview;
  const [target, setTarget] = useState<ApplyTarget>(source.kind === 'course' ? 'overrides' : 'library');
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = preview.changes.filter((c) => changeFits(c, target) && !unticked.has(c.name)).map((c) => c.name);

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      onApplied(await call('roundtrip:apply', { previewId: preview.previewId, as: target, names: chosen }));
    } catch (failure) {
      setError(toAppErrorShape(failure).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="round-trip__preview" aria-labelledby="round-trip-source">
      <h3 id="round-trip-source">{t(`roundTrip.source.${source.kind}`, { variant: t(`roundTrip.source.${source.variant}`), title: source.title })}</h3>
      {source.changedSinceExport && <p className="muted">{t('roundTrip.source.changed', { kind: t(`roundTrip.kind.${source.kind}`) })}</p>}
      <p>
        {t('roundTrip.changes', { count: preview.changes.length })} · {t('roundTrip.unchanged', { count: preview.unchanged })}
      </p>
      {preview.changes.length > 0 && (
        <fieldset className="round-trip__target">
          <legend>{t('roundTrip.target.legend')}</legend>
          {(['overrides', 'library'] as const).map((value) => (
            <div key={value} className="field--inline">
              <input
                id={`round-trip-target-${value}`}
                type="radio"
                name="round-trip-target"
                value={value}
                checked={target === value}
                disabled={value === 'overrides' && source.kind !== 'course'}
                onChange={() => { setTarget(value); }}
              />
              <label htmlFor={`round-trip-target-${value}`}>{t(`roundTrip.target.${value}`)}</label>
            </div>
          ))}
          <p className="muted">{t(target === 'overrides' ? 'roundTrip.target.overridesHelp' : 'roundTrip.target.libraryHelp')}</p>
        </fieldset>
      )}
      {preview.changes.length === 0 ? (
        <p>{t('roundTrip.none')}</p>
      ) : (
        <ul className="round-trip__changes">
          {preview.changes.map((change) => (
            <RoundTripChange
              key={change.name}
              change={change}
              target={target}
              checked={!unticked.has(change.name)}
              onToggle={(checked) => {
                setUnticked((previous) => {
                  const next = new Set(previous);
                  if (checked) next.delete(change.name);
                  else next.add(change.name);
                  return next;
                });
              }}
            />
          ))}
        </ul>
      )}
      {preview.problems.length > 0 && (
        <section className="panel round-trip__problems" aria-labelledby="round-trip-problems">
          <h4 id="round-trip-problems">{t('roundTrip.problems')}</h4>
          <ul>
            {/* A marker name is Latin text inside a sentence that may be Arabic: isolated, it keeps its order. */}
            {preview.problems.map((problem, index) => (
              <li key={`${problem.kind}-${problem.name ?? String(index)}`}>{t(`roundTrip.problem.${problem.kind}`, { name: `\u2068${problem.name ?? ''}\u2069` })}</li>
            ))}
          </ul>
        </section>
      )}
      {error && <p role="alert" className="panel panel--error">{error}</p>}
      <div className="packs__actions">
        {preview.changes.length > 0 && (
          <button type="button" className="button button--primary" disabled={busy || chosen.length === 0} onClick={() => void apply()}>
            {t('roundTrip.apply', { count: chosen.length })}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('roundTrip.cancel')}
        </button>
      </div>
    </section>
  );
}
