import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../shared/schemas/store';
import { hashOf, isPreviewRoute, routeFromHash, sectionHome, type Route, type Section } from '../../app/sections';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { getBridge } from '../../lib/bridge';
import { listenForEditCommands } from '../../lib/edit-commands';
import { requestExport } from '../../lib/export-command';
import { AboutDialog } from '../about/AboutDialog';
import { CurriculaPage } from '../curricula/CurriculaPage';
import { LibraryPage } from '../library/LibraryPage';
import { useLibraryQuery } from '../library/use-library-query';
import { ModulePage } from '../module/ModulePage';
import { PacksPage } from '../packs/PacksPage';
import { usePackDrop } from '../packs/use-pack-drop';
import { SettingsPage } from '../settings/SettingsPage';
import { SyncConflictsPage } from '../sync/SyncConflictsPage';
import { SyncProvider } from '../sync/SyncProvider';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';

// The editor carries zod and many forms: load it only when someone edits.
const ModuleEditor = lazy(() => import('../module-editor/ModuleEditor'));
// The composer carries dnd-kit, zod and the scheduler: load it only when a curriculum is opened.
const Composer = lazy(() => import('../composer/Composer'));
const WordImportPage = lazy(() => import('../word-import/WordImportPage').then((m) => ({ default: m.WordImportPage })));
const PreviewRoute = lazy(() => import('./PreviewRoute'));

/** The app frame: skip link, sidebar, the current page, status bar; native menu commands are routed here. */
export function Shell({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  const [aboutOpen, setAboutOpen] = useState(false);
  const [focusSearch, setFocusSearch] = useState(0);
  const [newCurriculum, setNewCurriculum] = useState(false);
  const library = useLibraryQuery();
  const mainRef = useRef<HTMLElement>(null);

  const open = useCallback((next: Route) => {
    setRoute(next);
    if (window.location.hash !== hashOf(next)) window.location.hash = hashOf(next);
  }, []);
  const go = useCallback(
    (section: Section) => {
      open(sectionHome(section));
    },
    [open],
  );

  useEffect(() => {
    const onHash = () => {
      setRoute(routeFromHash(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  useEffect(listenForEditCommands, []);
  const dropping = usePackDrop(() => {
    go('packs');
  });

  useEffect(
    () =>
      getBridge().on('menu:command', ({ command }) => {
        if (command === 'about') setAboutOpen(true);
        else if (command === 'settings') go('settings');
        else if (command === 'find') {
          go('library');
          setFocusSearch((n) => n + 1);
        } else if (command === 'new-curriculum') {
          go('curricula');
          setNewCurriculum(true);
        } else if (command === 'export') {
          if (!requestExport()) go('curricula');
        }
        else if (command === 'import-pack') go('packs');
      }),
    [go],
  );

  return (
    <SyncProvider>
      <div className="shell">
        <a
          className="skip-link"
          href="#main"
          onClick={(e) => {
            e.preventDefault();
            mainRef.current?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
        <Sidebar
          current={route.section}
          onSelect={go}
          onAbout={() => {
            setAboutOpen(true);
          }}
        />
        <main id="main" className="main" ref={mainRef} tabIndex={-1}>
          {status.readOnly && <ReadOnlyBanner readOnly={status.readOnly} dataDir={status.dataDir} />}
          <ErrorBoundary key={hashOf(route)}>
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              {route.section === 'library' && route.view === 'list' && <LibraryPage query={library} focusSearchSignal={focusSearch} onOpen={open} />}
              {route.section === 'library' && route.view === 'module' && <ModulePage moduleId={route.moduleId} onOpen={open} />}
              {route.section === 'library' && route.view === 'import-word' && <WordImportPage onOpen={open} />}
              {route.section === 'library' && (route.view === 'edit' || route.view === 'new') && (
                <ModuleEditor
                  moduleId={route.view === 'edit' ? route.moduleId : null}
                  onClose={(savedId) => {
                    open(savedId ? { section: 'library', view: 'module', moduleId: savedId } : { section: 'library', view: 'list' });
                  }}
                />
              )}
              {route.section === 'curricula' && route.view === 'list' && (
                <CurriculaPage
                  createRequested={newCurriculum}
                  onCreateHandled={() => {
                    setNewCurriculum(false);
                  }}
                  onOpen={open}
                />
              )}
              {route.section === 'curricula' && route.view === 'composer' && <Composer curriculumId={route.curriculumId} onOpen={open} />}
              {isPreviewRoute(route) && <PreviewRoute route={route} onOpen={open} />}
              {route.section === 'packs' && <PacksPage />}
              {route.section === 'settings' && !('view' in route) && <SettingsPage dataDir={status.dataDir} />}
              {route.section === 'settings' && 'view' in route && <SyncConflictsPage />}
            </Suspense>
          </ErrorBoundary>
        </main>
        <StatusBar status={status} />
        {dropping && <div className="drop-overlay">{t('packs.dropHere')}</div>}
        {aboutOpen && (
          <AboutDialog
            onClose={() => {
              setAboutOpen(false);
            }}
          />
        )}
      </div>
    </SyncProvider>
  );
}
