import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { Modal } from '../curricula/Modal';

/**
 * Version and the license texts of the third-party software the app ships (licenses such as MIT ask that
 * their text go with the software). Modal: focus moves in and stays in, Escape closes, focus returns.
 * Each package's text opens on demand (details/summary, keyboard operable) in a scroll region that
 * keyboard users can reach and scroll.
 */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [info] = useApi(() => call('app:info'));
  const [licenses] = useApi(() => call('app:licenses'));

  return (
    <Modal labelledBy="about-title" onClose={onClose}>
      <h2 id="about-title">{t('about.title')}</h2>
      {info.state === 'error' && <ErrorMessage error={info.error} />}
      {info.state === 'ready' && (
        <>
          <p>{t('about.version', { version: info.value.version })}</p>
          <p>{t('about.purpose')}</p>
        </>
      )}
      <h3 id="about-licenses">{t('about.licenses')}</h3>
      {licenses.state === 'error' && <ErrorMessage error={licenses.error} />}
      {licenses.state === 'ready' && (
        <>
          <p className="muted">{t('about.licensesHelp', { count: licenses.value.length })}</p>
          <div className="license-texts" role="region" aria-labelledby="about-licenses" tabIndex={0}>
            {licenses.value.map((entry) => (
              <details key={`${entry.name}@${entry.version}`} className="license-texts__package">
                <summary>
                  <bdi dir="ltr">{`${entry.name} ${entry.version}`}</bdi> — <bdi dir="ltr">{entry.license}</bdi>
                </summary>
                {entry.text === null ? (
                  <p className="muted">{t('about.noLicenseFile', { license: entry.license })}</p>
                ) : (
                  // License texts are English legal text: kept as written, left to right.
                  <pre className="license-texts__text" lang="en" dir="ltr">
                    {entry.text}
                  </pre>
                )}
              </details>
            ))}
          </div>
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('about.close')}
        </button>
      </div>
    </Modal>
  );
}
