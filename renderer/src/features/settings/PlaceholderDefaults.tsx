import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeholderValues } from '../../../../shared/domain/placeholders';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { PlaceholderValuesSchema } from '../../../../shared/schemas/curriculum';
import type { LibraryPlaceholder } from '../../../../shared/schemas/library-detail';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';

type Definition = LibraryPlaceholder['definitions'][number];

/** The definition in the interface language when a module gives one, else the first there is. */
function definitionFor(placeholder: LibraryPlaceholder, language: string): Definition | undefined {
  return placeholder.definitions.find((d) => d.language === language) ?? placeholder.definitions[0];
}

/**
 * The academy's own values of the placeholders the library uses ({country}, {oversight_body}...), used in
 * exports and checks by every course that has no value of its own. Each shows the label, description and
 * example its modules give it. Values are kept in a Map: names are user text.
 */
export function PlaceholderDefaults({ saved, onSaved }: { saved: Readonly<Record<string, string>> | undefined; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [library] = useApi(() => call('library:placeholders'));
  const [values, setValues] = useState<ReadonlyMap<string, string>>(() => placeholderValues(saved));
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; error: AppErrorShape }>({ kind: 'idle' });
  // Defaults for names no module uses any more stay listed, so they can be seen and cleared.
  const names = useMemo(() => {
    const used = library.state === 'ready' ? library.value : [];
    const known = new Set(used.map((p) => p.name));
    return [...used, ...[...values.keys()].filter((n) => !known.has(n)).map((name): LibraryPlaceholder => ({ name, definitions: [], modules: 0 }))];
  }, [library, values]);

  async function save() {
    const entries = [...values].filter(([, v]) => v.trim() !== '');
    const parsed = PlaceholderValuesSchema.safeParse(Object.fromEntries(entries));
    if (!parsed.success) {
      setState({ kind: 'failed', error: { code: 'invalid-argument', message: t('settings.placeholders.invalid') } });
      return;
    }
    try {
      await call('settings:update', { placeholderDefaults: parsed.data });
      setState({ kind: 'saved' });
      onSaved();
    } catch (error) {
      setState({ kind: 'failed', error: toAppErrorShape(error) });
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.placeholders.title')}</h2>
      <p className="muted">{t('settings.placeholders.help')}</p>
      {library.state === 'error' && <ErrorMessage error={library.error} />}
      <form
        className="settings-placeholders"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ul className="settings-placeholders__list">
          {names.map((placeholder) => {
            const definition = definitionFor(placeholder, i18n.language);
            const token = `{${placeholder.name}}`;
            const fieldId = `${id}-${placeholder.name}`;
            return (
              <li key={placeholder.name} className="settings-placeholders__row">
                <label className="field__label" htmlFor={fieldId}>
                  {definition ? (
                    <span lang={definition.language} dir="auto">
                      {definition.label}
                    </span>
                  ) : (
                    t('settings.placeholders.unnamed')
                  )}{' '}
                  <code className="ph-token" dir="ltr">
                    {token}
                  </code>
                </label>
                <input
                  id={fieldId}
                  type="text"
                  dir="auto"
                  maxLength={300}
                  value={values.get(placeholder.name) ?? ''}
                  aria-describedby={`${fieldId}-help`}
                  onChange={(event) => {
                    const next = new Map(values);
                    next.set(placeholder.name, event.target.value);
                    setValues(next);
                    setState({ kind: 'idle' });
                  }}
                />
                <p id={`${fieldId}-help`} className="muted settings-placeholders__help">
                  {definition?.description && (
                    <span lang={definition.language} dir="auto">
                      {definition.description}{' '}
                    </span>
                  )}
                  {definition?.example && (
                    <>
                      {t('settings.placeholders.example')}{' '}
                      <bdi lang={definition.language} dir="auto">
                        {definition.example}
                      </bdi>
                      {'. '}
                    </>
                  )}
                  {t('settings.placeholders.usedBy', { count: placeholder.modules })}
                </p>
              </li>
            );
          })}
        </ul>
        <button type="submit" className="button button--primary">
          {t('settings.placeholders.save')}
        </button>
        {state.kind === 'saved' && (
          <p role="status" className="ok">
            {t('settings.placeholders.saved')}
          </p>
        )}
        {state.kind === 'failed' && <ErrorMessage error={state.error} />}
      </form>
    </section>
  );
}
