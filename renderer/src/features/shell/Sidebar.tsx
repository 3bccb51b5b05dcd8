import { useTranslation } from 'react-i18next';
import { SECTIONS, type Section } from '../../app/sections';

/** Section navigation; arrow keys move between entries as in a native sidebar, Tab leaves it. */
export function Sidebar({ current, onSelect, onAbout }: { current: Section; onSelect: (s: Section) => void; onAbout: () => void }) {
  const { t } = useTranslation();

  function onKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = SECTIONS.indexOf(current);
    const next = SECTIONS[(index + (event.key === 'ArrowDown' ? 1 : SECTIONS.length - 1)) % SECTIONS.length] ?? 'library';
    onSelect(next);
    document.getElementById(`nav-${next}`)?.focus();
  }

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">{t('app.name')}</div>
      <ul onKeyDown={onKeyDown}>
        {SECTIONS.map((section) => (
          <li key={section}>
            <button
              id={`nav-${section}`}
              type="button"
              className="nav-item"
              aria-current={section === current ? 'page' : undefined}
              onClick={() => { onSelect(section); }}
            >
              {t(`nav.${section}`)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="nav-item nav-item--secondary" onClick={onAbout}>
        {t('nav.about')}
      </button>
    </nav>
  );
}
