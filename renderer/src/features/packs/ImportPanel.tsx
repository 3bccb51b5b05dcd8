import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape } from '../../../../shared/errors';
import type { PackPreview } from '../../../../shared/schemas/pack-import';
import { call } from '../../lib/api';
import { fileToBase64, onIncomingPack, type IncomingPack } from '../../lib/incoming-packs';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { PackPreviewView } from './PackPreviewView';

/** Open a pack (file picker, drop on the window, or double-click in the file manager) and preview it. */
export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'reading' } | { kind: 'refused'; message: string } | { kind: 'done'; message: string }>({ kind: 'idle' });
  const [last, reloadLast] = useApi(() => call('pack:last-import'));
  const inputRef = useRef<HTMLInputElement>(null);

  async function open(pack: IncomingPack) {
    setState({ kind: 'reading' });
    setPreview(null);
    try {
      setPreview(await call('pack:preview', pack));
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'refused', message: toAppErrorShape(error).message });
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
            if (file) void fileToBase64(file).then((bytesBase64) => open({ fileName: file.name, bytesBase64 }));
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
      {state.kind === 'reading' && <p role="status">{t('packs.reading')}</p>}
      {state.kind === 'refused' && <p role="alert" className="panel panel--error">{t('packs.refused', { message: state.message })}</p>}
      {state.kind === 'done' && <p role="status" className="ok">{state.message}</p>}
      {preview && (
        <PackPreviewView
          preview={preview}
          onCancel={() => { setPreview(null); }}
          onImported={(count) => {
            setPreview(null);
            setState({ kind: 'done', message: t('packs.imported', { count }) });
            reloadLast();
          }}
        />
      )}
    </section>
  );
}
