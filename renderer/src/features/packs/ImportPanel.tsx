import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape } from '../../../../shared/errors';
import type { PackPreview } from '../../../../shared/schemas/pack-import';
import { call } from '../../lib/api';
import { getBridge } from '../../lib/bridge';
import { onIncomingPack, packSource, type IncomingPack } from '../../lib/incoming-packs';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { PackPreviewView } from './PackPreviewView';

/** Open a pack (file picker, drop on the window, or double-click in the file manager) and preview it. */
export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'reading'; taskId: string; percent: number } | { kind: 'refused'; message: string } | { kind: 'done'; message: string }
  >({ kind: 'idle' });
  const [last, reloadLast] = useApi(() => call('pack:last-import'));
  const inputRef = useRef<HTMLInputElement>(null);

  async function open(pack: IncomingPack) {
    const taskId = `preview-${String(Date.now())}`;
    setState({ kind: 'reading', taskId, percent: 0 });
    setPreview(null);
    const stop = getBridge().on('task:progress', (p) => {
      if (p.taskId === taskId) setState({ kind: 'reading', taskId, percent: Math.round((100 * p.done) / Math.max(1, p.total)) });
    });
    try {
      setPreview(await call('pack:preview', { ...(await packSource(pack)), taskId }));
      setState({ kind: 'idle' });
    } catch (error) {
      const shape = toAppErrorShape(error);
      setState(shape.code === 'cancelled' ? { kind: 'idle' } : { kind: 'refused', message: shape.message });
    } finally {
      stop();
    }
  }

  useEffect(
    () =>
      onIncomingPack((pack) => {
        void open(pack);
      }),
    [],
  );

  async function undo() {
    if (last.state !== 'ready' || !last.value) return;
    if (!window.confirm(t('packs.undoConfirm', { title: last.value.title }))) return;
    try {
      await call('pack:undo-import');
      setState({ kind: 'done', message: t('packs.undone') });
    } catch (error) {
      setState({ kind: 'refused', message: toAppErrorShape(error).message });
    }
    reloadLast();
  }

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('packs.importTitle')}</h2>
      <p className="muted">{t('packs.importHelp')}</p>
      <div className="packs__actions">
        <button type="button" className="button button--primary" onClick={() => inputRef.current?.click()}>
          {t('packs.chooseFile')}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".ccpack"
          hidden
          aria-label={t('packs.chooseFile')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open({ fileName: file.name, file });
          }}
        />
        {last.state === 'ready' && last.value && (
          <span className="packs__last">
            {t('packs.lastImport', { title: last.value.title, publisher: last.value.publisher, date: formatDateTime(last.value.importedAt, i18n.language) })}{' '}
            <button type="button" className="button button--small" onClick={() => void undo()}>
              {t('packs.undo')}
            </button>
          </span>
        )}
      </div>
      {state.kind === 'reading' && (
        <p role="status" className="packs__reading">
          {t('packs.reading')} <progress max={100} value={state.percent} aria-label={t('packs.reading')} />{' '}
          <button type="button" className="button button--small" onClick={() => void call('task:cancel', { taskId: state.taskId })}>
            {t('packs.cancel')}
          </button>
        </p>
      )}
      {state.kind === 'refused' && <p role="alert" className="panel panel--error">{t('packs.refused', { message: state.message })}</p>}
      {state.kind === 'done' && <p role="status" className="ok">{state.message}</p>}
      {preview && (
        <PackPreviewView
          preview={preview}
          onCancel={() => { setPreview(null); }}
          onImported={(result) => {
            setPreview(null);
            const count = result.written.length;
            const courses = result.curricula.length;
            const added = t('packs.courses.added', { count: courses });
            // Only courses: say that alone rather than "Imported 0 modules"; nothing at all: say so.
            const message =
              count === 0 && courses === 0 ? t('packPreview.nothingImported') : courses === 0 ? t('packs.imported', { count }) : count === 0 ? added : `${t('packs.imported', { count })} ${added}`;
            setState({ kind: 'done', message });
            reloadLast();
          }}
        />
      )}
    </section>
  );
}
