import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { saveOrDownload } from '../../lib/incoming-packs';
import { useApi } from '../../lib/use-api';

/** Choose modules, describe the pack, save it (a save dialog in the desktop app, a download in a browser). */
export function ExportPanel() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [modules] = useApi(() => call('library:list', { sort: 'title', ...(filter.trim() ? { text: filter } : {}) }), filter);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [curricula] = useApi(() => call('curriculum:list'));
  const [curriculumId, setCurriculumId] = useState('');
  const [meta, setMeta] = useState({ title: '', publisher: '', license: 'CC BY 4.0', description: '', contact: '' });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  async function save() {
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const pack = await call('pack:export', {
        moduleIds: [...chosen],
        ...(curriculumId ? { curriculumId } : {}),
        title: meta.title,
        publisher: meta.publisher,
        license: meta.license,
        description: meta.description,
        ...(meta.contact.trim() ? { contact: meta.contact } : {}),
      });
      const file = await saveOrDownload(pack.fileName, pack.bytesBase64, () => call('app:save-file', { fileName: pack.fileName, bytesBase64: pack.bytesBase64 }));
      if (file) setDone(t('packs.exported', { file, count: pack.modules }));
    } catch (error) {
      setFailure(toAppErrorShape(error));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof meta, label: string, multiline = false) => (
    <label className="field">
      <span className="field__label">{label}</span>
      {multiline ? (
        <textarea rows={2} value={meta[key]} onChange={(e) => { setMeta({ ...meta, [key]: e.target.value }); }} />
      ) : (
        <input value={meta[key]} onChange={(e) => { setMeta({ ...meta, [key]: e.target.value }); }} />
      )}
    </label>
  );

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('packs.exportTitle')}</h2>
      <p className="muted">{t('packs.exportHelp')}</p>
      <div className="packs__export">
        <fieldset className="packs__picker">
          <legend>{t('packs.selected', { count: chosen.size })}</legend>
          <input type="search" aria-label={t('packs.filter')} placeholder={t('packs.filter')} value={filter} onChange={(e) => { setFilter(e.target.value); }} />
          <div className="packs__list">
            {modules.state === 'ready' &&
              modules.value.modules.map((m) => (
                <label key={m.id} className="facets__option">
                  <input
                    type="checkbox"
                    checked={chosen.has(m.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(m.id);
                      else next.delete(m.id);
                      setChosen(next);
                    }}
                  />
                  <span lang={m.language} dir="auto">
                    {m.title}
                  </span>
                  <span className="facets__count">{m.language}</span>
                </label>
              ))}
          </div>
        </fieldset>
        <div className="packs__meta">
          <label className="field">
            <span className="field__label">{t('packs.curriculum')}</span>
            <select
              value={curriculumId}
              onChange={(e) => {
                setCurriculumId(e.target.value);
              }}
            >
              <option value="">{t('packs.noCurriculum')}</option>
              {curricula.state === 'ready' &&
                curricula.value.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
            </select>
          </label>
          {field('title', t('packs.packTitle'))}
          {field('publisher', t('packs.publisher'))}
          {field('license', t('packs.license'))}
          {field('contact', t('packs.contact'))}
          {field('description', t('packs.description'), true)}
          <button
            type="button"
            className="button button--primary"
            disabled={busy || (chosen.size === 0 && !curriculumId) || !meta.title.trim() || !meta.publisher.trim() || !meta.license.trim()}
            onClick={() => void save()}
          >
            {busy ? t('packs.exporting') : t('packs.export')}
          </button>
          {done && <p role="status" className="ok">{done}</p>}
          {failure && <ErrorMessage error={failure} />}
        </div>
      </div>
    </section>
  );
}
