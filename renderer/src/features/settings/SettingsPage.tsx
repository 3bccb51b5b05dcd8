import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../../../shared/domain/languages';
import { ErrorMessage } from '../../components/ErrorMessage';
import { setLanguage } from '../../i18n';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { SharedLibrarySettings } from '../sync/SharedLibrarySettings';
import { BackupList } from './BackupList';
import { LogoSetting } from './LogoSetting';
import { PlaceholderDefaults } from './PlaceholderDefaults';

/** Interface language (stored in the data folder) and the data folder with its backups. */
export function SettingsPage({ dataDir }: { dataDir: string }) {
  const { t } = useTranslation();
  const [settings, reloadSettings] = useApi(() => call('settings:get'));
  const [saved, setSaved] = useState(false);

  async function chooseLanguage(language: Language) {
    setSaved(false);
    await call('settings:update', { language });
    await setLanguage(language);
    reloadSettings();
    setSaved(true);
  }

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {settings.state === 'error' && <ErrorMessage error={settings.error} />}
      {settings.state === 'ready' && (
        <div className="panel">
          <label className="field">
            <span className="field__label">{t('settings.language')}</span>
            <select
              value={settings.value.language}
              onChange={(e) => {
                if (isLanguage(e.target.value)) void chooseLanguage(e.target.value);
              }}
              aria-describedby="language-help"
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languages.${language}`, { lng: language })}
                </option>
              ))}
            </select>
          </label>
          <p id="language-help" className="muted">
            {t('settings.languageHelp')}
          </p>
          {saved && (
            <p role="status" className="ok">
              {t('settings.saved')}
            </p>
          )}
        </div>
      )}
      {settings.state === 'ready' && <LogoSetting logo={settings.value.logo} onChanged={reloadSettings} />}
      {settings.state === 'ready' && <PlaceholderDefaults saved={settings.value.placeholderDefaults} onSaved={reloadSettings} />}
      <SharedLibrarySettings />
      <div className="panel">
        <h2>{t('settings.dataFolder')}</h2>
        <p className="muted">{t('settings.dataFolderHelp')}</p>
        <p className="path" dir="ltr">
          {dataDir}
        </p>
      </div>
      <BackupList />
    </section>
  );
}
