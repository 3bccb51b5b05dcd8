import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { EndToEndSpreadSequencer } from './test/helpers/e2e-sequencer';

/** Three projects: node-side units, the renderer in jsdom, and end-to-end tests in Chromium. */
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Vitest's default on a two-core machine is one worker (cores - 1), which runs every file in turn. Most
    // of the time goes to end-to-end files waiting on a harness and Chromium, so a second worker runs unit and
    // renderer files beside them (one e2e file at a time, test/e2e/one-at-a-time.ts).
    maxWorkers: 2,
    sequence: { sequencer: EndToEndSpreadSequencer },
    projects: [
      {
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          // user-event types key by key: on a busy two-core machine an editor test can need more than the
          // default 5 s (module-editor timed out in 4 of 13 tests at load 16, here and in a fresh chroot).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for a condition; its default second is too short for a page on a busy two-core
          // machine (the Arabic library search failed 2 runs in 3 in a fresh Debian chroot under load).
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time (the machine has two cores), beside unit and renderer files: see one-at-a-time.ts.
          setupFiles: ['test/e2e/one-at-a-time.ts'],
        },
      },
    ],
  },
});
