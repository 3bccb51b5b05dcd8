/**
 * Converts rendered .docx files to PDF with LibreOffice and reads the PDFs with poppler, for tests that
 * check what a reader actually sees: page count, blank pages, running footers.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts the files to PDF in `outDir` in one LibreOffice run. A fresh user profile per run keeps parallel
 * test runs from fighting over LibreOffice's profile lock.
 */
export async function convertToPdf(files: string[], outDir: string, profileDir: string): Promise<void> {
  const profile = `-env:UserInstallation=${pathToFileURL(profileDir).href}`;
  await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout: 110_000 });
}

/** The number of pages of a PDF (pdfinfo). */
export async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const match = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!match?.[1]) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(match[1]);
}

/** The page size line of a PDF, e.g. "612 x 792 pts (letter)". */
export async function pageSize(pdf: string): Promise<string> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return /^Page size:\s+(.*)$/m.exec(stdout)?.[1]?.trim() ?? '';
}

/** The text of each page (pdftotext, one page at a time). */
export async function pageTexts(pdf: string): Promise<string[]> {
  const pages = await pageCount(pdf);
  return Promise.all(
    Array.from({ length: pages }, async (_, index) => {
      const { stdout } = await run('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), '-layout', pdf, '-']);
      return stdout;
    }),
  );
}

/**
 * Text with directional marks and all white space removed: pdftotext wraps right-to-left text in embedding
 * marks and spaces numbers apart from Arabic words, so comparisons ignore both.
 */
export function squeeze(text: string): string {
  return text.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\s]/g, '');
}

/** The PDF path LibreOffice writes for a .docx in `outDir`. */
export function pdfPathFor(docx: string, outDir: string): string {
  const name = docx.split('/').at(-1) ?? docx;
  return join(outDir, name.replace(/\.docx$/, '.pdf'));
}
