import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape } from '../../../../shared/errors';
import type { WordCorrection, WordImportResult, WordPreview } from '../../../../shared/schemas/word-import';
import type { Route } from '../../app/sections';
import { call } from '../../lib/api';
import { packSource } from '../../lib/incoming-packs';
import { WordFileView } from './WordFileView';
import './word-import.css';

type State = { kind: 'idle' } | { kind: 'reading' } | { kind: 'error'; message: string } | { kind: 'imported'; result: WordImportResult } | { kind: 'undone' };

/**
 * Import lesson plans written in Word: choose one or more .docx files, see what each would become next to
 * its text, correct what a heading or table is, then import them as draft modules (undo is offered).
 */
export function WordImportPage({ onOpen }: { onOpen: (route: Route) => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<WordPreview | null>(null);
  const [corrections, setCorrections] = useState<WordCorrection[]>([]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);

  async function open(files: readonly File[]) {
    setState({ kind: 'reading' });
    setPreview(null);
    setCorrections([]);
    try {
      // Uploaded one by one where the host takes uploads (web harness), as base64 otherwise.
      const sources = [];
      for (const file of files) sources.push(await packSource({ fileName: file.name, file }));
      setPreview(await call('word:preview', { files: sources }));
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'error', message: toAppErrorShape(error).message });
    }
  }

  async function correct(next: WordCorrection) {
    if (!preview) return;
    const list = [...corrections.filter((c) => !(c.file === next.file && c.block === next.block)), next];
    setCorrections(list);
    try {
      setPreview(await call('word:repreview', { previewId: preview.previewId, corrections: list }));
    } catch (error) {
      setState({ kind: 'error', message: toAppErrorShape(error).message });
    }
  }

  async function importAll() {
    if (!preview) return;
    try {
      const result = await call('word:import', { previewId: preview.previewId, corrections });
      setPreview(null);
      setState({ kind: 'imported', result });
    } catch (error) {
      setState({ kind: 'error', message: toAppErrorShape(error).message });
    }
  }

  async function undo() {
    try {
      await call('pack:undo-import');
      setState({ kind: 'undone' });
    } catch (error) {
      setState({ kind: 'error', message: toAppErrorShape(error).message });
    }
  }

  const importable = preview?.files.reduce((sum, file) => sum + (file.ok ? file.modules.length : 0), 0) ?? 0;

  return (
    <section className="word-import" aria-labelledby="word-import-title">
      <header className="word-import__header">
        <div>
          <h1 id="word-import-title">{t('wordImport.title')}</h1>
          <p className="muted">{t('wordImport.intro')}</p>
        </div>
        <button type="button" className="button" onClick={() => { onOpen({ section: 'library', view: 'list' }); }}>
          {t('wordImport.back')}
        </button>
      </header>
      <div className="word-import__actions">
        <button type="button" className="button button--primary" onClick={() => inputRef.current?.click()}>
          {t('wordImport.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          multiple
          hidden
          aria-label={t('wordImport.choose')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void open(files);
          }}
        />
        {preview && importable > 0 && (
          <button type="button" className="button button--primary" onClick={() => void importAll()}>
            {t('wordImport.import', { count: importable })}
          </button>
        )}
      </div>
      {state.kind === 'reading' && <p role="status">{t('wordImport.reading')}</p>}
      {state.kind === 'error' && <p role="alert" className="panel panel--error">{state.message}</p>}
      {state.kind === 'undone' && <p role="status" className="ok">{t('wordImport.undone')}</p>}
      {state.kind === 'imported' && (
        <div role="status" className="panel panel--notice">
          <p>{t('wordImport.imported', { count: state.result.modules.length })}</p>
          <ul>
            {state.result.modules.map((m) => (
              <li key={m.moduleId}>
                <a href={`#/library/${m.moduleId}`} onClick={(e) => { e.preventDefault(); onOpen({ section: 'library', view: 'module', moduleId: m.moduleId }); }}>
                  {m.title}
                </a>{' '}
                <span className="muted">{t('wordImport.toCheckCount', { count: m.toCheck })}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={() => void undo()}>
            {t('wordImport.undo')}
          </button>
        </div>
      )}
      {preview?.files.map((file, index) => (
        <WordFileView key={`${file.fileName}-${String(index)}`} file={file} onCorrect={(block, as) => void correct({ file: index, block, as })} />
      ))}
    </section>
  );
}
