import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { ExportFailure } from './ExportFailure';
import { TaskProgress } from './TaskProgress';
import type { ExportJobState } from './use-export-job';

/** What the export is doing now, and once the file is saved, the ways to open it. */
export function ExportStatus({ state }: { state: ExportJobState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'running':
      return <TaskProgress label={state.label ?? t('export.preparing')} done={state.done} total={state.total} barLabel={t('export.progress')} percentText={(percent) => t('export.percent', { percent })} />;
    case 'saving':
      return <p role="status">{t('export.saving')}</p>;
    case 'saved':
      return state.path ? <SavedFile path={state.path} /> : <FileLine label={t('export.saved')} file={state.fileName} />;
    case 'downloaded':
      return <FileLine label={t('export.downloaded')} file={state.fileName} />;
    case 'not-saved':
      return <p role="status">{t('export.notSaved')}</p>;
    case 'cancelled':
      return <p role="status">{t('export.cancelled')}</p>;
    case 'failed':
      return <ExportFailure error={state.error} />;
  }
}

/** File names and paths are left-to-right whatever the interface language: isolated so they do not reorder. */
function FileLine({ label, file }: { label: string; file: string }) {
  return (
    <p role="status" className="ok">
      {label} <bdi dir="ltr" className="path">{file}</bdi>
    </p>
  );
}

/** A saved file: where it is, and buttons to open it or show it in the file manager. */
function SavedFile({ path }: { path: string }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  async function reveal(action: 'open' | 'folder') {
    setFailure(null);
    try {
      await call('app:reveal-file', { path, action });
    } catch (error) {
      setFailure(toAppErrorShape(error));
    }
  }

  return (
    <div className="export-saved">
      <FileLine label={t('export.saved')} file={path} />
      <div className="export-saved__actions">
        <button type="button" className="button button--small" onClick={() => void reveal('open')}>
          {t('export.openFile')}
        </button>
        <button type="button" className="button button--small" onClick={() => void reveal('folder')}>
          {t('export.showInFolder')}
        </button>
      </div>
      {failure && <ErrorMessage error={failure} />}
    </div>
  );
}
