import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, insertAt, moveItem, pathKey, removeAt, toggleIn, type Path } from './draft-paths';
import { useEditor } from './editor-context';
import { ReferencePicker } from './ReferencePicker';
import type { EditorProblem } from './validation';

/**
 * The editor's form controls. Each is addressed by the draft path it edits: the path gives its DOM id (so the
 * problem summary can focus it) and selects the validation problems it shows, linked by aria-describedby.
 */

export type Choice = { value: string; label: string };

function useField(path: Path, options: { descendants?: boolean } = {}) {
  const { problems } = useEditor();
  const key = pathKey(path);
  const id = fieldId(path);
  let own: EditorProblem[] = problems.get(key) ?? [];
  if (options.descendants) {
    // Checkbox groups have no field per item, so problems about single items ("references.3") show on the group.
    own = [...problems].filter(([k]) => k === key || k.startsWith(`${key}.`)).flatMap(([, list]) => list);
  }
  return { id, errorId: `${id}-error`, helpId: `${id}-help`, problems: own, invalid: own.length > 0 };
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

function Problems({ id, problems }: { id: string; problems: readonly EditorProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <p id={id} className="editor-error">
      {problems.map((p) => t(p.key, p.values)).join(' ')}
    </p>
  );
}

function Help({ id, help, markdown }: { id: string; help?: ReactNode; markdown?: boolean }) {
  const { t } = useTranslation();
  if (!help && !markdown) return null;
  return (
    <p id={id} className="editor-help">
      {help}
      {help && markdown ? ' ' : null}
      {markdown ? t('editor.help.markdown') : null}
    </p>
  );
}

type TextProps = {
  path: Path;
  label: string;
  value: string;
  help?: ReactNode;
  /** Module content (in the module's language) rather than a code or setting. */
  content?: boolean;
  className?: string;
};

export function TextField({ path, label, value, help, content = true, className }: TextProps) {
  const { edit, contentLanguage } = useEditor();
  const f = useField(path);
  return (
    <div className={`field editor-field ${className ?? ''}`}>
      <label htmlFor={f.id} className="field__label">
        {label}
      </label>
      <input
        id={f.id}
        type="text"
        value={value}
        lang={content ? contentLanguage : undefined}
        dir={content ? 'auto' : undefined}
        aria-invalid={f.invalid || undefined}
        aria-describedby={describedBy(help !== undefined && f.helpId, f.invalid && f.errorId)}
        onChange={(e) => {
          edit(path, e.target.value, true);
        }}
      />
      <Help id={f.helpId} help={help} />
      <Problems id={f.errorId} problems={f.problems} />
    </div>
  );
}

/** A long text in the safe Markdown subset: the help says which marks work. */
export function TextArea({ path, label, value, help, rows = 4 }: Omit<TextProps, 'content' | 'className'> & { rows?: number }) {
  const { edit, contentLanguage } = useEditor();
  const f = useField(path);
  const area = useRef<HTMLTextAreaElement>(null);
  // A reference goes where the cursor was, or at the end; the cursor then follows it in the text.
  const insert = (source: string) => {
    const element = area.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const next = `${value.slice(0, start)}${source}${value.slice(end)}`;
    edit(path, next);
    requestAnimationFrame(() => {
      if (!element) return;
      element.focus();
      element.setSelectionRange(start + source.length, start + source.length);
    });
  };
  return (
    <div className="field editor-field editor-field--wide">
      <label htmlFor={f.id} className="field__label">
        {label}
      </label>
      <textarea
        ref={area}
        id={f.id}
        rows={rows}
        value={value}
        lang={contentLanguage}
        dir="auto"
        aria-invalid={f.invalid || undefined}
        aria-describedby={describedBy(f.helpId, f.invalid && f.errorId)}
        onChange={(e) => {
          edit(path, e.target.value, true);
        }}
      />
      <Help id={f.helpId} help={help} markdown />
      <ReferencePicker label={label} onInsert={insert} />
      <Problems id={f.errorId} problems={f.problems} />
    </div>
  );
}

/** Whole minutes. An empty box is kept as NaN (not 0) so that the message says a number is missing. */
export function NumberField({ path, label, value, min, max }: { path: Path; label: string; value: number; min: number; max: number }) {
  const { edit } = useEditor();
  const f = useField(path);
  return (
    <div className="field editor-field editor-field--number">
      <label htmlFor={f.id} className="field__label">
        {label}
      </label>
      <input
        id={f.id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={Number.isFinite(value) ? value : ''}
        aria-invalid={f.invalid || undefined}
        aria-describedby={describedBy(f.invalid && f.errorId)}
        onChange={(e) => {
          edit(path, e.target.value === '' ? Number.NaN : Number(e.target.value), true);
        }}
      />
      <Problems id={f.errorId} problems={f.problems} />
    </div>
  );
}

export function SelectField({
  path,
  label,
  value,
  choices,
  onChange,
}: {
  path: Path;
  label: string;
  value: string;
  choices: readonly Choice[];
  /** For selects whose change touches more than their own path (an evaluation item's type). */
  onChange?: (value: string) => void;
}) {
  const { edit } = useEditor();
  const f = useField(path);
  return (
    <div className="field editor-field">
      <label htmlFor={f.id} className="field__label">
        {label}
      </label>
      <select
        id={f.id}
        value={value}
        aria-invalid={f.invalid || undefined}
        aria-describedby={describedBy(f.invalid && f.errorId)}
        onChange={(e) => {
          if (onChange) onChange(e.target.value);
          else edit(path, e.target.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <Problems id={f.errorId} problems={f.problems} />
    </div>
  );
}

/** One yes/no choice; with a path it also shows the problems reported there (a step's range, a warning). */
export function Checkbox({ path, label, checked, onChange }: { path: Path; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const f = useField(path);
  return (
    <div className="editor-field">
      <label className="editor-check">
        <input
          id={f.id}
          type="checkbox"
          checked={checked}
          aria-invalid={f.invalid || undefined}
          aria-describedby={describedBy(f.invalid && f.errorId)}
          onChange={(e) => {
            onChange(e.target.checked);
          }}
        />
        <span>{label}</span>
      </label>
      <Problems id={f.errorId} problems={f.problems} />
    </div>
  );
}

/** Several choices from a list (themes, methods, references…), stored as the list of chosen values. */
export function CheckboxGroup({
  path,
  legend,
  choices,
  selected,
  help,
  scroll = false,
}: {
  path: Path;
  legend: string;
  choices: readonly Choice[];
  selected: readonly string[];
  help?: ReactNode;
  /** Long lists (the library's modules, references) scroll inside a box instead of stretching the page. */
  scroll?: boolean;
}) {
  const { t } = useTranslation();
  const { apply } = useEditor();
  const f = useField(path, { descendants: true });
  // A value the list no longer offers (a deleted module or reference) stays visible so it can be unticked.
  const unknown = selected.filter((value) => !choices.some((c) => c.value === value)).map((value) => ({ value, label: t('editor.unknownChoice', { id: value }) }));
  const all = [...choices, ...unknown];
  return (
    <fieldset id={f.id} className="editor-group" aria-describedby={describedBy(help !== undefined && f.helpId, f.invalid && f.errorId)}>
      <legend className="field__label">{legend}</legend>
      <Help id={f.helpId} help={help} />
      {all.length === 0 ? (
        <p className="muted">{t('editor.noChoices')}</p>
      ) : (
        <div className={scroll ? 'editor-choices editor-choices--scroll' : 'editor-choices'}>
          {all.map((choice) => (
            <label key={choice.value} className="editor-check">
              <input
                type="checkbox"
                checked={selected.includes(choice.value)}
                aria-invalid={f.invalid || undefined}
                onChange={(e) => {
                  const on = e.target.checked;
                  apply((draft) => toggleIn(draft, path, choice.value, on));
                }}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
      )}
      <Problems id={f.errorId} problems={f.problems} />
    </fieldset>
  );
}

/** The id of a list item's control, e.g. its "move up" button, so focus can follow the item when it moves. */
export function controlId(listPath: Path, index: number, control: 'up' | 'down' | 'remove'): string {
  return `${fieldId([...listPath, index])}-${control}`;
}

export function addButtonId(listPath: Path): string {
  return `${fieldId(listPath)}-add`;
}

/**
 * Move up / move down / remove for one item of a list. Focus follows the moved item (on the button that can
 * still act), so a keyboard user can press it again to keep moving; after removal it lands on the list's Add.
 */
export function ItemControls({
  listPath,
  index,
  count,
  name,
  onRemove,
  onMoved,
}: {
  listPath: Path;
  index: number;
  count: number;
  /** How the item is called in the buttons' names: "step 2", "lesson 1.3". */
  name: string;
  onRemove?: () => void;
  onMoved?: (to: number) => void;
}) {
  const { t } = useTranslation();
  const { apply, focusLater } = useEditor();
  const move = (to: number) => {
    apply((draft) => moveItem(draft, listPath, index, to));
    onMoved?.(to);
    const edge = to === 0 ? 'down' : to === count - 1 ? 'up' : to < index ? 'up' : 'down';
    focusLater(controlId(listPath, to, edge));
  };
  return (
    <div className="editor-item-controls">
      <button
        id={controlId(listPath, index, 'up')}
        type="button"
        className="button button--small"
        disabled={index === 0}
        aria-label={t('editor.list.moveUp', { item: name })}
        title={t('editor.list.moveUp', { item: name })}
        onClick={() => {
          move(index - 1);
        }}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        id={controlId(listPath, index, 'down')}
        type="button"
        className="button button--small"
        disabled={index === count - 1}
        aria-label={t('editor.list.moveDown', { item: name })}
        title={t('editor.list.moveDown', { item: name })}
        onClick={() => {
          move(index + 1);
        }}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        id={controlId(listPath, index, 'remove')}
        type="button"
        className="button button--small editor-danger"
        aria-label={t('editor.list.remove', { item: name })}
        onClick={() => {
          if (onRemove) {
            onRemove();
            return;
          }
          apply((draft) => removeAt(draft, listPath, index));
          focusLater(addButtonId(listPath));
        }}
      >
        {t('editor.list.removeShort')}
      </button>
    </div>
  );
}

/** A list of short texts (learning outcomes, materials, answer choices) with add, move and remove. */
export function TextList({
  path,
  legend,
  items,
  itemLabel,
  itemName,
  addLabel,
  help,
}: {
  path: Path;
  legend: string;
  items: readonly string[];
  /** The label of the n-th field (1-based): "Learning outcome 2". */
  itemLabel: (n: number) => string;
  /** The n-th item inside a sentence: "learning outcome 2". */
  itemName: (n: number) => string;
  addLabel: string;
  help?: ReactNode;
}) {
  const { t } = useTranslation();
  const { apply, focusLater } = useEditor();
  const f = useField(path);
  return (
    <fieldset id={f.id} className="editor-group" aria-describedby={describedBy(help !== undefined && f.helpId, f.invalid && f.errorId)}>
      <legend className="field__label">{legend}</legend>
      <Help id={f.helpId} help={help} />
      {items.length === 0 ? (
        <p className="muted">{t('editor.emptyList')}</p>
      ) : (
        <ol className="editor-list">
          {items.map((item, i) => (
            // Items are plain strings without ids; the position is what the path (and so the field) edits.
            <li key={i} className="editor-list__row">
              <TextField path={[...path, i]} label={itemLabel(i + 1)} value={item} />
              <ItemControls listPath={path} index={i} count={items.length} name={itemName(i + 1)} />
            </li>
          ))}
        </ol>
      )}
      <button
        id={addButtonId(path)}
        type="button"
        className="button button--small"
        onClick={() => {
          apply((draft) => insertAt(draft, path, ''));
          focusLater(fieldId([...path, items.length]));
        }}
      >
        {addLabel}
      </button>
      <Problems id={f.errorId} problems={f.problems} />
    </fieldset>
  );
}
