import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { initI18n, setLanguage } from '../../renderer/src/i18n';
import { setBridge } from '../../renderer/src/lib/bridge';

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(() => {
  // jsdom has no layout: give elements a viewport so virtualised lists render their rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
});

afterEach(async () => {
  vi.restoreAllMocks();
  cleanup();
  setBridge(null);
  window.location.hash = '';
  await setLanguage('en');
});
