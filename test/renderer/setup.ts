import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { initI18n, setLanguage } from '../../renderer/src/i18n';
import { setBridge } from '../../renderer/src/lib/bridge';

// findBy… and waitFor wait for a condition: on a busy two-core machine a lazily loaded dialog can take more
// than the default second to appear (the About box did, once, in a full run; the library page, loaded on
// its first visit, took over 5 s at load 10). A ceiling only: a condition met sooner ends the wait.
configure({ asyncUtilTimeout: 15_000 });

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
