import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Curriculum, ModuleItem } from '../../shared/schemas/curriculum';
import type { Module, Step } from '../../shared/schemas/module';
import { readZip } from '../helpers/zip-read';
import { editDocx, setFieldText } from '../helpers/docx-edit';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors, type RunningHarness } from './harness';

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Calls the harness's API as the page does, and fails the test on an error answer. */
function api(harness: RunningHarness) {
  const token = new URL(harness.url).searchParams.get('token') ?? '';
  return async <T>(channel: string, payload?: unknown): Promise<T> => {
    const response = await fetch(`${harness.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-composer-token': token },
      body: payload === undefined ? '' : JSON.stringify(payload),
    });
    const result = (await response.json()) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/** The new minutes for a step that now takes `current`: five more, or the other end of the range the step allows. */
function newMinutes(step: Step, current: number): number {
  if (!step.range) return current + 5;
  return current === step.range.max ? step.range.min : step.range.max;
}

async function openInPanel(page: Page, file: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Bring back edits made in Word' });
  await panel.getByLabel('Open a Word document').setInputFiles(file);
  await panel.getByRole('heading', { name: /^Trainer lesson plans of the course / }).waitFor();
}

describe.runIf(!SKIP_E2E)('bringing back edits made in Word in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens an edited trainer plan, shows the changed fields, applies them to the course and then the library, and undoes each', async () => {
    const harness = await startHarness(await tempDir());
    const call = api(harness);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      // The sample course's trainer lesson plans, exported as the Export page does.
      const [summary] = await call<{ id: string }[]>('curriculum:list');
      if (!summary) throw new Error('the sample data folder has no course');
      const courseBefore = (await call<{ curriculum: Curriculum }>('curriculum:get', { id: summary.id })).curriculum;
      const file = await call<{ bytesBase64: string }>('export:docx', { target: { kind: 'curriculum', id: summary.id }, variant: 'trainer', paper: 'a4', annexes: false });
      const bytes = Buffer.from(file.bytesBase64, 'base64');

      // The first step the document marks: its minutes and participant text are what the trainer edits.
      const xml = (await readZip(bytes)).get('word/document.xml')?.toString('utf8') ?? '';
      const first = /w:name="cc_(\d+)_(\d+)_sm(\d+)"/.exec(xml);
      if (!first) throw new Error('the export marks no step minutes');
      const [, item = '', lessonIndex = '', stepIndex = ''] = first;
      const moduleItem = courseBefore.items.filter((i): i is ModuleItem => i.kind === 'module')[Number(item) - 1];
      const step = moduleItem?.snapshot.lessons[Number(lessonIndex)]?.steps[Number(stepIndex)];
      if (!moduleItem || !step) throw new Error(`no step for marker ${first[0]}`);
      const prefix = `cc_${item}_${lessonIndex}_`;
      const lessonCode = moduleItem.snapshot.lessons[Number(lessonIndex)]?.code;
      // The course may already hold its own minutes for the step: those are what the document printed.
      const ownMinutes = (found: ModuleItem | undefined) => found?.lessons.find((o) => o.lessonCode === lessonCode)?.stepMinutes?.find((s) => s.step === Number(stepIndex))?.minutes;
      const current = ownMinutes(moduleItem) ?? step.minutes;
      const minutes = newMinutes(step, current);
      const participantText = 'Pairs compare their answers with the case file.';
      const edited = join(await tempDir(), 'edited-plans.docx');
      await writeFile(edited, await editDocx(bytes, (doc) => setFieldText(setFieldText(doc, `${prefix}sm${stepIndex}`, String(minutes)), `${prefix}sp${stepIndex}`, participantText)));
      const libraryBefore = (await call<{ module: Module }>('library:get', { id: moduleItem.moduleId })).module;

      await page.goto(`${harness.url}#/packs`);
      await openInPanel(page, edited);
      const panel = page.getByRole('region', { name: 'Bring back edits made in Word' });
      await panel.getByText('2 changed fields').waitFor();
      const minutesChange = panel.locator('li.round-trip__change', { hasText: `Step ${String(Number(stepIndex) + 1)} “${step.title}”: minutes` });
      const participantChange = panel.locator('li.round-trip__change', { hasText: `Step ${String(Number(stepIndex) + 1)} “${step.title}”: participant activity` });
      expect(await minutesChange.locator('.round-trip__text--before').textContent()).toBe(String(current));
      expect(await minutesChange.locator('.round-trip__text--after').textContent()).toBe(String(minutes));
      expect(await participantChange.locator('.round-trip__text--before').textContent()).toBe(step.participantActivity);
      expect(await participantChange.locator('.round-trip__text--after').textContent()).toContain(participantText);
      // A course holds only its own minutes and notes: the participant text cannot go there.
      expect(await page.getByLabel('This course only (course overrides)').isChecked()).toBe(true);
      await participantChange.getByText('A course cannot hold this change: apply it to the library.').waitFor();
      expect(await participantChange.getByRole('checkbox').isDisabled()).toBe(true);
      await panel.screenshot({ path: join(SCREENSHOTS, 'round-trip-preview-en.png') });

      // 1. The minutes as the course's own override.
      await panel.getByRole('button', { name: 'Apply 1 change' }).click();
      await panel.getByText('Applied 1 change.').waitFor();
      const withOverride = (await call<{ curriculum: Curriculum }>('curriculum:get', { id: summary.id })).curriculum;
      const overridden = withOverride.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === moduleItem.id);
      expect(ownMinutes(overridden)).toBe(minutes);
      // The library is untouched by a course override.
      expect((await call<{ module: Module }>('library:get', { id: moduleItem.moduleId })).module).toEqual(libraryBefore);
      await panel.getByRole('button', { name: 'Undo' }).click();
      await panel.getByText('The changes from the Word document were undone.').waitFor();
      expect((await call<{ curriculum: Curriculum }>('curriculum:get', { id: summary.id })).curriculum).toEqual(courseBefore);

      // 2. The same document again, both changes into the library as a new revision of the module.
      await openInPanel(page, edited);
      await page.getByLabel('The library modules (a new revision of each)').check();
      await panel.getByRole('button', { name: 'Apply 2 changes' }).click();
      await panel.getByText('Applied 2 changes.').waitFor();
      const libraryAfter = (await call<{ module: Module }>('library:get', { id: moduleItem.moduleId })).module;
      expect(libraryAfter.revision).toBe(libraryBefore.revision + 1);
      const changedStep = libraryAfter.lessons[Number(lessonIndex)]?.steps[Number(stepIndex)];
      expect(changedStep?.minutes).toBe(minutes);
      expect(changedStep?.participantActivity).toContain(participantText);
      expect((await call<{ curriculum: Curriculum }>('curriculum:get', { id: summary.id })).curriculum).toEqual(courseBefore);
      await panel.screenshot({ path: join(SCREENSHOTS, 'round-trip-applied-en.png') });
      await panel.getByRole('button', { name: 'Undo' }).click();
      await panel.getByText('The changes from the Word document were undone.').waitFor();
      expect((await call<{ module: Module }>('library:get', { id: moduleItem.moduleId })).module).toEqual(libraryBefore);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  });
});
