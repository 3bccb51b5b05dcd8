import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelProps } from '../composer-types';
import { withPlaceholder, type PlaceholderProblem, type PlaceholderUse } from './placeholder-usage';

type FieldProps = { use: PlaceholderUse; value: string; change: PanelProps['change'] };

/**
 * One placeholder's value. Each keystroke is a change (the page coalesces typing into one undo step); text
 * the store would refuse is kept in the field with the reason and not passed on.
 */
export function PlaceholderField({ use, value, change }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [rejected, setRejected] = useState<{ text: string; problem: PlaceholderProblem } | null>(null);
  const placeholder = `{${use.name}}`;
  const filled = value.trim() !== '';

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
          {t('composerPanels.placeholders.fieldLabel', { placeholder })}
          {!filled && <span className="cp-badge cp-badge--warn">{t('composerPanels.placeholders.unfilled')}</span>}
        </span>
        <input
          type="text"
          // Values are often in another script than the interface (an English law name in Arabic): each keeps its own direction.
          dir="auto"
          value={rejected?.text ?? value}
          maxLength={300}
          aria-invalid={rejected !== null}
          aria-describedby={`${id}-used${rejected ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            onInput(e.target.value);
          }}
        />
      </label>
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
