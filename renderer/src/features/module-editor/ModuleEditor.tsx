import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uniqueId } from '../../../../shared/domain/ids';
import { isLanguage } from '../../../../shared/domain/languages';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import type { Module } from '../../../../shared/schemas/module';
import type { Reference } from '../../../../shared/schemas/reference';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { describePath } from './describe-path';
import { newModuleDraft, type Translate } from './draft-ops';
import { referenceTargets } from './reference-targets';
import { ancestors, fieldId, pathKey, setAt, type Path } from './draft-paths';
import { EditorContext, type EditorApi } from './editor-context';
import { canRedo, canUndo, historyReducer, initHistory, type History, type HistoryAction } from './history';
import { LessonForm } from './LessonForm';
import { LessonOutline, type Selection } from './LessonOutline';
import { ModuleForm } from './ModuleForm';
import { useAutosave, type SaveStatus } from './use-autosave';
import { problemsByPath, validateDraft, type EditorProblem } from './validation';
import './module-editor.css';
import { useUndoKeys } from '../../lib/edit-commands';

type Loaded = {
  module: Module;
  isNew: boolean;
  others: ModuleSummary[];
  references: Reference[];
  taken: ReadonlySet<string>;
  /** Distinguishes loads of the same module, so a reload starts a fresh editing session. */
  session: number;
};

let sessions = 0;

async function loadEditor(id: string | null, t: Translate, uiLanguage: string): Promise<Loaded> {
  const [list, references, detail] = await Promise.all([
    call('library:list', { sort: 'title' }),
    call('library:references'),
    id === null ? Promise.resolve(null) : call('library:get', { id }),
  ]);
  const taken = new Set(list.modules.map((m) => m.id));
  sessions += 1;
  if (detail) return { module: detail.module, isNew: false, others: list.modules, references, taken, session: sessions };
  const module = newModuleDraft(t, {
    id: uniqueId(t('editor.template.title'), taken),
    language: isLanguage(uiLanguage) ? uiLanguage : 'en',
    author: t('editor.template.author'),
    now: new Date().toISOString(),
  });
  return { module, isNew: true, others: list.modules, references, taken, session: sessions };
}

/** The module editor: creates a module (moduleId null) or edits one, saving as the author works. */
export function ModuleEditor({ moduleId, onClose }: { moduleId: string | null; onClose: (savedId: string | null) => void }) {
  // A different module is a different session: nothing of the previous one's state may carry over.
  return <EditorLoader key={moduleId ?? ''} moduleId={moduleId} onClose={onClose} />;
}

export default ModuleEditor;

function EditorLoader({ moduleId, onClose }: { moduleId: string | null; onClose: (savedId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState({ id: moduleId, generation: 0 });
  const [loaded] = useApi(
    () => loadEditor(target.id, (key, values) => t(key, values), i18n.language),
    `${target.id ?? ''}|${target.generation}`,
  );
  if (loaded.state === 'loading') return <p className="muted">{t('editor.loading')}</p>;
  if (loaded.state === 'error') {
    return (
      <section aria-labelledby="module-editor-title">
        <h1 id="module-editor-title">{moduleId === null ? t('editor.titleNew') : t('editor.titleEdit')}</h1>
        <ErrorMessage error={loaded.error} />
        <button
          type="button"
          className="button"
          onClick={() => {
            onClose(null);
          }}
        >
          {t('editor.back')}
        </button>
      </section>
    );
  }
  return (
    <EditorBody
      key={loaded.value.session}
      loaded={loaded.value}
      onClose={onClose}
      onReload={(id) => {
        setTarget((previous) => ({ id, generation: previous.generation + 1 }));
      }}
    />
  );
}

const moduleHistory = (state: History<Module>, action: HistoryAction<Module>) => historyReducer(state, action);


/** Focuses the element, or the first control inside it when it is a group. */
function focusInto(element: HTMLElement): void {
  if (element.matches('input, select, textarea, button')) {
    element.focus();
    return;
  }
  element.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])')?.focus();
}

type FocusTarget = { id: string } | { path: string };

