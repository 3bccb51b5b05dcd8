import { useTranslation } from 'react-i18next';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import type { ComposerComputed } from './composer-types';
import { formatDuration } from './format-duration';
import { SaveStatusLine } from './SaveStatusLine';
import type { SaveStatus } from './use-curriculum-autosave';

type HistoryControls = { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean; undoLabel: string | null; redoLabel: string | null };

/** Title, back link, undo/redo naming the step they act on, the save status and the course at a glance. */
export function ComposerHeader({
  draft,
  computed,
  history,
  status,
  onBack,
  onReload,
  onRetry,
  onExport,
  onPreview,
}: {
  draft: Curriculum;
  computed: ComposerComputed;
  history: HistoryControls;
  status: SaveStatus;
  onBack: () => void;
  onReload: () => void;
  onRetry: () => void;
  onExport: () => void;
  onPreview: () => void;
}) {
  const { t } = useTranslation();
  const { schedule, checks } = computed;
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings = checks.filter((c) => c.severity === 'warning' && !c.acknowledged).length;
  const modules = draft.items.filter((i) => i.kind === 'module').length;
  return (
    <header className="composer__header">
      <div className="composer__heading">
        <a
          className="composer__back"
          href="#/curricula"
          onClick={(event) => {
            event.preventDefault();
            onBack();
          }}
        >
          {t('composer.back')}
        </a>
        {/* The title keeps its own direction (an English course in the Arabic interface) but lines up with the
            page, at the start of the interface's direction. */}
        <h1 id="composer-title" tabIndex={-1}>
          {draft.title.trim() ? (
            <bdi lang={draft.language} dir="auto">
              {draft.title}
            </bdi>
          ) : (
            t('composer.untitled')
          )}
        </h1>
      </div>
      <div className="composer__actions">
        <button
          type="button"
          className="button"
          // aria-disabled rather than disabled: focus stays on the button when the last step is undone.
          aria-disabled={!history.canUndo || undefined}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={history.undoLabel ? t('composer.undoNamed', { change: history.undoLabel }) : undefined}
          onClick={history.undo}
        >
          {t('composer.undo')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={!history.canRedo || undefined}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          title={history.redoLabel ? t('composer.redoNamed', { change: history.redoLabel }) : undefined}
          onClick={history.redo}
        >
          {t('composer.redo')}
        </button>
        <button type="button" className="button" onClick={onPreview}>
          {t('composer.preview')}
        </button>
        <button type="button" className="button button--primary" aria-haspopup="dialog" onClick={onExport}>
          {t('composer.export')}
        </button>
      </div>
      <SaveStatusLine status={status} onReload={onReload} onRetry={onRetry} />
      <p className="composer__summary" data-testid="composer-summary">
        <span>{t('composer.summary.modules', { count: modules })}</span>
        <span>{t('composer.summary.days', { used: schedule.daysUsed, count: schedule.plannedDays })}</span>
        <span>
          {t('composer.summary.teaching', {
            taught: formatDuration(t, schedule.teachingMinutes),
            capacity: formatDuration(t, schedule.capacityMinutes),
          })}
        </span>
        <span className={errors > 0 ? 'composer__summary-errors' : undefined}>{t('composer.summary.errors', { count: errors })}</span>
        <span>{t('composer.summary.warnings', { count: warnings })}</span>
      </p>
    </header>
  );
}
