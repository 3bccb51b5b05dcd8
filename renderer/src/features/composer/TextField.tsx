/** A labelled single-line text field whose typing forms one undo step per pause. */
export function TextField({
  id,
  label,
  value,
  maxLength,
  lang,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  maxLength: number;
  lang?: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={maxLength}
        lang={lang}
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}
