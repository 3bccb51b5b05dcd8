import { useTranslation } from 'react-i18next';
import type { CurriculumCheck } from '../../../../shared/domain/curriculum/checks';

export const COMPOSER_TABS = ['outline', 'details', 'timetable', 'assessment', 'checks', 'coverage', 'placeholders', 'fit'] as const;
export type ComposerTab = (typeof COMPOSER_TABS)[number];

export function tabIds(tab: ComposerTab): { tab: string; panel: string } {
  return { tab: `composer-tab-${tab}`, panel: `composer-tabpanel-${tab}` };
}

/**
 * The composer's views as tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move and select). The
 * Checks tab shows how many errors and warnings there are, so they are seen from every view.
 */
export function ComposerTabs({ current, onSelect, checks }: { current: ComposerTab; onSelect: (tab: ComposerTab) => void; checks: readonly CurriculumCheck[] }) {
  const { t } = useTranslation();
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings = checks.filter((c) => c.severity === 'warning' && !c.acknowledged).length;

  const move = (event: React.KeyboardEvent, index: number) => {
    const last = COMPOSER_TABS.length - 1;
    // Arrow keys follow the reading direction, so they are mirrored in right-to-left languages.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    const target =
      event.key === forward ? (index + 1) % COMPOSER_TABS.length : event.key === backward ? (index + last) % COMPOSER_TABS.length : event.key === 'Home' ? 0 : event.key === 'End' ? last : -1;
    const tab = COMPOSER_TABS[target];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab);
    document.getElementById(tabIds(tab).tab)?.focus();
  };

  return (
    <div role="tablist" aria-label={t('composer.tabs.label')} className="composer-tabs">
      {COMPOSER_TABS.map((tab, index) => (
        <button
          key={tab}
          id={tabIds(tab).tab}
          type="button"
          role="tab"
          aria-selected={tab === current}
          aria-controls={tabIds(tab).panel}
          tabIndex={tab === current ? 0 : -1}
          className="composer-tabs__tab"
          onClick={() => {
            onSelect(tab);
          }}
          onKeyDown={(event) => {
            move(event, index);
          }}
        >
          {t(`composer.tabs.${tab}`)}
          {tab === 'checks' && errors + warnings > 0 && (
            <span className={`composer-tabs__count composer-tabs__count--${errors > 0 ? 'error' : 'warning'}`}>
              <span aria-hidden="true">{errors + warnings}</span>
              <span className="visually-hidden">{t('composer.tabs.checkCount', { errors: t('composerPanels.checks.count.error', { count: errors }), warnings: t('composerPanels.checks.count.warning', { count: warnings }) })}</span>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
