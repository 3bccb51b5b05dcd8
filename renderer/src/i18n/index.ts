import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/languages';
import { RESOURCES } from './resources';

export const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['ar']);

/** Initialises i18next once; every UI string goes through it. */
export async function initI18n(language: Language = 'en'): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: { en: { translation: RESOURCES.en }, fr: { translation: RESOURCES.fr }, ar: { translation: RESOURCES.ar } },
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      showSupportNotice: false,
    });
  }
  await setLanguage(language);
  return i18next;
}

/** Switches the UI language and mirrors the layout for right-to-left scripts. */
export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
