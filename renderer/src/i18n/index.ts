import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/languages';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const RESOURCES = { en, fr, ar } as const;
export const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['ar']);

/** Initialises i18next once; every UI string goes through it. */
export async function initI18n(language: Language = 'en'): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, fr: { translation: fr }, ar: { translation: ar } },
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
