import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckWhere } from '../../../../shared/domain/curriculum/checks';
import type { ModuleItem } from '../../../../shared/schemas/curriculum';
import { previewRoute, type Route } from '../../app/sections';
import { useExportCommand } from '../../lib/export-command';
import { focusIsLost } from '../../lib/focus';
import { ExportDialog } from '../export/ExportDialog';
import type { ComposerCarry, ComposerLoad } from './Composer';
import type { ComposerChange, PanelProps } from './composer-types';
import { ComposerHeader } from './ComposerHeader';
import { BackupHistory } from '../../components/BackupHistory';
import { RevisionHistory } from '../history/RevisionHistory';
import { ComposerTabs, tabIds, type ComposerTab } from './ComposerTabs';
import { CourseDetailsForm } from './CourseDetailsForm';
import { CoursePackageForm } from './CoursePackageForm';
import { itemDomId, lessonDomId } from './dom-ids';
import { itemActions } from './item-actions';
import { OutlineView } from './OutlineView';
import { PanelView } from './PanelView';
import { ProblemList } from './ProblemList';
import { UpdateDiffDialog } from './panels/UpdateDiffDialog';
import { useComposerHistory } from './use-composer-history';
import { useComputed } from './use-computed';
import { useCurriculumAutosave } from './use-curriculum-autosave';
import { useFocusLater } from './use-focus-later';
import { useLibraryPanel } from './use-library-panel';
import { validateDraft } from './validate-draft';

