import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChoice } from '../../../../shared/domain/packs/three-way';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { IMPORT_ACTIONS, type ImportAction, type ImportDecision, type ImportResult, type PackPreview, type PreviewItem } from '../../../../shared/schemas/pack-import';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RichText } from '../../components/RichText';
import { call } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { FieldComparisons } from './FieldComparisons';
import { PackCourses } from './PackCourses';
import './pack-preview.css';

type Props = { preview: PackPreview; onCancel: () => void; onImported: (result: ImportResult) => void };

/** Actions that make sense for a module in this state. */
function actionsFor(item: PreviewItem): ImportAction[] {
  if (item.status === 'new') return ['take-theirs', 'keep-mine'];
  if (item.status === 'merge') return ['merge', 'keep-mine', 'take-theirs', 'keep-both'];
  return IMPORT_ACTIONS.filter((a) => a !== 'merge');
}

const with_ = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): Map<K, V> => new Map(map).set(key, value);
const toggled = <T,>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> => {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
};

/** What the pack holds, how each module compares with the library (field by field, as content), and the user's choices. */
export function PackPreviewView({ preview, onCancel, onImported }: Props) {
  const { t, i18n } = useTranslation();
  // Keyed by module id, which comes from the pack: a Map, never a plain object.
  const [decisions, setDecisions] = useState<ReadonlyMap<string, ImportDecision>>(() => new Map(preview.items.map((item) => [item.moduleId, { action: item.defaultAction }])));
  // The pack's courses that can be imported are chosen unless the user unticks them.
  const [courses, setCourses] = useState<ReadonlySet<string>>(() => new Set(preview.curricula.filter((c) => c.problem === undefined).map((c) => c.curriculumId)));
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const actionOf = (item: PreviewItem): ImportAction => decisions.get(item.moduleId)?.action ?? item.defaultAction;
  const writes = preview.items.filter((item) => actionOf(item) !== 'keep-mine').length;
  const blocking = preview.curricula.filter((c) => c.problem !== undefined && !leftOut.has(c.curriculumId));

  function applyToAll(action: ImportAction) {
    let next = new Map(decisions);
    for (const item of preview.items) {
      if (['changed', 'merge', 'update', 'upstream-unchanged'].includes(item.status) && actionsFor(item).includes(action)) next = with_(next, item.moduleId, { action });
    }
    setDecisions(next);
  }

  function choose(item: PreviewItem, key: string, side: FieldChoice) {
    const fields = { ...decisions.get(item.moduleId)?.fields, [key]: side };
    setDecisions(with_(decisions, item.moduleId, { action: 'merge', fields }));
  }

  async function importNow() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('pack:import', {
        previewId: preview.previewId,
        decisions: Object.fromEntries(decisions),
        curricula: [...courses],
        ...(leftOut.size > 0 ? { leaveOut: [...leftOut] } : {}),
      });
      onImported(result);
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
      {preview.description && (
        // The partner's own words, in whatever language they wrote them.
        <div dir="auto">
          <RichText text={preview.description} />
        </div>
      )}
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
          {preview.items.map((item) => {
            const action = actionOf(item);
            const decision = decisions.get(item.moduleId);
            const conflicts = item.fields.filter((f) => f.source === 'conflict').length;
            return (
              <Fragment key={item.moduleId}>
                <tr className="pack-preview__module">
                  <th scope="row">
                    <span lang={item.language} dir={item.language === 'ar' ? 'rtl' : 'ltr'}>{item.title}</span>
                    <div className="muted">
                      <span dir="ltr">{item.moduleId}</span> ·{' '}
                      <span>
                        {item.localRevision === null
                          ? t('packPreview.revisionNew', { revision: item.revision })
                          : t('packPreview.revision', { revision: item.revision, local: item.localRevision })}
                      </span>
                    </div>
                    {item.warnings.map((w) => <p key={w} className="sensitive">{t('packs.warning')}: {w}</p>)}
                  </th>
                  <td><span className={`badge badge--${item.status}`}>{t(`packs.status.${item.status}`)}</span></td>
                  <td>
                    <select aria-label={`${t('packs.action')}: ${item.title}`} value={action} onChange={(e) => { setDecisions(with_(decisions, item.moduleId, { action: e.target.value as ImportAction })); }}>
                      {actionsFor(item).map((a) => <option key={a} value={a}>{t(`packs.actions.${a}`)}</option>)}
                    </select>
                  </td>
                </tr>
                {item.fields.length > 0 && (
                  <tr className="pack-preview__detail">
                    <td colSpan={3}>
                      <details open={action === 'merge' && conflicts > 0}>
                        <summary>
                          {t('packPreview.showFields', { count: item.fields.length, title: item.title })}
                          {action === 'merge' && conflicts > 0 && <> · {t('packPreview.conflicts', { count: conflicts })}</>}
                        </summary>
                        {action === 'merge' && <p className="muted">{t('packs.mergeHelp')}</p>}
                        <FieldComparisons
                          moduleId={item.moduleId}
                          language={item.language}
                          fields={item.fields}
                          merge={action === 'merge' ? { choices: new Map(Object.entries(decision?.fields ?? {})), onChoose: (key, side) => { choose(item, key, side); } } : null}
                        />
                      </details>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <PackCourses
        curricula={preview.curricula}
        chosen={courses}
        leftOut={leftOut}
        onChoose={(id, on) => { setCourses(toggled(courses, id, on)); }}
        onLeaveOut={(id, on) => { setLeftOut(toggled(leftOut, id, on)); }}
      />
      {blocking.length > 0 && <p role="status" className="sensitive">{t('packPreview.blocked', { count: blocking.length })}</p>}
      {failure && <ErrorMessage error={failure} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>{t('packs.cancel')}</button>
        <button type="button" className="button button--primary" disabled={busy || blocking.length > 0} onClick={() => void importNow()}>
          {busy
            ? t('packs.importing')
            : writes === 0 && courses.size === 0
              ? t('packPreview.nothingToImport')
              : writes === 0
                ? t('packs.courses.importOnly')
                : t('packs.import', { count: writes })}
        </button>
      </div>
    </div>
  );
}
