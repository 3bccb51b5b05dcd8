import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A whole number within bounds. What is typed is kept as text until it is a valid number, so the draft
 * only ever holds valid values; out-of-range text says so at the field. An undo that changes the value
 * from outside replaces the text.
 */
export function NumberField({
  id,
  label,
  value,
  min,
  max,
  help,
  warning,
  className,
  onCommit,
}: {
  id?: string;
  label: string;
  value: number;
  min: number;
  max: number;
  help?: string;
  /** Said at the field when the value is allowed but unusual (outside a suggested range). */
  warning?: string | undefined;
  className?: string;
  onCommit: (value: number) => void;
}) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // The documented way to follow a prop: compare during render, not in an effect.
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
  const described = [help ? `${inputId}-help` : '', valid && warning ? `${inputId}-warning` : '', valid ? '' : `${inputId}-error`].filter(Boolean).join(' ');
  return (
    <div className={`field composer-number ${className ?? ''}`}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby={described || undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const number = Number(next);
          if (next.trim() !== '' && Number.isInteger(number) && number >= min && number <= max) {
            setShown(number);
            onCommit(number);
          }
        }}
      />
      {help && (
        <span id={`${inputId}-help`} className="composer-help">
          {help}
        </span>
      )}
      {valid && warning && (
        <span id={`${inputId}-warning`} className="field__warning">
          {warning}
        </span>
      )}
      {!valid && (
        <span id={`${inputId}-error`} className="field__error">
          {t('composer.fields.range', { min, max })}
        </span>
      )}
    </div>
  );
}
