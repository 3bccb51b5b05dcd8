import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/**
 * axe-core's browser build, evaluated in the page under test through the debugging protocol: the app's
 * Content Security Policy (rightly) refuses an injected script tag.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One place of the app as the e2e tests visit it: a hash, something to wait for, and what to do there. */
export type Section = { name: string; hash: string; ready: string; act?: (page: Page) => Promise<void> };

const COMPOSER = '#/curricula/foundation-course';
const TABS = ['details', 'timetable', 'checks', 'coverage', 'placeholders', 'fit'] as const;

/** Every section and composer tab; the pack preview is opened from a pack file the test provides. */
export function sections(packFile: () => { name: string; mimeType: string; buffer: Buffer }): Section[] {
  return [
    { name: 'library', hash: '#/library', ready: '.module-row' },
    { name: 'module', hash: '#/library/hr-foundations', ready: 'h1' },
    { name: 'editor', hash: '#/library/hr-foundations/edit', ready: '.module-editor__outline' },
    { name: 'curricula', hash: '#/curricula', ready: 'table' },
    { name: 'outline', hash: COMPOSER, ready: '.composer-item' },
    ...TABS.map(
      (tab): Section => ({
        name: `composer-${tab}`,
        hash: COMPOSER,
        // Tabs follow one another without a reload: the tab list is there whichever tab is open.
        ready: '[role="tablist"]',
        act: async (page) => {
          await page.locator(`#composer-tab-${tab}`).click();
          await page.locator(`#composer-tabpanel-${tab} > *`).first().waitFor();
        },
      }),
    ),
    { name: 'packs', hash: '#/packs', ready: '.packs__list input' },
    {
      name: 'pack-preview',
      hash: '#/packs',
      ready: '.packs__list input',
      act: async (page) => {
        await page.locator('input[type=file][accept=".ccpack"]').setInputFiles(packFile());
        await page.locator('.pack-preview').waitFor();
        await page.locator('.pack-preview').scrollIntoViewIfNeeded();
      },
    },
    { name: 'settings', hash: '#/settings', ready: 'select' },
    {
      name: 'about',
      hash: '#/library',
      ready: '.module-row',
      act: async (page) => {
        await page.locator('.nav-item--secondary').click();
        await page.getByRole('dialog').locator('.license-texts details').first().waitFor();
        // One license open, so its text is checked too.
        await page.getByRole('dialog').locator('.license-texts summary').first().click();
      },
    },
  ];
}

type AxeResult = { violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };

/** Runs axe-core (WCAG 2.1 A and AA rules and best practices) on the page and lists what it finds, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Colours are measured once transitions have ended: the sidebar's active item fades its background in
  // (120 ms), and axe measured the contrast of a half-faded item on a busy machine.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<unknown> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })) as AxeResult;
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}
