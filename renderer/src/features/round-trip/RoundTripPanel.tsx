import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape } from '../../../../shared/errors';
import type { RoundTripPreview, RoundTripResult } from '../../../../shared/schemas/round-trip';
import { call } from '../../lib/api';
import { packSource } from '../../lib/incoming-packs';
import { RoundTripPreviewView } from './RoundTripPreviewView';
import './round-trip.css';

type Status = { kind: 'idle' } | { kind: 'reading' } | { kind: 'refused'; message: string } | { kind: 'applied'; result: RoundTripResult } | { kind: 'undone' };

/** Open an edited copy of one of our Word exports, see its changes field by field, and apply them. */
export function RoundTripPanel() {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<RoundTripPreview | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);

  async function open(file: File) {
    setStatus({ kind: 'reading' });
    setPreview(null);
    try {
      // The same transport as packs: streamed to the web harness, base64 to the desktop app.
      setPreview(await call('roundtrip:preview', await packSource({ fileName: file.name, file })));
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'refused', message: toAppErrorShape(error).message });
    }
  }

  async function undo() {
    if (!window.confirm(t('roundTrip.undoConfirm'))) return;
    try {
      await call('roundtrip:undo');
      setStatus({ kind: 'undone' });
    } catch (error) {
      setStatus({ kind: 'refused', message: toAppErrorShape(error).message });
    }
  }

  return (
    <section className="panel round-trip" aria-labelledby="round-trip-title">
      <h2 id="round-trip-title">{t('roundTrip.title')}</h2>
      <p className="muted">{t('roundTrip.help')}</p>
      <div className="packs__actions">
        <button type="button" className="button button--primary" onClick={() => inputRef.current?.click()}>
          {t('roundTrip.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".docx"
          hidden
          aria-label={t('roundTrip.choose')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
      </div>
      {status.kind === 'reading' && <p role="status">{t('roundTrip.reading')}</p>}
      {status.kind === 'refused' && <p role="alert" className="panel panel--error">{t('roundTrip.refused', { message: status.message })}</p>}
      {status.kind === 'undone' && <p role="status" className="ok">{t('roundTrip.undone')}</p>}
      {status.kind === 'applied' && (
        <div role="status">
          <p className="ok">
            {t('roundTrip.applied', { count: status.result.applied.length })}{' '}
            {status.result.undo && (
              <button type="button" className="button button--small" onClick={() => void undo()}>
                {t('roundTrip.undo')}
              </button>
            )}
          </p>
          {status.result.skipped.length > 0 && (
            <ul>
              {status.result.skipped.map((skip) => (
                <li key={skip.name}>{t('roundTrip.skipped', { reason: skip.reason })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview && (
        <RoundTripPreviewView
          preview={preview}
          onClose={() => { setPreview(null); }}
          onApplied={(result) => {
            setPreview(null);
            setStatus({ kind: 'applied', result });
          }}
        />
      )}
    </section>
  );
}
