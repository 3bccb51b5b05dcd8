import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { placeholderValues } from '../../../../../shared/domain/placeholders';
import type { PanelProps } from '../composer-types';
import { PlaceholderField } from './PlaceholderField';
import { placeholderUses } from './placeholder-usage';
import './panels.css';

/**
 * The values of `{country}` and the like, filled once for the whole course. Lists every placeholder the
 * course's modules use, where, and which are still empty; values no module uses any more can be removed.
 */
export function PlaceholdersPanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { curriculum, change, placeholderDefaults } = props;
  const uses = useMemo(() => placeholderUses(curriculum.items), [curriculum.items]);
  // Maps, not the stored records: names are user text, and `constructor` must be a name like any other.
  const values = useMemo(() => placeholderValues(curriculum.placeholders), [curriculum.placeholders]);
  const defaults = useMemo(() => new Map([...placeholderValues(placeholderDefaults)].filter(([, v]) => v.trim() !== '')), [placeholderDefaults]);
  const blank = uses.filter((u) => !values.get(u.name)?.trim());
  const unfilled = blank.filter((u) => !defaults.has(u.name)).length;
  const byDefault = blank.length - unfilled;
  const unused = useMemo(() => {
    const used = new Set(uses.map((u) => u.name));
    return [...values.keys()].filter((name) => !used.has(name)).sort();
  }, [uses, values]);

  return (
    <section className="cp-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('composerPanels.placeholders.title')}</h2>
      <p className="muted">{t('composerPanels.placeholders.help')}</p>
      {uses.length === 0 ? (
        <p>{t('composerPanels.placeholders.none')}</p>
      ) : (
        <p role="status" className={unfilled > 0 ? 'ph-status--warn' : 'cp-ok'}>
          {unfilled > 0 ? t('composerPanels.placeholders.unfilledCount', { count: unfilled }) : t('composerPanels.placeholders.allFilled')}
          {byDefault > 0 && <> {t('composerPanels.placeholders.byDefaultCount', { count: byDefault })}</>}
        </p>
      )}
      <ul className="ph-list">
        {uses.map((use) => (
          <PlaceholderField key={use.name} use={use} value={values.get(use.name) ?? ''} fallback={defaults.get(use.name)} change={change} />
        ))}
      </ul>
      {unused.length > 0 && (
        <>
          <h3>{t('composerPanels.placeholders.unusedTitle')}</h3>
          <ul className="cp-list">
            {unused.map((name) => (
              <li key={name} className="cp-check">
                <span dir="ltr">{`{${name}}`}</span> <span className="muted" dir="auto">{values.get(name)}</span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    change(t('composerPanels.placeholders.removeLabel', { placeholder: `{${name}}` }), (current) => ({
                      ...current,
                      placeholders: Object.fromEntries(Object.entries(current.placeholders).filter(([key]) => key !== name)),
                    }));
                  }}
                >
                  {t('composerPanels.placeholders.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
