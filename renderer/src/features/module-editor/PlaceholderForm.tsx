import { useTranslation } from 'react-i18next';
import { modulePlaceholders } from '../../../../shared/domain/placeholders';
import type { Module } from '../../../../shared/schemas/module';
import { fieldId } from './draft-paths';
import { useEditor } from './editor-context';
import { TextField } from './fields';

/** "national_police_law" → "National police law": a first label the author can then correct. */
function labelFromName(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What each `{placeholder}` of the module stands for: a label, a description and an example, which the
 * composer and Settings show instead of the raw token. Names the texts use without a definition, and
 * definitions no text uses any more, are pointed out (warnings: the module still saves).
 */
export function PlaceholderForm({ draft }: { draft: Module }) {
  const { t } = useTranslation();
  const { apply, focusLater } = useEditor();
  const used = modulePlaceholders(draft);
  const definitions = draft.placeholders ?? [];
  // Position of each definition by name, in a Map: names are user text (`constructor` included).
  const at = new Map(definitions.map((d, i) => [d.name, i]));
  const unused = definitions.filter((d) => !used.includes(d.name));

  const define = (name: string) => {
    const index = definitions.length;
    apply((current) => ({ ...current, placeholders: [...(current.placeholders ?? []), { name, label: labelFromName(name) }] }));
    focusLater(fieldId(['placeholders', index, 'label']));
  };
  const remove = (name: string) => {
    apply((current) => {
      const rest = (current.placeholders ?? []).filter((d) => d.name !== name);
      const { placeholders: _all, ...others } = current;
      return rest.length > 0 ? { ...current, placeholders: rest } : others;
    });
  };

  return (
    <div className="panel">
      <h3 className="editor-subheading">{t('editor.placeholders.title')}</h3>
      <p className="editor-help">{t('editor.placeholders.help')}</p>
      {used.length === 0 && <p className="muted">{t('editor.placeholders.none')}</p>}
      <ul className="editor-placeholders">
        {used.map((name) => {
          const index = at.get(name);
          const token = `{${name}}`;
          return (
            <li key={name} className="editor-placeholders__row">
              <p className="editor-placeholders__name">
                <code dir="ltr">{token}</code>
              </p>
              {index === undefined ? (
                <p className="editor-warning">
                  {t('editor.placeholders.undefined', { placeholder: token })}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      define(name);
                    }}
                  >
                    {t('editor.placeholders.define', { placeholder: token })}
                  </button>
                </p>
              ) : (
                <div className="editor-row">
                  <TextField path={['placeholders', index, 'label']} label={t('editor.placeholders.label', { placeholder: token })} value={definitions[index]?.label ?? ''} />
                  <TextField path={['placeholders', index, 'description']} label={t('editor.placeholders.description', { placeholder: token })} value={definitions[index]?.description ?? ''} />
                  <TextField path={['placeholders', index, 'example']} label={t('editor.placeholders.example', { placeholder: token })} value={definitions[index]?.example ?? ''} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {unused.length > 0 && (
        <ul className="editor-placeholders">
          {unused.map(({ name }) => (
            <li key={name} className="editor-warning">
              {t('editor.placeholders.unused', { placeholder: `{${name}}` })}{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  remove(name);
                }}
              >
                {t('editor.placeholders.remove', { placeholder: `{${name}}` })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
