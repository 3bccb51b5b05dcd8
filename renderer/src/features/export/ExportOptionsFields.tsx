import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_VARIANTS, PAPER_SIZES, type ExportOptions } from '../../../../shared/domain/export/plan';

/** The choices of one export: which document, which paper, with or without annexes. */
export function ExportOptionsFields({ value, onChange, disabled = false }: { value: ExportOptions; onChange: (next: ExportOptions) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div className="export-options">
      <fieldset className="export-options__group" disabled={disabled}>
        <legend>{t('export.document')}</legend>
        <div className="export-options__variants">
          {EXPORT_VARIANTS.map((variant) => (
            <label key={variant} className="export-options__choice">
              <input
                type="radio"
                name={`${name}-variant`}
                value={variant}
                checked={value.variant === variant}
                onChange={() => {
                  onChange({ ...value, variant });
                }}
              />
              <span>
                <span className="export-options__name">{t(`export.variant.${variant}`)}</span>
                <span className="export-options__hint muted">{t(`export.variantHelp.${variant}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="export-options__group" disabled={disabled}>
        <legend>{t('export.paper')}</legend>
        {PAPER_SIZES.map((paper) => (
          <label key={paper} className="export-options__choice export-options__choice--inline">
            <input
              type="radio"
              name={`${name}-paper`}
              value={paper}
              checked={value.paper === paper}
              onChange={() => {
                onChange({ ...value, paper });
              }}
            />
            <span>{t(`export.paperSize.${paper}`)}</span>
          </label>
        ))}
        <label className="export-options__choice">
          <input
            type="checkbox"
            checked={value.annexes}
            onChange={(e) => {
              onChange({ ...value, annexes: e.target.checked });
            }}
          />
          <span>{t('export.annexes')}</span>
        </label>
      </fieldset>
    </div>
  );
}