/** One editing session of a course: the draft and its history, autosave, computed views and the tabs. */
export function ComposerBody({
  loaded,
  carried,
  onOpen,
  onReload,
}: {
  loaded: ComposerLoad;
  /** What the session this one replaced left to keep: its tab, a restore's notice. */
  carried?: ComposerCarry;
  onOpen: (route: Route) => void;
  /** Reads the stored course again into a fresh session, keeping what `carry` names. */
  onReload: (carry?: ComposerCarry) => void;
}) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLElement>(null);
  const history = useComposerHistory(loaded.curriculum, rootRef);
  const { draft, apply } = history;
  const problems = useMemo(() => validateDraft(draft), [draft]);
  const autosave = useCurriculumAutosave({ draft, initial: loaded.curriculum, problemCount: problems.length });
  // The outline follows a change at once; schedule, checks and coverage follow in a second, interruptible
  // render, so a drop never waits for them in one long task. Panels get the same (deferred) version of the
  // course as their computed views, so the two always match.
  const settled = useDeferredValue(draft);
  const computed = useComputed(settled, loaded.library, loaded.references, loaded.settings.placeholderDefaults);
  const [tab, setTab] = useState<ComposerTab>(carried?.tab ?? 'outline');
  const [updating, setUpdating] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const focusLater = useFocusLater();
  const libraryPanel = useLibraryPanel(loaded.settings.libraryPanelCollapsed ?? false);
  const actions = useMemo(
    () =>
      itemActions({
        t,
        apply,
        announce: setAnnouncement,
        focusLater,
        toggleLessons: (itemId) => {
          setExpanded((open) => {
            const next = new Set(open);
            if (!next.delete(itemId)) next.add(itemId);
            return next;
          });
        },
        reviewUpdate: setUpdating,
      }),
    [t, apply, focusLater],
  );

  const change = useCallback<ComposerChange>((label, update) => {
    apply(label, update);
  }, [apply]);
  const select = useCallback(
    (where: CheckWhere) => {
      const itemId = where.itemId ?? draft.items.find((i) => i.kind === 'module' && i.moduleId === where.moduleId)?.id;
      if (itemId === undefined) {
        if (where.day !== undefined) setTab('timetable');
        return;
      }
      setTab('outline');
      const lessonCode = where.lessonCode;
      if (lessonCode !== undefined) setExpanded((open) => (open.has(itemId) ? open : new Set([...open, itemId])));
      focusLater(...(lessonCode === undefined ? [] : [lessonDomId(itemId, lessonCode)]), itemDomId(itemId));
    },
    [draft.items, focusLater],
  );
  const panelProps = useMemo<PanelProps>(
    () => ({ curriculum: settled, computed, library: loaded.library, references: loaded.references, change, select, placeholderDefaults: loaded.settings.placeholderDefaults }),
    [settled, computed, loaded.library, loaded.references, change, select, loaded.settings.placeholderDefaults],
  );
  const updatingItem = draft.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === updating);

  const goToProblem = (path: string) => {
    const inItem = /^items\.([^.]+)\./.exec(path);
    if (inItem?.[1]) {
      setTab('outline');
      focusLater(itemDomId(inItem[1]));
      return;
    }
    setTab('details');
    focusLater(`field-${path}`, `field-${path.split('.').slice(0, 2).join('.')}`);
  };

  const [exporting, setExporting] = useState(false);
  const openExport = () => {
    void autosave.flush().then(() => {
      setExporting(true);
    });
  };
  useExportCommand(openExport);

  // Opened from a dialog or a list that is gone now (a new course, a link): the focus starts on the title.
  useEffect(() => {
    if (focusIsLost()) document.getElementById('composer-title')?.focus();
  }, []);

  const ids = tabIds(tab);
  return (
    <section ref={rootRef} className="composer" aria-labelledby="composer-title">
      <ComposerHeader
        draft={draft}
        computed={computed}
        history={history}
        status={autosave.status}
        onBack={() => {
          void autosave.flush().then(() => {
            onOpen({ section: 'curricula', view: 'list' });
          });
        }}
        onReload={() => {
          onReload();
        }}
        onRetry={autosave.retry}
        onExport={openExport}
        onPreview={() => {
          // The preview and the export read the saved course: save what is waiting first.
          void autosave.flush().then(() => {
            onOpen({ section: 'curricula', view: 'preview', curriculumId: draft.id, options: { variant: 'full', paper: 'a4', annexes: true } });
          });
        }}
      />
      <ProblemList problems={problems} onGo={goToProblem} />
      <ComposerTabs current={tab} onSelect={setTab} checks={computed.checks} />
      <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="composer__panel">
        {tab === 'outline' && (
          <OutlineView draft={draft} computed={computed} library={loaded.library} actions={actions} expanded={expanded} announcement={announcement} libraryPanel={libraryPanel} />
        )}
        {tab === 'details' && (
          <>
            <CourseDetailsForm draft={draft} apply={apply} problems={problems} />
            <CoursePackageForm draft={draft} apply={apply} problems={problems} />
            <BackupHistory
              which={{ course: draft.id }}
              headingId="course-history-h"
              beforeRestore={async () => {
                await autosave.flush();
              }}
              onRestored={() => {
                // The stored course changed under the editor: start a fresh session from it.
                onReload({ tab: 'details' });
              }}
            />
            <RevisionHistory
              which={{ course: draft.id }}
              title={draft.title}
              headingId="course-revisions-h"
              beforeRestore={async () => {
                await autosave.flush();
              }}
              outcome={carried?.revision}
              onRestored={(revision) => {
                onReload({ tab: 'details', revision });
              }}
            />
          </>
        )}
        {tab !== 'outline' && tab !== 'details' && <PanelView tab={tab} props={panelProps} />}
      </div>
      {exporting && (
        <ExportDialog
          target={{ kind: 'curriculum', id: draft.id }}
          onClose={() => {
            setExporting(false);
          }}
          onPreview={(request) => {
            onOpen(previewRoute(request));
          }}
        />
      )}
      {updatingItem && (
        <UpdateDiffDialog
          item={updatingItem}
          props={panelProps}
          onClose={() => {
            setUpdating(null);
            focusLater(itemDomId(updatingItem.id));
          }}
        />
      )}
    </section>
  );
}
