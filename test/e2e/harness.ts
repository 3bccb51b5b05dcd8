import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/test-prerequisites.mjs';
import { REPO_ROOT } from '../helpers/open-test-store';

/** The Chromium `npm test`'s pretest found or installed (CHROMIUM_PATH when set). */
export const CHROMIUM = findChromium({ platform: process.platform, env: process.env, exists: existsSync }) ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SKIP_E2E = process.env['SKIP_E2E'] === '1';
export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`End-to-end tests need Chromium at ${CHROMIUM}. Run "npm test", whose pretest installs it or says how (or set SKIP_E2E=1 to leave these tests out explicitly).`);
  }
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export type RunningHarness = { url: string; origin: string; process: ChildProcess; stop(): Promise<void> };

/** Starts `npm run web`'s built server (`npm test` builds first) on a data folder and waits for its ready line. */
export function startHarness(dataDir: string): Promise<RunningHarness> {
  return new Promise((resolve, reject) => {
    // CC_HARNESS_NODE_ARGS: extra Node flags for the server, to profile it under a benchmark ("--cpu-prof").
    const nodeArgs = (process.env['CC_HARNESS_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, 'out/main/web.js', '--data', dataDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output);
      if (!match?.[1]) return;
      const url = match[1];
      resolve({
        url,
        origin: new URL(url).origin,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) { done(); return; }
            child.once('exit', () => { done(); });
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => { reject(new Error(`web harness exited (${code}) before it was ready:\n${output}`)); });
  });
}

/** Collects page errors so a test can assert that the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Opens a tab of the composer by the start of its name ("Checks 3" opens with "Checks") and returns its panel. */
export async function tab(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  return page.getByRole('tabpanel');
}

/** Waits until the composer says every change is saved. */
export async function saved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
}
