import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../shared/schemas/store';
import { sectionFromHash, type Section } from '../../app/sections';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { getBridge } from '../../lib/bridge';
import { AboutDialog } from '../about/AboutDialog';
import { ComingPage } from '../coming/ComingPage';
import { LibraryPage } from '../library/LibraryPage';
import { SettingsPage } from '../settings/SettingsPage';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';

/** The app frame: skip link, sidebar, the current section, status bar; native menu commands are routed here. */
export function Shell({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>(() => sectionFromHash(window.location.hash));
  const [aboutOpen, setAboutOpen] = useState(false);
  const [focusSearch, setFocusSearch] = useState(0);
  const mainRef = useRef<HTMLElement>(null);

  const go = useCallback((next: Section) => {
    setSection(next);
    window.history.replaceState(null, '', `#/${next}`);
  }, []);

  useEffect(() => {
    const onHash = () => { setSection(sectionFromHash(window.location.hash)); };
    window.addEventListener('hashchange', onHash);
    return () => { window.removeEventListener('hashchange', onHash); };
  }, []);

  useEffect(
    () =>
      getBridge().on('menu:command', ({ command }) => {
        if (command === 'about') setAboutOpen(true);
        else if (command === 'settings') go('settings');
        else if (command === 'find') {
          go('library');
          setFocusSearch((n) => n + 1);
        } else if (command === 'new-curriculum' || command === 'export') go('curricula');
        else if (command === 'import-pack') go('packs');
      }),
    [go],
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <Sidebar current={section} onSelect={go} onAbout={() => { setAboutOpen(true); }} />
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        <ErrorBoundary key={section}>
          {section === 'library' && <LibraryPage focusSearchSignal={focusSearch} />}
          {section === 'curricula' && <ComingPage title={t('nav.curricula')} text={t('coming.curricula')} />}
          {section === 'packs' && <ComingPage title={t('nav.packs')} text={t('coming.packs')} />}
          {section === 'settings' && <SettingsPage dataDir={status.dataDir} />}
        </ErrorBoundary>
      </main>
      <StatusBar status={status} />
      {aboutOpen && <AboutDialog onClose={() => { setAboutOpen(false); }} />}
    </div>
  );
}
