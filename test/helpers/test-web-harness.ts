import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Handlers } from '../../shared/ipc/contract';
import { startWebHarness, type WebHarness } from '../../electron/web/server';
import { openTestServices } from './open-test-store';
import { tempDir } from './temp-dir';

type Started = { harness: WebHarness; stop: () => Promise<void> };
let started: Started[] = [];

afterEach(async () => {
  const stopping = started;
  started = [];
  for (const { stop } of stopping) await stop();
});

/**
 * A web harness over fresh test services and a small renderer folder (a page and `assets/app.js`), stopped
 * after the test. `handlers` may wrap the services' handlers (to time or record them).
 */
export async function startTestWebHarness(handlers: (own: Handlers) => Handlers = (own) => own): Promise<WebHarness> {
  const rendererDir = await tempDir();
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const services = await openTestServices(await tempDir());
  const harness = await startWebHarness({ rendererDir, handlers: handlers(services.handlers) });
  started.push({
    harness,
    stop: async () => {
      await harness.close();
      services.store.close();
    },
  });
  return harness;
}
