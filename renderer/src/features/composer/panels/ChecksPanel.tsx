import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckSeverity, CheckWhere, CurriculumCheck } from '../../../../../shared/domain/curriculum/checks';
import type { PanelProps } from '../composer-types';
import { useFindingText } from './use-finding-text';
import './panels.css';

const SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'info'];

/** A check that names an item, a lesson or a day can bring it into view; course-wide ones cannot. */
function hasTarget(where: CheckWhere): boolean {
  return where.itemId !== undefined || where.moduleId !== undefined || where.day !== undefined;
}

/**
 * The course's checks grouped by severity, in the user's language. Activating a check brings what it is
 * about into view in the composer.
 */
export function ChecksPanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const text = useFindingText(props);
  const { checks } = props.computed;
  const groups = useMemo(() => {
    const bySeverity: Record<CheckSeverity, CurriculumCheck[]> = { error: [], warning: [], info: [] };
    for (const check of checks) bySeverity[check.severity].push(check);
    return bySeverity;
  }, [checks]);
  const serious = groups.error.length + groups.warning.length;

  return (
    <section className="cp-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('composerPanels.checks.title')}</h2>
      {checks.length === 0 ? (
        <p className="cp-ok" role="status">{t('composerPanels.checks.none')}</p>
      ) : (
        <p role="status" className="cp-summary">
          {SEVERITIES.map((s) => t(`composerPanels.checks.count.${s}`, { count: groups[s].length })).join(' · ')}
          {serious === 0 && <span className="cp-ok"> — {t('composerPanels.checks.noneSerious')}</span>}
        </p>
      )}
      {SEVERITIES.filter((s) => groups[s].length > 0).map((severity) => (
        <section key={severity} className={`cp-checks cp-checks--${severity}`} aria-labelledby={`${headingId}-${severity}`}>
          <h3 id={`${headingId}-${severity}`}>
            {t(`composerPanels.checks.group.${severity}`)} <span className="cp-count">({groups[severity].length})</span>
          </h3>
          <ul className="cp-list">
            {groups[severity].map((check) => (
              <li key={check.id} className="cp-check">
                <span className={`cp-severity cp-severity--${severity}`} aria-hidden="true" />
                {hasTarget(check.where) ? (
                  <button type="button" className="cp-link" onClick={() => { props.select(check.where); }}>
                    {text(check)}
                  </button>
                ) : (
                  <span>{text(check)}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
