import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';

/** Version and third-party licenses. Modal: focus moves in, Escape closes, focus returns to where it was. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [info] = useApi(() => call('app:info'));
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);

  return (
    <div className="overlay">
      <div role="dialog" aria-modal="true" aria-labelledby="about-title" className="dialog">
        <h2 id="about-title">{t('about.title')}</h2>
        {info.state === 'error' && <ErrorMessage error={info.error} />}
        {info.state === 'ready' && (
          <>
            <p>{t('about.version', { version: info.value.version })}</p>
            <p>{t('about.purpose')}</p>
            <h3>{t('about.licenses')}</h3>
            <ul className="license-list" dir="ltr">
              {info.value.licenses.map((l) => (
                <li key={l.name}>
                  {l.name} {l.version} — {l.license}
                </li>
              ))}
            </ul>
          </>
        )}
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          {t('about.close')}
        </button>
      </div>
    </div>
  );
}
