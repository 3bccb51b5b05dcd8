import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRequest } from '../../../../shared/schemas/export';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { ExportDialog } from './ExportDialog';
import { ExportFailure } from './ExportFailure';
import { PlanDocument } from './PlanDocument';
import { PreviewToolbar } from './PreviewToolbar';
import { usePrintPreviewMode } from './use-print-preview-mode';
import './export.css';

/** Props of {@link PrintPreviewPage}. */
export type PrintPreviewPageProps = {
  /** The document to preview. The page keeps its own copy; remount it (key) to show another target. */
  request: ExportRequest;
  /** Told when the user picks another document or paper, e.g. to keep the choice in the URL. */
  onRequestChange?: (request: ExportRequest) => void;
  /** Where "Back" goes; the browser history by default. */
  onBack?: () => void;
};

/**
 * The print preview: the same plan the .docx is made from, as HTML, with a toolbar to change the document
 * or paper, print it (or save it as PDF from the print dialog), or export it to Word.
 */
export function PrintPreviewPage({ request, onRequestChange, onBack }: PrintPreviewPageProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(request);
  const [exporting, setExporting] = useState(false);
  const [plan] = useApi(() => call('export:plan', current), JSON.stringify(current));
  usePrintPreviewMode();

  return (
    <div className="export-preview">
      <PreviewToolbar
        request={current}
        canPrint={plan.state === 'ready'}
        onChange={(next) => {
          setCurrent(next);
          onRequestChange?.(next);
        }}
        onPrint={() => {
          window.print();
        }}
        onExport={() => {
          setExporting(true);
        }}
        onBack={
          onBack ??
          (() => {
            window.history.back();
          })
        }
      />
      {plan.state === 'loading' && <p className="muted">{t('export.loadingPreview')}</p>}
      {plan.state === 'error' && <ExportFailure error={plan.error} />}
      {plan.state === 'ready' && <PlanDocument plan={plan.value} />}
      {exporting && (
        <ExportDialog
          target={current.target}
          defaultVariant={current.variant}
          defaultPaper={current.paper}
          onClose={() => {
            setExporting(false);
          }}
        />
      )}
    </div>
  );
}
