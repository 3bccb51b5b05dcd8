import { useTranslation } from 'react-i18next';
import { EXPORT_VARIANTS, PAPER_SIZES, type ExportVariant, type PaperSize } from '../../../../shared/domain/export/plan';
import type { ExportRequest } from '../../../../shared/schemas/export';

/** The preview's controls (hidden when printing): document and paper, print, export, back. */
export function PreviewToolbar({
  request,
  onChange,
  onPrint,
  onExport,
  onBack,
  canPrint,
}: {
  request: ExportRequest;
  onChange: (next: ExportRequest) => void;
  onPrint: () => void;
  onExport: () => void;
  onBack: () => void;
  canPrint: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="export-toolbar" role="group" aria-labelledby="preview-title">
      <button type="button" className="button button--small" onClick={onBack}>
        {t('export.back')}
      </button>
      <h1 id="preview-title" className="export-toolbar__title">
        {t('export.previewTitle')}
      </h1>
      <label className="export-toolbar__field">
        <span>{t('export.document')}</span>
        <select
          value={request.variant}
          onChange={(e) => {
            onChange({ ...request, variant: e.target.value as ExportVariant });
          }}
        >
          {EXPORT_VARIANTS.map((variant) => (
            <option key={variant} value={variant}>
              {t(`export.variant.${variant}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="export-toolbar__field">
        <span>{t('export.paper')}</span>
        <select
          value={request.paper}
          onChange={(e) => {
            onChange({ ...request, paper: e.target.value as PaperSize });
          }}
        >
          {PAPER_SIZES.map((paper) => (
            <option key={paper} value={paper}>
              {t(`export.paperSize.${paper}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="export-toolbar__check">
        <input
          type="checkbox"
          checked={request.annexes}
          onChange={(e) => {
            onChange({ ...request, annexes: e.target.checked });
          }}
        />
        <span>{t('export.annexesShort')}</span>
      </label>
      <span className="export-toolbar__spacer" />
      <button type="button" className="button" disabled={!canPrint} onClick={onPrint}>
        {t('export.print')}
      </button>
      <button type="button" className="button button--primary" onClick={onExport}>
        {t('export.exportWord')}
      </button>
    </div>
  );
}
