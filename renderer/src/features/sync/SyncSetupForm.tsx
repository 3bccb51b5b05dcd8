import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { SyncConfig, SyncStatus } from '../../../../shared/schemas/sync';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { checkSyncForm, formFromConfig, setupRequest, type SyncForm, type SyncFormField } from './sync-form';

type Props = {
  /** The connection to change; null to connect for the first time. */
  config: SyncConfig | null;
  tokenStored: boolean;
  onConnected: (status: SyncStatus) => void;
  onCancel?: () => void;
};

/**
 * Connects the library to a shared library: a git server's https address with a personal access token,
 * or a folder holding a bare repository; share or follow; the courses too or not; the name and e-mail
 * each shared change carries (asked once, kept with the connection); automatic sync. Problems are said in
 * plain words next to their field once the user has tried to connect.
 */
export function SyncSetupForm({ config, tokenStored, onConnected, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<SyncForm>(() => formFromConfig(config));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const problems = checkSyncForm(form);
  const set = <K extends keyof SyncForm>(key: K, value: SyncForm[K]) => {
    setForm({ ...form, [key]: value });
  };

  async function connect() {
    setTried(true);
    setFailure(null);
    if (problems.size > 0) {
      const first = [...problems.keys()][0];
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onConnected(await call('sync:setup', setupRequest(form)));
    } catch (error) {
      setFailure(toAppErrorShape(error));
    } finally {
      setBusy(false);
    }
  }

  /** A labelled field with its help and, once the user tried to connect, its problem. */
  const field = (name: SyncFormField, label: string, input: (props: { id: string; 'aria-describedby': string; 'aria-invalid'?: true }) => ReactNode, help?: string) => {
    const problem = tried ? problems.get(name) : undefined;
    const describedBy = [help ? `${id}-${name}-help` : '', problem ? `${id}-${name}-error` : ''].filter(Boolean).join(' ');
    return (
      <div className="field sync-form__field">
        <label className="field__label" htmlFor={`${id}-${name}`}>
          {label}
        </label>
        {input({ id: `${id}-${name}`, 'aria-describedby': describedBy, ...(problem ? { 'aria-invalid': true as const } : {}) })}
        {help && (
          <p id={`${id}-${name}-help`} className="muted sync-form__help">
            {help}
          </p>
        )}
        {problem && (
          <p id={`${id}-${name}-error`} className="field__error">
            {t(`sync.form.problem.${problem}`)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      className="sync-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void connect();
      }}
    >
      <fieldset className="sync-form__choice">
        <legend className="field__label">{t('sync.form.where')}</legend>
        {(['http', 'folder'] as const).map((where) => (
          <label key={where}>
            <input type="radio" name={`${id}-where`} checked={form.where === where} onChange={() => { set('where', where); }} /> {t(`sync.form.whereOption.${where}`)}
          </label>
        ))}
      </fieldset>
      {form.where === 'http' ? (
        <>
          {field('url', t('sync.form.url'), (p) => <input {...p} type="url" dir="ltr" autoComplete="off" spellCheck={false} placeholder="https://git.academy.example/library.git" value={form.url} onChange={(e) => { set('url', e.target.value); }} />, t('sync.form.urlHelp'))}
          {field('token', t('sync.form.token'), (p) => <input {...p} type="password" dir="ltr" autoComplete="off" value={form.token} onChange={(e) => { set('token', e.target.value); }} />, tokenStored ? t('sync.form.tokenKept') : t('sync.form.tokenHelp'))}
          <details className="sync-form__more" {...(tried && problems.has('username') ? { open: true } : {})}>
            <summary>{t('sync.form.more')}</summary>
            {field('username', t('sync.form.username'), (p) => <input {...p} type="text" dir="ltr" autoComplete="off" value={form.username} onChange={(e) => { set('username', e.target.value); }} />, t('sync.form.usernameHelp'))}
          </details>
        </>
      ) : (
        field('folder', t('sync.form.folder'), (p) => <input {...p} type="text" dir="ltr" spellCheck={false} placeholder="D:\library.git" value={form.folder} onChange={(e) => { set('folder', e.target.value); }} />, t('sync.form.folderHelp'))
      )}
      <fieldset className="sync-form__choice">
        <legend className="field__label">{t('sync.form.mode')}</legend>
        {(['share', 'follow'] as const).map((mode) => (
          <label key={mode}>
            <input type="radio" name={`${id}-mode`} checked={form.mode === mode} onChange={() => { set('mode', mode); }} /> {t(`sync.form.modeOption.${mode}`)}
          </label>
        ))}
      </fieldset>
      {form.mode === 'share' ? (
        <label className="sync-form__check">
          <input type="checkbox" checked={form.includeCourses} onChange={(e) => { set('includeCourses', e.target.checked); }} /> {t('sync.form.includeCourses')}
        </label>
      ) : (
        field('publisher', t('sync.form.publisher'), (p) => <input {...p} type="text" dir="auto" value={form.publisher} onChange={(e) => { set('publisher', e.target.value); }} />, t('sync.form.publisherHelp'))
      )}
      <fieldset className="sync-form__author">
        <legend className="field__label">{t('sync.form.author')}</legend>
        <p className="muted sync-form__help">{t('sync.form.authorHelp')}</p>
        {field('name', t('sync.form.name'), (p) => <input {...p} type="text" dir="auto" autoComplete="name" value={form.name} onChange={(e) => { set('name', e.target.value); }} />)}
        {field('email', t('sync.form.email'), (p) => <input {...p} type="email" dir="ltr" autoComplete="email" value={form.email} onChange={(e) => { set('email', e.target.value); }} />)}
      </fieldset>
      {field('minutes', t('sync.form.minutes'), (p) => <input {...p} type="number" min={0} max={1440} step={1} className="sync-form__minutes" value={form.minutes} onChange={(e) => { set('minutes', e.target.value); }} />, t('sync.form.minutesHelp'))}
      {failure && <ErrorMessage error={failure} />}
      <div className="sync-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {config ? t('sync.form.save') : t('sync.form.connect')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('sync.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
