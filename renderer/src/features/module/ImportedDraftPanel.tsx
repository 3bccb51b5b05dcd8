import { useTranslation } from 'react-i18next';
import { importChecks } from '../../../../shared/domain/word-import/import-checks';
import type { Module } from '../../../../shared/schemas/module';
import { formatDate } from '../../lib/format';
import { checkLesson } from '../word-import/check-where';

/** A module imported from Word: where it came from and what still needs completing. */
export function ImportedDraftPanel({ module }: { module: Module }) {
  const { t, i18n } = useTranslation();
  const source = module.provenance.sourceDocument;
  if (!source) return null;
  const checks = importChecks(module);
  return (
    <section className={checks.length > 0 ? 'panel panel--warn' : 'panel panel--notice'} aria-label={t('wordImport.fromWord')} role="note">
      <p>
        {t(source.draft ? 'wordImport.draftFrom' : 'wordImport.importedFrom', { file: source.fileName, date: formatDate(source.importedAt, i18n.language) })}
      </p>
      {checks.length > 0 ? (
        <details>
          <summary>{t('wordImport.toCheckCount', { count: checks.length })}</summary>
          <ul>
            {checks.map((check, index) => (
              <li key={`${check.path}-${String(index)}`}>
                {checkLesson(module, check.path) !== null && <strong>{checkLesson(module, check.path)} · </strong>}
                {t(`wordImport.checks.${check.code}`)}
                {check.detail && check.code !== 'not-placed' ? <span className="muted"> — {check.detail}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted">{t('wordImport.nothingToCheck')}</p>
      )}
    </section>
  );
}
