import { useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { diffModules } from '../../../../../shared/domain/curriculum/module-diff';
import type { ModuleItem } from '../../../../../shared/schemas/curriculum';
import type { Module } from '../../../../../shared/schemas/module';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { call } from '../../../lib/api';
import { useApi } from '../../../lib/use-api';
import type { PanelProps } from '../composer-types';
import { ModuleChangeList } from './ModuleChangeList';
import { keepVersion, overridesToReview, takeUpdate } from './take-update';
import { useModal } from './use-modal';
import './panels.css';

type DialogProps = { item: ModuleItem; props: PanelProps; onClose: () => void };

/**
 * What changed in the library's version of a module since the course took it, and the choice: take the
 * update (local changes kept where their lesson still exists) or keep the course's copy. Modal: focus is
 * trapped inside, Escape keeps the copy.
 */
export function UpdateDiffDialog({ item, props, onClose }: DialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [detail] = useApi(() => call('library:get', { id: item.moduleId }), item.moduleId);
  useModal(dialog, onClose);

  return (
    <div className="overlay">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`} className="dialog diff-dialog" tabIndex={-1}>
        <h2 id={`${id}-title`}>{t('composerPanels.diff.title', { module: item.snapshot.title })}</h2>
        {detail.state === 'loading' && <p id={`${id}-intro`} role="status">{t('app.loading')}</p>}
        {detail.state === 'error' && (
          <div id={`${id}-intro`}>
            <ErrorMessage error={detail.error} />
          </div>
        )}
        {detail.state === 'ready' && <UpdateChoice item={item} current={detail.value.module} props={props} introId={`${id}-intro`} onClose={onClose} />}
        {detail.state !== 'ready' && (
          <div className="cp-dialog-actions">
            <button type="button" className="button" onClick={onClose}>{t('composerPanels.diff.close')}</button>
          </div>
        )}
      </div>
    </div>
  );
}

/** Split out so that the diff is computed only once the library's version is there. */
function UpdateChoice({ item, current, props, introId, onClose }: { item: ModuleItem; current: Module; props: PanelProps; introId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { library, references } = props;
  const changes = useMemo(() => diffModules(item.snapshot, current), [item.snapshot, current]);
  const taken = useMemo(() => takeUpdate(item, current), [item, current]);
  const review = useMemo(() => overridesToReview(item, changes), [item, changes]);
  const context = useMemo(() => {
    const names = new Map(references.map((r) => [r.id, r.shortName]));
    return { moduleTitle: (moduleId: string) => library.get(moduleId)?.title ?? moduleId, referenceName: (refId: string) => names.get(refId) ?? refId };
  }, [library, references]);
  const newer = current.revision > item.revision;

  const take = () => {
    props.change(t('composerPanels.diff.takeLabel', { module: item.snapshot.title, revision: current.revision }), (course) => ({
      ...course,
      items: course.items.map((i) => (i.id === item.id && i.kind === 'module' ? takeUpdate(i, current).item : i)),
    }));
    onClose();
  };
  // Keeping is a decision too: remembered with the item (and undoable), so the badge says so after a reload.
  const keep = () => {
    if (newer && item.keptRevision !== current.revision)
      props.change(t('composerPanels.diff.keepLabel', { module: item.snapshot.title, revision: current.revision }), (course) => ({
        ...course,
        items: course.items.map((i) => (i.id === item.id && i.kind === 'module' ? keepVersion(i, current.revision) : i)),
      }));
    onClose();
  };

  return (
    <>
      <p id={introId}>
        {newer
          ? t('composerPanels.diff.intro', { from: item.revision, to: current.revision })
          : t('composerPanels.diff.upToDate', { revision: item.revision })}
      </p>
      {newer && changes.length === 0 && <p>{t('composerPanels.diff.noChanges')}</p>}
      {changes.length > 0 && (
        <>
          <h3>{t('composerPanels.diff.changes', { count: changes.length })}</h3>
          <ModuleChangeList changes={changes} before={item.snapshot} after={current} context={context} />
        </>
      )}
      {newer && taken.dropped.length > 0 && (
        <div className="cp-note cp-note--warn" role="note">
          <p>{t('composerPanels.diff.dropped', { count: taken.dropped.length })}</p>
          <ul>
            {taken.dropped.map((d) => (
              <li key={`${d.lessonCode}/${String(d.step ?? '')}`}>
                {d.step === undefined
                  ? t('composerPanels.diff.droppedLesson', { code: d.lessonCode })
                  : t('composerPanels.diff.droppedStep', { code: d.lessonCode, step: d.step + 1 })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {newer && review.length > 0 && (
        <p className="cp-note">{t('composerPanels.diff.review', { lessons: review.join(', ') })}</p>
      )}
      <div className="cp-dialog-actions">
        <button type="button" className="button" onClick={keep}>{t('composerPanels.diff.keep')}</button>
        {newer && (
          <button type="button" className="button button--primary" onClick={take}>{t('composerPanels.diff.take')}</button>
        )}
      </div>
    </>
  );
}
