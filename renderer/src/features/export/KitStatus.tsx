import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_VARIANTS, type ExportVariant } from '../../../../shared/domain/export/plan';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { ExportFailure } from './ExportFailure';
import { TaskProgress } from './TaskProgress';
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
      const variant = variantOf(state.label);
      const count = Math.round(state.total / STEPS);
      const label = variant
        ? t('export.kit.building', { document: t(`export.variant.${variant}`), index: Math.min(count, Math.floor(state.done / STEPS) + 1), total: count })
        : state.label === 'kit:done'
          ? t('export.kit.finishing')
          : t('export.kit.preparing');
      return <TaskProgress label={label} done={state.done} total={state.total} barLabel={t('export.kit.progress')} percentText={(percent) => t('export.percent', { percent })} />;
    }
    case 'folder':
      return <KitSaved label={t('export.kit.savedIn')} where={state.path} files={state.files} omitted={state.omitted} reveal={state.paths[0]} />;
    case 'downloaded':
      return <KitSaved label={t('export.kit.downloaded')} where={state.fileName} files={state.files} omitted={state.omitted} />;
    case 'not-saved':
      return <p role="status">{t('export.kit.notSaved')}</p>;
    case 'cancelled':
      return <p role="status">{t('export.kit.cancelled')}</p>;
    case 'failed':
      return <ExportFailure error={state.error} />;
  }
}

/** Where a kit went (a folder, or a downloaded .zip), its documents, what was left out and, for a folder, a way to show it. */
function KitSaved({ label, where, files, omitted, reveal }: { label: string; where: string; files: readonly string[]; omitted: Extract<KitJobState, { kind: 'folder' }>['omitted']; reveal?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="export-saved" role="status">
      <p className="ok">
        {label} <bdi dir="ltr" className="path">{where}</bdi>
      </p>
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
      {reveal && <ShowInFolder path={reveal} />}
    </div>
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
