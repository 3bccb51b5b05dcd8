import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { IMPORT_ACTIONS, type ImportAction, type ImportDecision, type PackPreview, type PreviewItem } from '../../../../shared/schemas/pack-import';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RichText } from '../../components/RichText';
import { call } from '../../lib/api';
import { formatDate } from '../../lib/format';

type Props = { preview: PackPreview; onCancel: () => void; onImported: (modules: number, courses: number) => void };

/** Actions that make sense for a module in this state. */
function actionsFor(item: PreviewItem): ImportAction[] {
  if (item.status === 'new') return ['take-theirs', 'keep-mine'];
  if (item.status === 'merge') return ['merge', 'keep-mine', 'take-theirs', 'keep-both'];
  return IMPORT_ACTIONS.filter((a) => a !== 'merge');
}

/** What the pack holds, how each module compares with the library, and the user's choice for each. */
export function PackPreviewView({ preview, onCancel, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const [decisions, setDecisions] = useState<Record<string, ImportDecision>>(() =>
    Object.fromEntries(preview.items.map((item) => [item.moduleId, { action: item.defaultAction }])),
  );
  // The pack's courses that can be imported are chosen unless the user unticks them.
  const [courses, setCourses] = useState<ReadonlySet<string>>(() => new Set(preview.curricula.filter((c) => !c.problem).map((c) => c.curriculumId)));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const writes = preview.items.filter((item) => decisions[item.moduleId]?.action !== 'keep-mine').length;

  function setAction(id: string, action: ImportAction) {
    setDecisions({ ...decisions, [id]: { action } });
  }

  function applyToAll(action: ImportAction) {
    const next = { ...decisions };
    for (const item of preview.items) if (['changed', 'merge', 'update', 'upstream-unchanged'].includes(item.status) && actionsFor(item).includes(action)) next[item.moduleId] = { action };
    setDecisions(next);
  }

  async function importNow() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('pack:import', { previewId: preview.previewId, decisions, curricula: [...courses] });
      onImported(result.written.length, result.curricula.length);
    } catch (error) {
      setFailure(toAppErrorShape(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pack-preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('packs.previewTitle', { title: preview.title })}</h3>
      <p className="muted">{t('packs.from', { publisher: preview.publisher, license: preview.license, date: formatDate(preview.createdAt, i18n.language) })}</p>
      {preview.description && <RichText text={preview.description} />}
      {preview.newReferences > 0 && <p>{t('packs.newReferences', { count: preview.newReferences })}</p>}
      <label className="field field--inline">
        <span>{t('packs.applyAll')}</span>
        <select defaultValue="" onChange={(e) => { if (e.target.value) applyToAll(e.target.value as ImportAction); }}>
          <option value="" />
          {(['keep-mine', 'take-theirs', 'keep-both'] as const).map((a) => <option key={a} value={a}>{t(`packs.actions.${a}`)}</option>)}
        </select>
      </label>
      <table className="table pack-preview__table">
        <thead>
          <tr>
            <th scope="col">{t('packs.module')}</th>
            <th scope="col">{t('packs.statusLabel')}</th>
            <th scope="col">{t('packs.action')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.items.map((item) => (
            <tr key={item.moduleId}>
              <th scope="row">
                <span lang={item.language}>{item.title}</span>
                <div className="muted">{item.moduleId} · r{item.revision}{item.localRevision !== null ? ` (r${item.localRevision})` : ''}</div>
                {item.warnings.map((w) => <p key={w} className="sensitive">{t('packs.warning')}: {w}</p>)}
                {item.changes.length > 0 && (
                  <details>
                    <summary>{t('packs.changes', { count: item.changes.length })}</summary>
                    <ul className="pack-preview__changes">
                      {item.changes.map((c, i) => <li key={`${c.path}-${i}`}>{c.message}</li>)}
                    </ul>
                  </details>
                )}
                {decisions[item.moduleId]?.action === 'merge' && (
                  <MergeFields item={item} decision={decisions[item.moduleId] ?? { action: 'merge' }} onChange={(d) => { setDecisions({ ...decisions, [item.moduleId]: d }); }} />
                )}
              </th>
              <td><span className={`badge badge--${item.status}`}>{t(`packs.status.${item.status}`)}</span></td>
              <td>
                <select aria-label={`${t('packs.action')}: ${item.title}`} value={decisions[item.moduleId]?.action ?? item.defaultAction} onChange={(e) => { setAction(item.moduleId, e.target.value as ImportAction); }}>
                  {actionsFor(item).map((a) => <option key={a} value={a}>{t(`packs.actions.${a}`)}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.curricula.length > 0 && (
        <fieldset className="pack-preview__courses">
          <legend>{t('packs.courses.title')}</legend>
          <p className="muted">{t('packs.courses.help')}</p>
          {preview.curricula.map((course) => (
            <div key={course.curriculumId} className="pack-preview__course">
              <label>
                <input
                  type="checkbox"
                  disabled={course.problem !== undefined}
                  checked={courses.has(course.curriculumId)}
                  onChange={(e) => {
                    const next = new Set(courses);
                    if (e.target.checked) next.add(course.curriculumId);
                    else next.delete(course.curriculumId);
                    setCourses(next);
                  }}
                />{' '}
                <span lang={course.language}>{course.title}</span>
              </label>{' '}
              <span className="muted">{t('packs.courses.facts', { modules: course.modules, id: course.importAs })}</span>
              {course.problem && <p className="sensitive">{t('packs.courses.cannot', { problem: course.problem })}</p>}
            </div>
          ))}
        </fieldset>
      )}
      {failure && <ErrorMessage error={failure} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>{t('packs.cancel')}</button>
        <button type="button" className="button button--primary" disabled={busy || (writes === 0 && courses.size === 0)} onClick={() => void importNow()}>
          {busy ? t('packs.importing') : writes === 0 ? t('packs.courses.importOnly') : t('packs.import', { count: writes })}
        </button>
      </div>
    </div>
  );
}

function MergeFields({ item, decision, onChange }: { item: PreviewItem; decision: ImportDecision; onChange: (d: ImportDecision) => void }) {
  const { t } = useTranslation();
  const changed = item.fields.filter((f) => f.source !== 'unchanged');
  return (
    <fieldset className="merge-fields">
      <legend>{t('packs.mergeHelp')}</legend>
      <ul>
        {changed.map((field) => (
          <li key={field.key}>
            <strong>{field.label}</strong>: {t(`packs.fieldSource.${field.source}`)}
            {field.source === 'conflict' && (
              <span className="merge-fields__choice">
                {(['mine', 'theirs'] as const).map((side) => (
                  <label key={side}>
                    <input
                      type="radio"
                      name={`${item.moduleId}-${field.key}`}
                      checked={(decision.fields?.[field.key] ?? 'mine') === side}
                      onChange={() => { onChange({ action: 'merge', fields: { ...decision.fields, [field.key]: side } }); }}
                    />{' '}
                    {t(`packs.${side}`)}
                  </label>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
