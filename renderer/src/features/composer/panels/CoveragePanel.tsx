import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelProps } from '../composer-types';
import { BloomTable } from './BloomTable';
import { ThemeHoursChart } from './ThemeHoursChart';
import { TraceabilityTable } from './TraceabilityTable';
import './panels.css';

/** What the course covers: hours per theme, objectives per Bloom level, and instruments per lesson. */
export function CoveragePanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { coverage } = props.computed;
  return (
    <section className="cp-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('composerPanels.coverage.title')}</h2>
      <ThemeHoursChart themes={coverage.themes} taughtMinutes={coverage.taughtMinutes} />
      {coverage.bloom.rows.length === 0 ? (
        <p className="muted">{t('composerPanels.coverage.noLessons')}</p>
      ) : (
        <>
          <BloomTable bloom={coverage.bloom} select={props.select} />
          <TraceabilityTable traceability={coverage.traceability} />
        </>
      )}
    </section>
  );
}
