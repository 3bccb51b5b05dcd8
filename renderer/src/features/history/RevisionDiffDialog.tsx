import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../shared/schemas/sync';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { isolate } from '../../lib/bidi';
import { useApi } from '../../lib/use-api';
import { Modal } from '../curricula/Modal';
import { FieldValueView } from '../packs/FieldValueView';
import { labelFor } from '../sync/field-labels';
import '../packs/pack-preview.css';
import { revisionLine, whichKey, type HistoryWhich } from './revision-words';

type Props = {
  which: HistoryWhich;
  title: string;
  entries: readonly HistoryEntry[];
  /** The older version's commit. */
  from: string;
  /** The newer version's commit; null: the version in this library now. */
  to: string | null;
  onClose: () => void;
};

const CURRENT = 'current';

/**
 * The fields that differ between two versions of a module or course, each before and after, shown as a pack
 * preview shows content (the entries the other version lacks marked). Either end can be changed in place.
 */
export function RevisionDiffDialog({ which, title, entries, from: initialFrom, to: initialTo, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState<string | null>(initialTo);
  const [diff] = useApi(() => call('history:diff', { ...which, from, ...(to ? { to } : {}) }), `${whichKey(which)}:${from}:${to ?? CURRENT}`);
  const labelOf = labelFor('module' in which ? 'module' : 'course', t, (key) => i18n.exists(key));
  const options = entries.filter((entry) => entry.change !== 'deleted');
  const line = (entry: HistoryEntry) => revisionLine(entry, t, i18n.language);
  const fromEntry = entries.find((e) => e.commit === from);
  const toEntry = to ? entries.find((e) => e.commit === to) : undefined;

  return (
    <Modal labelledBy={`${id}-title`} className="revision-dialog" onClose={onClose}>
      <h2 id={`${id}-title`}>{t('revisions.diff.title', { title: isolate(title) })}</h2>
      <div className="revision-diff__range">
        <label className="field">
          <span className="field__label">{t('revisions.diff.from')}</span>
          <select value={from} onChange={(e) => { setFrom(e.target.value); }}>
            {options.map((entry) => <option key={entry.commit} value={entry.commit}>{line(entry)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('revisions.diff.to')}</span>
          <select value={to ?? CURRENT} onChange={(e) => { setTo(e.target.value === CURRENT ? null : e.target.value); }}>
            <option value={CURRENT}>{t('revisions.current')}</option>
            {options.map((entry) => <option key={entry.commit} value={entry.commit}>{line(entry)}</option>)}
          </select>
        </label>
      </div>
      {diff.state === 'loading' && <p role="status" className="muted">{t('app.loading')}</p>}
      {diff.state === 'error' && <ErrorMessage error={diff.error} />}
      {diff.state === 'ready' && diff.value.fields.length === 0 && <p role="status">{t('revisions.diff.same')}</p>}
      {diff.state === 'ready' && diff.value.fields.length > 0 && (
        <div className="pack-fields" role="group" aria-label={t('revisions.diff.fields', { count: diff.value.fields.length })}>
          {diff.value.fields.map((field) => {
            const label = labelOf(field.key);
            return (
              // Groups, not regions: the page under the dialog has landmarks of the same names ("Summary").
              <section key={field.key} className="pack-field pack-field--theirs" role="group" aria-label={label}>
                <h3 className="pack-field__name">{label}</h3>
                <dl className="pack-field__versions">
                  <div className="pack-field__version pack-field__version--base">
                    <dt>{t('revisions.diff.before', { version: fromEntry ? line(fromEntry) : line(diff.value.from) })}</dt>
                    <dd dir="auto"><FieldValueView value={field.before} /></dd>
                  </div>
                  <div className="pack-field__version">
                    <dt>{toEntry ? t('revisions.diff.after', { version: line(toEntry) }) : t('revisions.current')}</dt>
                    <dd dir="auto"><FieldValueView value={field.after} compareTo={field.before} /></dd>
                  </div>
                </dl>
              </section>
            );
          })}
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>{t('revisions.close')}</button>
      </div>
    </Modal>
  );
}
