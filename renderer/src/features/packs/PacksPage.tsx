import { useTranslation } from 'react-i18next';
import { ExportPanel } from './ExportPanel';
import { RoundTripPanel } from '../round-trip/RoundTripPanel';
import { ImportPanel } from './ImportPanel';
import './packs.css';

/** Share modules as .ccpack files and import partners' packs with a preview. */
export function PacksPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="packs-title" className="packs">
      <h1 id="packs-title">{t('packs.title')}</h1>
      <p className="muted">{t('packs.intro')}</p>
      <ImportPanel />
      <ExportPanel />
      <RoundTripPanel />
    </section>
  );
}
