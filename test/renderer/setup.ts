import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n, setLanguage } from '../../renderer/src/i18n';
import { setBridge } from '../../renderer/src/lib/bridge';

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  cleanup();
  setBridge(null);
  window.location.hash = '';
  await setLanguage('en');
});
