import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from './editor-context';

/**
 * Inserts a reference to a lesson, handout, step, question or module into a text, picked from a list, so that
 * authors never type a number that would be wrong once the module sits elsewhere in a course. The reference
 * is written as `[[handout:pocket-card]]` and printed with the numbers of wherever the text is shown.
 */
export function ReferencePicker({ label, onInsert }: { label: string; onInsert: (source: string) => void }) {
  const { t } = useTranslation();
  const { refTargets } = useEditor();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const groups = [...new Set(refTargets.map((r) => r.group))];
  if (!open)
    return (
      <button type="button" className="button button--small editor-refs__open" aria-label={t('editor.refs.openNamed', { field: label })} onClick={() => { setOpen(true); }}>
        {t('editor.refs.open')}
      </button>
    );
  return (
    <div className="editor-refs" role="group" aria-label={t('editor.refs.openNamed', { field: label })}>
      <label htmlFor={id} className="visually-hidden">{t('editor.refs.choose')}</label>
      <select
        id={id}
        value={chosen}
        autoFocus
        onChange={(e) => { setChosen(e.target.value); }}
        onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}
      >
        <option value="">{t('editor.refs.choose')}</option>
        {groups.map((group) => (
          <optgroup key={group} label={group}>
            {refTargets.filter((r) => r.group === group).map((r) => <option key={r.source} value={r.source}>{r.label}</option>)}
          </optgroup>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        disabled={chosen === ''}
        onClick={() => {
          onInsert(chosen);
          setOpen(false);
          setChosen('');
        }}
      >
        {t('editor.refs.insert')}
      </button>
      <button type="button" className="button button--small" onClick={() => { setOpen(false); }}>
        {t('editor.refs.cancel')}
      </button>
    </div>
  );
}
