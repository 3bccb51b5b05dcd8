import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckSeverity, CurriculumCheck } from '../../../../../shared/domain/curriculum/checks';
import type { PanelProps } from '../composer-types';
import { CheckGroup } from './CheckGroup';
import { groupByCause } from '../../../../../shared/domain/curriculum/check-groups';
import { useFindingText } from './use-finding-text';
import './panels.css';

const SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'info'];

/**
 * The course's checks by severity, in the user's language. Findings with one cause (a prerequisite that six
 * modules lack) are one group. A warning or note can be accepted with a reason ("participants completed
 * this in basic training"): it moves to the accepted list, is stored with the course and printed in the
 * export's quality page. Activating a finding brings what it is about into view.
 */
export function ChecksPanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const text = useFindingText(props);
  const { checks } = props.computed;
  const { open, accepted } = useMemo(() => {
    const openChecks = checks.filter((c) => !c.acknowledged);
    return { open: openChecks, accepted: checks.filter((c) => c.acknowledged) };
  }, [checks]);
  const groups = useMemo(() => {
    const bySeverity: Record<CheckSeverity, CurriculumCheck[]> = { error: [], warning: [], info: [] };
    for (const check of open) bySeverity[check.severity].push(check);
    return bySeverity;
  }, [open]);
  const serious = groups.error.length + groups.warning.length;

  return (
    <section className="cp-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('composerPanels.checks.title')}</h2>
      {checks.length === 0 ? (
        <p className="cp-ok" role="status">{t('composerPanels.checks.none')}</p>
      ) : (
        <p role="status" className="cp-summary">
          {SEVERITIES.map((s) => t(`composerPanels.checks.count.${s}`, { count: groups[s].length })).join(' · ')}
          {accepted.length > 0 && ` · ${t('composerPanels.checks.count.accepted', { count: accepted.length })}`}
          {serious === 0 && <span className="cp-ok"> — {t('composerPanels.checks.noneSerious')}</span>}
        </p>
      )}
      {SEVERITIES.filter((s) => groups[s].length > 0).map((severity) => (
        <section key={severity} className={`cp-checks cp-checks--${severity}`} aria-labelledby={`${headingId}-${severity}`}>
          <h3 id={`${headingId}-${severity}`}>
            {t(`composerPanels.checks.group.${severity}`)} <span className="cp-count">({groups[severity].length})</span>
          </h3>
          <ul className="cp-list">
            {groupByCause(groups[severity]).map((group) => (
              <CheckGroup key={group[0]?.id} checks={group} props={props} text={text} />
            ))}
          </ul>
        </section>
      ))}
      {accepted.length > 0 && (
        <details className="cp-checks cp-checks--accepted">
          <summary>
            <h3>
              {t('composerPanels.checks.group.accepted')} <span className="cp-count">({accepted.length})</span>
            </h3>
          </summary>
          <ul className="cp-list">
            {groupByCause(accepted).map((group) => (
              <CheckGroup key={group[0]?.id} checks={group} props={props} text={text} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
