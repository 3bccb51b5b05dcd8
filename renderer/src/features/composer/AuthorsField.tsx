import { useTranslation } from 'react-i18next';

/** Most courses have a handful of authors; the store takes up to 30 (CurriculumSchema). */
const AUTHORS_MAX = 30;

/** The course's authors, one field each, with add and remove. */
export function AuthorsField({ authors, error, onChange }: { authors: readonly string[]; error: string | undefined; onChange: (authors: string[], typing: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="composer-details__group" id="field-authors">
      <legend>{t('composer.details.authors')}</legend>
      {authors.length === 0 && <p className="muted">{t('composer.details.noAuthors')}</p>}
      <ul className="composer-authors">
        {authors.map((author, index) => (
          <li key={index} className="composer-authors__row">
            <input
              type="text"
              value={author}
              maxLength={300}
              dir="auto"
              aria-label={t('composer.details.author', { number: index + 1 })}
              aria-invalid={author.trim() === '' || undefined}
              onChange={(e) => {
                onChange(authors.map((a, i) => (i === index ? e.target.value : a)), true);
              }}
            />
            <button
              type="button"
              className="button button--small"
              aria-label={t('composer.details.removeAuthor', { number: index + 1 })}
              onClick={() => {
                onChange(authors.filter((_a, i) => i !== index), false);
              }}
            >
              {t('composer.details.remove')}
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="field__error">{error}</p>}
      <button
        type="button"
        className="button button--small"
        disabled={authors.length >= AUTHORS_MAX}
        onClick={() => {
          onChange([...authors, ''], false);
        }}
      >
        {t('composer.details.addAuthor')}
      </button>
    </fieldset>
  );
}
