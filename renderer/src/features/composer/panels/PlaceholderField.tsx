import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelProps } from '../composer-types';
import { withPlaceholder, type PlaceholderProblem, type PlaceholderUse } from './placeholder-usage';

type FieldProps = {
  use: PlaceholderUse;
  value: string;
  /** The academy's value from Settings, used in exports and checks while this course has none. */
  fallback: string | undefined;
  change: PanelProps['change'];
};

/**
 * One placeholder's value, under the label, explanation and example its module gives it (the raw `{name}`
 * only as a hint). Each keystroke is a change (the page coalesces typing into one undo step); text the store
 * would refuse is kept in the field with the reason and not passed on.
 */
export function PlaceholderField({ use, value, fallback, change }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [rejected, setRejected] = useState<{ text: string; problem: PlaceholderProblem } | null>(null);
  const placeholder = `{${use.name}}`;
  const filled = value.trim() !== '';
  const definition = use.definition;
  const described = [definition?.description && `${id}-description`, definition?.example && `${id}-example`, fallback && `${id}-default`, `${id}-used`, rejected && `${id}-error`].filter(Boolean).join(' ');

  const onInput = (text: string) => {
    // Checked against the values the field was rendered with: a stale check only costs a reason shown, never a bad save.
    const result = withPlaceholder({ [use.name]: value }, use.name, text);
    if (!result.ok) {
      setRejected({ text, problem: result.problem });
      return;
    }
    setRejected(null);
    change(t('composerPanels.placeholders.changeLabel', { placeholder }), (current) => {
      const next = withPlaceholder(current.placeholders, use.name, text);
      return next.ok ? { ...current, placeholders: next.values } : current;
    });
  };

  return (
    <li className="ph-row">
      <label className="cp-field">
        <span className="cp-field__label">
          {definition ? (
            <>
              <span lang={definition.language} dir="auto">
                {definition.label}
              </span>{' '}
              <code className="ph-token" dir="ltr">
                {placeholder}
              </code>
            </>
          ) : (
            t('composerPanels.placeholders.fieldLabel', { placeholder })
          )}
          {!filled && !fallback && <span className="cp-badge cp-badge--warn">{t('composerPanels.placeholders.unfilled')}</span>}
          {!filled && fallback && <span className="cp-badge">{t('composerPanels.placeholders.byDefault')}</span>}
        </span>
        <input
          type="text"
          // Values are often in another script than the interface (an English law name in Arabic): each keeps its own direction.
          dir="auto"
          value={rejected?.text ?? value}
          maxLength={300}
          aria-invalid={rejected !== null}
          aria-describedby={described}
          onChange={(e) => {
            onInput(e.target.value);
          }}
        />
      </label>
      {definition?.description && (
        <p id={`${id}-description`} className="ph-help" lang={definition.language} dir="auto">
          {definition.description}
        </p>
      )}
      {definition?.example && (
        <p id={`${id}-example`} className="ph-help">
          {t('composerPanels.placeholders.example')}{' '}
          <bdi lang={definition.language} dir="auto">
            {definition.example}
          </bdi>
        </p>
      )}
      {fallback && (
        <p id={`${id}-default`} className="ph-help ph-default">
          {filled ? t('composerPanels.placeholders.defaultOverridden') : t('composerPanels.placeholders.defaultUsed')}{' '}
          <bdi dir="auto">{fallback}</bdi>
        </p>
      )}
      <p id={`${id}-used`} className="muted ph-used" title={use.modules.join(', ')}>
        {t('composerPanels.placeholders.usedIn', { count: use.modules.length, modules: use.modules.join(', ') })}
      </p>
      {rejected && (
        <p id={`${id}-error`} className="cp-field__error" role="alert">
          {t(`composerPanels.placeholders.problem.${rejected.problem}`)}
        </p>
      )}
    </li>
  );
}
