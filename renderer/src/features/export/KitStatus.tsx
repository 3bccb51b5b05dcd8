import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_VARIANTS, type ExportVariant } from '../../../../shared/domain/export/plan';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { ExportFailure } from './ExportFailure';
import type { KitJobState } from './use-kit-job';

/** Progress units per document, as the back end counts them (kit-job.ts). */
const STEPS = 100;

function variantOf(label: string | undefined): ExportVariant | undefined {
  const name = label?.startsWith('kit:') ? label.slice(4) : undefined;
  return EXPORT_VARIANTS.find((v) => v === name);
}

/** Where the trainer kit stands: one bar over all its documents, then where it went and what it holds. */
export function KitStatus({ state }: { state: KitJobState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'running': {
      const percent = state.total > 0 ? Math.min(100, Math.round((100 * state.done) / state.total)) : null;
      const variant = variantOf(state.label);
      const count = Math.round(state.total / STEPS);
      const label = variant
        ? t('export.kit.building', { document: t(`export.variant.${variant}`), index: Math.min(count, Math.floor(state.done / STEPS) + 1), total: count })
        : state.label === 'kit:done'
          ? t('export.kit.finishing')
          : t('export.kit.preparing');
      return (
        <div className="export-progress" role="status">
          <span className="export-progress__label">{label}</span>
          <progress max={100} {...(percent === null ? {} : { value: percent })} aria-label={t('export.kit.progress')} />
          {percent !== null && <span className="export-progress__percent">{t('export.percent', { percent })}</span>}
        </div>
      );
    }
    case 'folder':
      return (
        <div className="export-saved" role="status">
          <p className="ok">
            {t('export.kit.savedIn')} <bdi dir="ltr" className="path">{state.path}</bdi>
          </p>
          <KitFiles files={state.files} omitted={state.omitted} />
          {state.paths[0] && <ShowInFolder path={state.paths[0]} />}
        </div>
      );
    case 'downloaded':
      return (
        <div className="export-saved" role="status">
          <p className="ok">
            {t('export.kit.downloaded')} <bdi dir="ltr" className="path">{state.fileName}</bdi>
          </p>
          <KitFiles files={state.files} omitted={state.omitted} />
        </div>
      );
    case 'not-saved':
      return <p role="status">{t('export.kit.notSaved')}</p>;
    case 'cancelled':
      return <p role="status">{t('export.kit.cancelled')}</p>;
    case 'failed':
      return <ExportFailure error={state.error} />;
  }
}

function KitFiles({ files, omitted }: { files: readonly string[]; omitted: Extract<KitJobState, { kind: 'folder' }>['omitted'] }) {
  const { t } = useTranslation();
  return (
    <>
      <details className="export-kit__files">
        <summary>{t('export.kit.documents', { count: files.length })}</summary>
        <ul>
          {files.map((file) => (
            <li key={file}>
              <bdi dir="ltr" className="path">{file}</bdi>
            </li>
          ))}
        </ul>
      </details>
      {omitted.length > 0 && (
        <p className="muted">
          {t('export.kit.leftOut', {
            documents: omitted.map((o) => t(`export.kit.omission.${o.reason}`, { document: t(`export.variant.${o.variant}`) })).join(t('export.kit.listSeparator')),
          })}
        </p>
      )}
    </>
  );
}

/** The folder of a written kit, in the file manager (the desktop app allows it for files it wrote this session). */
function ShowInFolder({ path }: { path: string }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  return (
    <div className="export-saved__actions">
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setFailure(null);
          call('app:reveal-file', { path, action: 'folder' }).catch((error: unknown) => {
            setFailure(toAppErrorShape(error));
          });
        }}
      >
        {t('export.showInFolder')}
      </button>
      {failure && <ErrorMessage error={failure} />}
    </div>
  );
}