function EditorBody({ loaded, onClose, onReload }: { loaded: Loaded; onClose: (savedId: string | null) => void; onReload: (id: string) => void }) {
  const { t } = useTranslation();
  const translate = useCallback<Translate>((key, values) => t(key, values), [t]);
  const [history, dispatch] = useReducer(moduleHistory, loaded.module, initHistory);
  const draft = history.present;
  const takenRef = useRef(loaded.taken);
  const problems = useMemo(() => validateDraft(draft, loaded.references), [draft, loaded.references]);
  const byPath = useMemo(() => problemsByPath(problems), [problems]);
  const autosave = useAutosave({
    draft,
    problemCount: problems.length,
    initial: loaded.module,
    baseRevision: loaded.isNew ? null : loaded.module.revision,
    newId: (d) => uniqueId(d.title, takenRef.current),
  });
  const [selected, setSelected] = useState<Selection>('module');
  const [closing, setClosing] = useState(false);
  const rootRef = useRef<HTMLElement>(null);

  // Focus requests wait for the render that creates their target (a new item, the lesson a problem is in).
  const pendingFocus = useRef<FocusTarget | null>(null);
  const [, setFocusRequests] = useState(0);
  useEffect(() => {
    const request = pendingFocus.current;
    if (!request) return;
    pendingFocus.current = null;
    const ids = 'id' in request ? [request.id] : ancestors(request.path).map((key) => fieldId(key));
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        focusInto(element);
        return;
      }
    }
  });
  const requestFocus = useCallback((request: FocusTarget) => {
    pendingFocus.current = request;
    setFocusRequests((n) => n + 1);
  }, []);

  const refTargets = useMemo(() => referenceTargets(draft, loaded.others, t), [draft, loaded.others, t]);
  const api = useMemo<EditorApi>(
    () => ({
      edit: (path: Path, value: unknown, typing = false) => {
        dispatch({ type: 'apply', change: (d) => setAt(d, path, value), key: typing ? pathKey(path) : undefined, at: Date.now() });
      },
      apply: (change) => {
        dispatch({ type: 'apply', change, at: Date.now() });
      },
      problems: byPath,
      focusLater: (id) => {
        requestFocus({ id });
      },
      contentLanguage: draft.language,
      refTargets,
    }),
    [byPath, requestFocus, draft.language, refTargets],
  );

  // Undo/redo for the whole module, except in text fields, where the keys keep undoing typing as usual.
  useUndoKeys(
    rootRef,
    () => {
      dispatch({ type: 'undo' });
    },
    () => {
      dispatch({ type: 'redo' });
    },
  );

  // After an undo the selected lesson may be gone: fall back to the last one, or the module.
  const current: Selection = selected === 'module' || draft.lessons.length === 0 ? 'module' : Math.min(selected, draft.lessons.length - 1);
  const lesson = current === 'module' ? undefined : draft.lessons[current];

  const goToProblem = (key: string) => {
    const inLesson = /^lessons\.(\d+)/.exec(key);
    if (inLesson) {
      const n = Number(inLesson[1]);
      if (n < draft.lessons.length) setSelected(n);
    } else if (key !== 'lessons') setSelected('module');
    requestFocus({ path: key });
  };

  const done = async () => {
    setClosing(true);
    const ok = await autosave.flush();
    setClosing(false);
    // Leaving with work that is not stored is the author's call, never a silent loss.
    if (!ok && !window.confirm(t('editor.confirmLeaveUnsaved'))) return;
    if (ok && autosave.dirty && problems.length > 0 && !window.confirm(t('editor.confirmLeave', { count: problems.length }))) return;
    onClose(autosave.currentSavedId());
  };

  const reload = async () => {
    const id = autosave.currentSavedId();
    if (id !== null) {
      onReload(id);
      return;
    }
    // A new module whose id was taken meanwhile: keep the draft and save it under a free id.
    try {
      const list = await call('library:list', { sort: 'title' });
      takenRef.current = new Set(list.modules.map((m) => m.id));
    } catch {
      // Without a fresh list the save is still retried: at worst it reports the conflict again.
    }
    autosave.unblock();
  };

  const idNote =
    autosave.savedId === null ? t('editor.module.newId', { id: uniqueId(draft.title, loaded.taken) }) : t('editor.module.id', { id: autosave.savedId });

  return (
    <EditorContext value={api}>
      <section ref={rootRef} className="module-editor" aria-labelledby="module-editor-title">
        <header className="module-editor__header">
          <div className="module-editor__heading">
            <h1 id="module-editor-title">{loaded.isNew ? t('editor.titleNew') : t('editor.titleEdit')}</h1>
            <p className="module-editor__subtitle" lang={draft.language} dir="auto">
              {draft.title}
            </p>
          </div>
          <div className="module-editor__actions">
            <button
              type="button"
              className="button"
              // aria-disabled rather than disabled: focus stays on the button when the last step is undone.
              aria-disabled={!canUndo(history) || undefined}
              aria-keyshortcuts="Control+Z Meta+Z"
              onClick={() => {
                dispatch({ type: 'undo' });
              }}
            >
              {t('editor.undo')}
            </button>
            <button
              type="button"
              className="button"
              aria-disabled={!canRedo(history) || undefined}
              aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
              onClick={() => {
                dispatch({ type: 'redo' });
              }}
            >
              {t('editor.redo')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={closing}
              onClick={() => {
                void done();
              }}
            >
              {t('editor.done')}
            </button>
          </div>
          <SaveStatusLine
            status={autosave.status}
            onReload={() => {
              void reload();
            }}
            onRetry={autosave.retry}
          />
        </header>

        <ProblemSummary problems={problems} draft={draft} t={translate} onGo={goToProblem} />

        <div className="module-editor__columns">
          <LessonOutline lessons={draft.lessons} selected={current} onSelect={setSelected} />
          <div className="module-editor__form">
            {lesson !== undefined && typeof current === 'number' ? (
              <LessonForm lesson={lesson} index={current} references={loaded.references} />
            ) : (
              <ModuleForm draft={draft} others={loaded.others} references={loaded.references} idNote={idNote} />
            )}
          </div>
        </div>
      </section>
    </EditorContext>
  );
}

