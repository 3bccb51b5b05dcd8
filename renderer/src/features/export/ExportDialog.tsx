import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportOptions, ExportVariant, PaperSize } from '../../../../shared/domain/export/plan';
import type { ExportRequest, ExportTarget } from '../../../../shared/schemas/export';
import { ExportOptionsFields } from './ExportOptionsFields';
import { ExportStatus } from './ExportStatus';
import { KitStatus } from './KitStatus';
import { useExportJob } from './use-export-job';
import { useKitJob } from './use-kit-job';
import { useModal } from './use-modal';
import './export.css';

/** Props of {@link ExportDialog}. */
export type ExportDialogProps = {
  /** What to export: a curriculum, a library module, or one lesson of a module. */
  target: ExportTarget;
  defaultVariant?: ExportVariant;
  defaultPaper?: PaperSize;
  onClose: () => void;
  /** Shown as a "Print preview" button when given; the parent decides where the preview lives. */
  onPreview?: (request: ExportRequest) => void;
};

/**
 * Export to Word: choose the document and the paper, follow the progress (cancellable), then save the file
 * (a save dialog in the desktop app, a download in the browser) and open it or its folder. For a curriculum,
 * "Export trainer kit" makes every document of the course at once (a folder, or one .zip in the browser).
 */
export function ExportDialog({ target, defaultVariant = 'full', defaultPaper = 'a4', onClose, onPreview }: ExportDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [options, setOptions] = useState<ExportOptions>({ variant: defaultVariant, paper: defaultPaper, annexes: true });
  const job = useExportJob();
  const kit = useKitJob();
  const kitRef = useRef<HTMLButtonElement>(null);
  /** The status area shows the job started last. */
  const [shown, setShown] = useState<'document' | 'kit'>('document');
  const kitRunning = kit.state.kind === 'running';
  const busy = job.state.kind === 'running' || job.state.kind === 'saving' || kitRunning;
  const request: ExportRequest = { target, ...options };
  useModal(dialogRef, onClose);

  // The kit's trigger stays focusable while it runs (a disabled button would drop the focus to the page);
  // when the kit ends, by itself or by "Cancel", the focus goes back to it.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !kitRunning) kitRef.current?.focus();
    wasRunning.current = kitRunning;
  }, [kitRunning]);

  return (
    <div className="overlay">
      <div ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby="export-dialog-title" aria-describedby="export-dialog-target" className="dialog export-dialog" tabIndex={-1}>
        <h2 id="export-dialog-title">{t('export.title')}</h2>
        <p id="export-dialog-target" className="muted">
          {target.kind === 'lesson' ? t('export.target.lesson', { number: target.lessonIndex + 1 }) : t(`export.target.${target.kind}`)}
        </p>
        <ExportOptionsFields value={options} onChange={setOptions} disabled={busy} />
        {target.kind === 'curriculum' && (
          <p id="export-dialog-kit-help" className="muted export-dialog__kit-help">
            {t('export.kit.help')}
          </p>
        )}
        <div className="export-dialog__status" aria-live="polite">
          {shown === 'kit' ? <KitStatus state={kit.state} /> : <ExportStatus state={job.state} />}
        </div>
        <div className="dialog__actions">
          {onPreview && (
            <button
              type="button"
              className="button export-dialog__preview"
              disabled={busy}
              onClick={() => {
                onPreview(request);
              }}
            >
              {t('export.preview')}
            </button>
          )}
          {target.kind === 'curriculum' && (
            <button
              ref={kitRef}
              type="button"
              className="button export-dialog__kit"
              aria-disabled={busy}
              aria-describedby="export-dialog-kit-help"
              onClick={() => {
                if (busy) return;
                setShown('kit');
                void kit.start(target.id, options.paper);
              }}
            >
              {t('export.kit.action')}
            </button>
          )}
          <span className="export-dialog__spacer" />
          {kitRunning ? (
            <button type="button" className="button" onClick={kit.cancel}>
              {t('export.kit.cancel')}
            </button>
          ) : job.state.kind === 'running' ? (
            <button type="button" className="button" onClick={job.cancel}>
              {t('export.cancel')}
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={onClose}>
              {t('export.close')}
            </button>
          )}
          {/* aria-disabled rather than disabled while it runs: a disabled button drops the focus to the page, and
              keyboard users would have to find their way back into the dialog after each export. */}
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (busy) return;
              setShown('document');
              void job.start(request);
            }}
          >
            {t('export.export')}
          </button>
        </div>
      </div>
    </div>
  );
}
