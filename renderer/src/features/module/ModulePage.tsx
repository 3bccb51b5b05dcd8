import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moduleMinutes } from '../../../../shared/domain/durations';
import { libraryNumbering } from '../../../../shared/domain/references/numbering';
import { printRef, type RefOrigin } from '../../../../shared/domain/references/resolve';
import type { TextRef } from '../../../../shared/domain/references/syntax';
import type { ExportTarget } from '../../../../shared/schemas/export';
import type { ModuleDetail } from '../../../../shared/schemas/library-detail';
import { previewRoute, type Route } from '../../app/sections';
import { useExportCommand } from '../../lib/export-command';
import { Duration } from '../../components/Duration';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RefPrinterContext } from '../../components/ref-printer';
import { RichText } from '../../components/RichText';
import { call } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { ExportDialog } from '../export/ExportDialog';
import { BackupHistory } from '../../components/BackupHistory';
import { RevisionHistory } from '../history/RevisionHistory';
import { useSync } from '../sync/sync-context';
import { DeleteModuleDialog } from './DeleteModuleDialog';
import { LessonView } from './LessonView';
import './module.css';
import { ImportedDraftPanel } from './ImportedDraftPanel';

/** Everything about one module, readable; its translations one click away. */
export function ModulePage({ moduleId, onOpen }: { moduleId: string; onOpen: (route: Route) => void }) {
  const { t } = useTranslation();
  // Read again after each sync: the shared library may have changed this module.
  const generation = useSync()?.generation ?? 0;
  const [detail, reload] = useApi(() => call('library:get', { id: moduleId }), `${moduleId}:${String(generation)}`);
  if (detail.state === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (detail.state === 'error') return <ErrorMessage error={detail.error} />;
  return <ModuleView detail={detail.value} onOpen={onOpen} onRestored={reload} />;
}

function ModuleView({ detail, onOpen, onRestored }: { detail: ModuleDetail; onOpen: (route: Route) => void; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const { module } = detail;
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState<ExportTarget | null>(null);
  useExportCommand(() => {
    setExporting({ kind: 'module', id: detail.module.id });
  });
  const dir = module.language === 'ar' ? 'rtl' : 'ltr';
  // References in the texts are printed with the library's numbers here ("Handout 4.1A"), courses use their own.
  const printer = useMemo(() => {
    const numbering = libraryNumbering([module, ...detail.linkedModules]);
    return { print: (ref: TextRef, origin: RefOrigin) => printRef(ref, origin, numbering, module.language), origin: { moduleId: module.id } };
  }, [module, detail.linkedModules]);
  const source = detail.translations.find((m) => m.id === module.translationOf?.moduleId);

  async function duplicate() {
    setBusy(true);
    try {
      const copy = await call('library:duplicate', { id: module.id, title: t('module.copyTitle', { title: module.title }) });
      onOpen({ section: 'library', view: 'edit', moduleId: copy.id });
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="module-page" aria-labelledby="module-title">
      <nav className="module-page__actions" aria-label={module.title}>
        <a href="#/library" className="button button--small">
          {t('module.back')}
        </a>
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={() => { onOpen({ section: 'library', view: 'edit', moduleId: module.id }); }}>
          {t('module.edit')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void duplicate()}>
          {t('module.duplicate')}
        </button>
        <button type="button" className="button" onClick={() => { setExporting({ kind: 'module', id: module.id }); }}>
          {t('export.exportModule')}
        </button>
        <button type="button" className="button button--danger" onClick={() => { setDeleting(true); }}>
          {t('module.delete')}
        </button>
      </nav>

      <header lang={module.language} dir={dir}>
        <h1 id="module-title">{module.title}</h1>
      </header>
      <dl className="facts">
        <Fact label={t('module.language')}>{t(`languages.${module.language}`)}</Fact>
        <Fact label={t('module.duration')}><Duration minutes={moduleMinutes(module)} /></Fact>
        <Fact label={t('module.level')}>{t(`levels.${module.level}`)}</Fact>
        <Fact label={t('module.audience')}>{module.audiences.map((a) => t(`module.audienceNames.${a}`)).join(', ')}</Fact>
        <Fact label={t('module.updated', { date: '' }).trim()}>{formatDate(module.updatedAt, i18n.language)} · {t('module.revision', { revision: module.revision })}</Fact>
        <Fact label={t('module.license')}>{module.license}</Fact>
        <Fact label={t('module.author')}>{[module.provenance.author, module.provenance.publisher].filter(Boolean).join(' · ')}</Fact>
      </dl>
      <ImportedDraftPanel module={module} />
      {module.provenance.sourcePack && (
        <p className="muted">{t('module.importedFrom', { pack: module.provenance.sourcePack.packId, date: formatDate(module.provenance.sourcePack.importedAt, i18n.language) })}</p>
      )}
      <ul className="tags">
        {module.themes.map((theme) => <li key={theme} className="tag">{t(`themes.${theme}`)}</li>)}
      </ul>

      {detail.translationStatus !== 'source' && (
        <p className={detail.translationStatus === 'current' ? 'panel panel--notice' : 'panel panel--warn'} role="note">
          {source ? t('module.thisIsTranslation', { title: source.title }) : null} {t(`module.status.${detail.translationStatus}`)}
        </p>
      )}

      <div className="module-page__grid">
        <div lang={module.language} dir={dir}>
          <section aria-labelledby="summary-h">
            <h2 id="summary-h">{t('module.summary')}</h2>
            <RefPrinterContext.Provider value={printer}>
              <RichText text={module.summary} />
            </RefPrinterContext.Provider>
          </section>
          <section aria-labelledby="outcomes-h">
            <h2 id="outcomes-h">{t('module.outcomes')}</h2>
            <ul>{module.learningOutcomes.map((o) => <li key={o}>{o}</li>)}</ul>
          </section>
        </div>
        <aside className="module-page__side">
          <section aria-labelledby="translations-h">
            <h2 id="translations-h">{t('module.translations')}</h2>
            {detail.translations.length === 0 ? <p className="muted">{t('module.noTranslations')}</p> : (
              <ul className="link-list">
                {detail.translations.map((tr) => (
                  <li key={tr.id}>
                    <a href={`#/library/${tr.id}`} lang={tr.language}>{t(`languages.${tr.language}`)}: {tr.title}</a>
                    <span className={tr.status === 'outdated' ? 'badge badge--warn' : 'badge'}>{t(`module.status.${tr.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="prereq-h">
            <h2 id="prereq-h">{t('module.prerequisites')}</h2>
            {detail.prerequisites.length === 0 ? <p className="muted">{t('module.noPrerequisites')}</p> : (
              <ul className="link-list">
                {detail.prerequisites.map((p) => (
                  <li key={p.id}>{p.title ? <a href={`#/library/${p.id}`}>{p.title}</a> : t('module.missingPrerequisite', { id: p.id })}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="placeholders-h">
            <h2 id="placeholders-h">{t('module.placeholders')}</h2>
            {detail.placeholders.length === 0 ? <p className="muted">{t('module.noPlaceholders')}</p> : (
              <>
                <p className="muted">{t('module.placeholdersHelp')}</p>
                <ul className="placeholder-list" dir="ltr">{detail.placeholders.map((p) => <li key={p}><code>{`{${p}}`}</code></li>)}</ul>
              </>
            )}
          </section>
          <section aria-labelledby="refs-h">
            <h2 id="refs-h">{t('module.references')}</h2>
            <ul className="reference-list">
              {detail.references.map((r) => (
                <li key={r.id}>
                  <strong>{r.shortName}</strong>{r.year ? ` (${r.year})` : ''} — {r.title}. <span className="muted">{r.issuer}</span>
                  {r.url && <> <a href={r.url} target="_blank" rel="noopener noreferrer">{r.url}</a></>}
                </li>
              ))}
            </ul>
          </section>
          <BackupHistory which={{ module: module.id }} headingId="history-h" onRestored={onRestored} />
          <RevisionHistory which={{ module: module.id }} title={module.title} headingId="revisions-h" onRestored={onRestored} references={detail.references} />
        </aside>
      </div>

      <section aria-labelledby="lessons-h" lang={module.language} dir={dir}>
        <h2 id="lessons-h">{t('module.lessons')}</h2>
        {module.lessons.map((lesson, lessonIndex) => (
          <RefPrinterContext.Provider key={lesson.code} value={{ ...printer, origin: { moduleId: module.id, lessonCode: lesson.code } }}>
            <LessonView lesson={lesson} language={module.language} references={detail.references} onExport={() => { setExporting({ kind: 'lesson', id: module.id, lessonIndex }); }} />
          </RefPrinterContext.Provider>
        ))}
      </section>

      {exporting && (
        <ExportDialog
          target={exporting}
          onClose={() => {
            setExporting(null);
          }}
          onPreview={(request) => {
            onOpen(previewRoute(request));
          }}
        />
      )}
      {deleting && (
        <DeleteModuleDialog
          module={module}
          usage={detail.usage}
          onCancel={() => { setDeleting(false); }}
          onDeleted={() => { onOpen({ section: 'library', view: 'list' }); }}
        />
      )}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