/** The live save status; screen readers hear each change without losing their place. */
function SaveStatusLine({ status, onReload, onRetry }: { status: SaveStatus; onReload: () => void; onRetry: () => void }) {
  const { t } = useTranslation();
  let text: string;
  switch (status.kind) {
    case 'new':
      text = t('editor.status.new');
      break;
    case 'saved':
      text = t('editor.status.saved');
      break;
    case 'saving':
      text = t('editor.status.saving');
      break;
    case 'invalid':
      text = t('editor.status.invalid', { count: status.count });
      break;
    case 'conflict':
      text = t('editor.status.conflict');
      break;
    case 'failed':
      text = t('editor.status.failed', { reason: t(`errors.code.${status.error.code}`), message: status.error.message });
      break;
  }
  return (
    <div className={`module-editor__status module-editor__status--${status.kind}`}>
      <p role="status">{text}</p>
      {status.kind === 'conflict' && (
        <button type="button" className="button button--small" onClick={onReload}>
          {t('editor.reload')}
        </button>
      )}
      {status.kind === 'failed' && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('editor.retry')}
        </button>
      )}
    </div>
  );
}

/** "3 problems", each a button that opens the lesson concerned and puts the cursor in the field. */
function ProblemSummary({ problems, draft, t, onGo }: { problems: readonly EditorProblem[]; draft: Module; t: Translate; onGo: (path: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <section className="panel panel--error module-editor__problems" aria-labelledby="editor-problems-title">
      <h2 id="editor-problems-title">{t('editor.problems.title', { count: problems.length })}</h2>
      <ul>
        {problems.map((problem, i) => (
          // The same path can carry two problems; the position keeps keys unique within this render.
          <li key={`${problem.path}#${i}`}>
            <button
              type="button"
              className="module-editor__problem"
              onClick={() => {
                onGo(problem.path);
              }}
            >
              {t('editor.problems.item', { where: describePath(problem.path, draft, t), problem: t(problem.key, problem.values) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
