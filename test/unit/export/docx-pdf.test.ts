/**
 * The rendered documents as LibreOffice lays them out (LibreOffice and poppler are installed here and in CI):
 * page counts, no blank page, running footers with real page numbers, the paper size.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import type { ExportPlan } from '../../../shared/domain/export/plan';
import { convertToPdf, pageSize, pageTexts, pdfPathFor, squeeze } from '../../helpers/docx-pdf';
import { tempDir } from '../../helpers/temp-dir';
import { arParticipantHandoutPlan } from '../../fixtures/export/plans/ar-participant-handout';
import { enFullCurriculumPlan } from '../../fixtures/export/plans/en-full-curriculum';
import { frTrainerLessonsPlan } from '../../fixtures/export/plans/fr-trainer-lessons';

const PLANS: Record<'en' | 'fr' | 'ar', ExportPlan> = { en: enFullCurriculumPlan, fr: frTrainerLessonsPlan, ar: arParticipantHandoutPlan };
const texts = new Map<string, string[]>();
const sizes = new Map<string, string>();

beforeAll(async () => {
  const dir = await tempDir('cc-docx-pdf-');
  const files = await Promise.all(
    Object.entries(PLANS).map(async ([name, plan]) => {
      const file = join(dir, `${name}.docx`);
      await writeFile(file, await renderDocx(plan));
      return file;
    }),
  );
  await convertToPdf(files, dir, join(dir, 'profile'));
  for (const [index, name] of Object.keys(PLANS).entries()) {
    const pdf = pdfPathFor(files[index] ?? '', dir);
    texts.set(name, await pageTexts(pdf));
    sizes.set(name, await pageSize(pdf));
  }
}, 120_000);

function pagesOf(name: string): string[] {
  const pages = texts.get(name);
  if (!pages) throw new Error(`No PDF for ${name}`);
  return pages;
}

describe('rendered documents in LibreOffice', () => {
  it('lays the English curriculum out on a few pages, none blank, with "Page X of Y" from page 2', () => {
    const pages = pagesOf('en');
    // Cover, contents, overview, two modules (the second runs onto a second page at most), annex.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pages.length).toBeLessThanOrEqual(8);
    for (const page of pages) expect(page.trim()).not.toBe('');
    // The cover's title wraps where the fonts installed decide; compared without white space.
    expect(squeeze(pages[0] ?? '')).toContain(squeeze('Foundation Course on Human Rights-Based Policing'));
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    expect(pages[0]).not.toContain('Version 1.2 – Draft');
    for (const [index, page] of pages.entries()) {
      if (index === 0) continue;
      expect(page).toContain(`Page ${String(index + 1)} of ${String(pages.length)}`);
      expect(page).toContain('Foundation Course on Human Rights-Based Policing');
    }
    expect(pages[1]).toContain('Contents');
    expect(pages[1]).toContain('Module 2 – Use of force');
    expect(pages.some((page) => page.includes('Module 2 – Use of force') && page.includes('Sensitive material'))).toBe(true);
  });

  it('gives every module its own page: no page holds the end of one module and the start of the next', () => {
    const pages = pagesOf('en');
    const moduleStarts = ['Overview\n', 'Module 1 – Human rights and policing\n', 'Module 2 – Use of force\n', 'Annex A – References\n'];
    for (const heading of moduleStarts) {
      // Outside the contents page, each heading opens the page it is on: nothing but the running header above it.
      const page = pages.slice(2).find((text) => text.includes(heading));
      expect(page, heading).toBeDefined();
      const before = (page ?? '').slice(0, (page ?? '').indexOf(heading)).replace('Foundation Course on Human Rights-Based Policing', '');
      expect(before.trim(), heading).toBe('');
    }
  });

  it('prints the French lesson plans on US Letter with French page labels', () => {
    const pages = pagesOf('fr');
    expect(sizes.get('fr')).toContain('612 x 792');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const page of pages) expect(page.trim()).not.toBe('');
    expect(pages.at(-1)).toContain(`Page ${String(pages.length)} sur ${String(pages.length)}`);
    expect(pages[1]).toContain('Séance 3.1 – Comprendre les attentes de la population');
  });

  it('prints the Arabic handout on A4 with Arabic page labels and no blank page', () => {
    const pages = pagesOf('ar');
    expect(sizes.get('ar')).toContain('(A4)');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(5);
    for (const page of pages) expect(squeeze(page)).not.toBe('');
    for (const [index, page] of pages.entries()) {
      if (index > 0) expect(squeeze(page)).toContain(squeeze(`الصفحة ${String(index + 1)} من ${String(pages.length)}`));
    }
    expect(squeeze(pages[2] ?? '')).toContain(squeeze('استخدام القوة'));
  });
});
