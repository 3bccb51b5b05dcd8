import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WordFilePreview, WordImportResult } from '../../../shared/schemas/word-import';
import type { Command } from '../command';
import { printJson, type Output } from '../output';

export const importDocx: Command = {
  name: 'import docx',
  summary: 'Read lesson plans written in Word (.docx files, or folders of them) and propose draft modules; with --dry-run nothing is written',
  usage: 'import docx FILE... [--dry-run] [--json] [--data DIR]',
  options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: 'one-or-more',
  async run({ values, positionals, output, withServices }) {
    const paths = await expandFolders(positionals);
    return withServices(async (services) => {
      const preview = await services.words.preview(paths.map((path) => ({ path })));
      const result = await services.words.import(preview.previewId, [], { dryRun: values['dry-run'] === true });
      if (values['json']) printJson(output, { files: preview.files.map(summaryOf), result });
      else printResult(output, preview.files, result);
      // A refused file is an error for scripts, even when the other files were imported.
      return result.refused.length > 0 ? 1 : 0;
    });
  },
};

/** A folder stands for the .docx files directly in it (not in subfolders; Word's "~$" lock files left out). */
async function expandFolders(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch {
      // A missing file is reported by the import, with the others.
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((name) => /\.docx$/i.test(name) && !name.startsWith('~$')).sort();
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}

/** The JSON form: the proposed modules in full, the blocks left out (they are for the preview screen). */
function summaryOf(file: WordFilePreview) {
  if (!file.ok) return file;
  return { ok: true, fileName: file.fileName, language: file.language, warnings: file.warnings, modules: file.modules };
}

function printResult(output: Output, files: readonly WordFilePreview[], result: WordImportResult): void {
  for (const file of files) {
    if (!file.ok) {
      output.out(`${file.fileName}: refused: ${file.error}`);
      continue;
    }
    output.out(`${file.fileName} (${file.language}): ${file.modules.length} module${file.modules.length === 1 ? '' : 's'}`);
    for (const warning of file.warnings) output.out(`  warning: ${warning}`);
    for (const module of file.modules) {
      const toCheck = module.provenance.sourceDocument?.toCheck.length ?? 0;
      output.out(`  ${module.id}  ${module.title}  (${toCheck} to check)`);
      for (const lesson of module.lessons) {
        output.out(`    ${lesson.code} ${lesson.title}`);
        for (const step of lesson.steps) output.out(`      ${String(step.minutes).padStart(3)} min  ${step.title}`);
      }
    }
  }
  const count = result.modules.length;
  if (result.dryRun) output.out(`Dry run: ${count} draft module${count === 1 ? '' : 's'} would be added; nothing was written.`);
  else if (result.saved) output.out(`Added ${count} draft module${count === 1 ? '' : 's'} to the library ("pack undo" undoes this import).`);
  else output.out('Nothing was imported.');
}
