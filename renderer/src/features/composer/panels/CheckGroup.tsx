import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckWhere, CurriculumCheck } from '../../../../../shared/domain/curriculum/checks';
import type { PanelProps } from '../composer-types';

/** A check that names an item, a lesson or a day can bring it into view; course-wide ones cannot. */
function hasTarget(where: CheckWhere): boolean {
  return where.itemId !== undefined || where.moduleId !== undefined || where.day !== undefined;
}

function Finding({ check, props, text }: { check: CurriculumCheck; props: PanelProps; text: (check: CurriculumCheck) => string }) {
  return hasTarget(check.where) ? (
    <button type="button" className="cp-link" onClick={() => { props.select(check.where); }}>
      {text(check)}
    </button>
  ) : (
    <span>{text(check)}</span>
  );
}

/**
 * One finding, or several with one cause, with what can be done about it here: bring it into view, accept
 * it with a reason (warnings and notes only: an error means the course cannot run as printed), or withdraw
 * an acceptance.
 */
export function CheckGroup({ checks, props, text }: { checks: CurriculumCheck[]; props: PanelProps; text: (check: CurriculumCheck) => string }) {
  const { t } = useTranslation();
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  const formId = useId();
  const [first, ...rest] = checks;
  if (!first) return null;
  const ids = new Set(checks.map((c) => c.id));
  const severity = first.severity;
  const accepted = first.acknowledged;

  const accept = () => {
    const why = reason.trim();
    if (why === '') return;
    const at = new Date().toISOString();
    props.change(t('composerPanels.checks.acceptLabel'), (c) => ({
      ...c,
      acknowledgements: [...c.acknowledgements.filter((a) => !ids.has(a.checkId)), ...[...ids].map((checkId) => ({ checkId, reason: why, at }))],
    }));
    setAccepting(false);
    setReason('');
  };
  const withdraw = () => {
    props.change(t('composerPanels.checks.withdrawLabel'), (c) => ({ ...c, acknowledgements: c.acknowledgements.filter((a) => !ids.has(a.checkId)) }));
  };

  return (
    <li className="cp-check cp-check--group">
      <span className={`cp-severity cp-severity--${severity}`} aria-hidden="true" />
      <div className="cp-check__body">
        <Finding check={first} props={props} text={text} />
        {rest.length > 0 && (
          <details className="cp-check__more">
            <summary>{t('composerPanels.checks.more', { count: rest.length })}</summary>
            <ul className="cp-list">
              {rest.map((check) => (
                <li key={check.id}>
                  <Finding check={check} props={props} text={text} />
                </li>
              ))}
            </ul>
          </details>
        )}
        {accepted && (
          <p className="cp-check__accepted">
            {t('composerPanels.checks.acceptedBecause', { reason: accepted.reason })}{' '}
            <button type="button" className="button button--small" onClick={withdraw}>
              {t('composerPanels.checks.withdraw')}
            </button>
          </p>
        )}
        {!accepted && severity !== 'error' && !accepting && (
          <button type="button" className="button button--small cp-check__accept" aria-expanded={false} onClick={() => { setAccepting(true); }}>
            {t('composerPanels.checks.accept')}
          </button>
        )}
        {accepting && (
          <form
            className="cp-check__form"
            aria-label={t('composerPanels.checks.acceptForm')}
            onSubmit={(e) => {
              e.preventDefault();
              accept();
            }}
          >
            <label className="cp-field" htmlFor={`${formId}-reason`}>
              <span className="cp-field__label">{t('composerPanels.checks.reason')}</span>
            </label>
            <input
              id={`${formId}-reason`}
              type="text"
              maxLength={300}
              value={reason}
              required
              autoFocus
              placeholder={t('composerPanels.checks.reasonExample')}
              onChange={(e) => { setReason(e.target.value); }}
              onKeyDown={(e) => { if (e.key === 'Escape') setAccepting(false); }}
            />
            <button type="submit" className="button button--small" disabled={reason.trim() === ''}>
              {t('composerPanels.checks.acceptConfirm')}
            </button>
            <button type="button" className="button button--small" onClick={() => { setAccepting(false); }}>
              {t('composerPanels.checks.cancel')}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}
