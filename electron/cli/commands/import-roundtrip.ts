/** `import roundtrip`: brings back the edits made in Word to one of our exports (see services/round-trip). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { FieldChange, RoundTripPreview } from '../../../shared/schemas/round-trip';
import type { Command } from '../command';
import { printJson, UsageError, type Output } from '../output';

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

function where(change: FieldChange): string {
  const index = change.index === undefined ? '' : ` ${String(change.index + 1)}`;
  return `${change.moduleTitle} · ${change.lessonCode} ${change.lessonTitle} · ${change.field}${index}${change.label ? ` (${change.label})` : ''}`;
}

function printPreview(output: Output, preview: RoundTripPreview): void {
  const s = preview.source;
  output.out(`${preview.fileName}: ${s.variant} document of the ${s.kind} "${s.title}" (${s.id})`);
  if (s.changedSinceExport) output.out(`  note: the ${s.kind} was changed since the export; changes are shown against its present state`);
  output.out(`Changed fields (${String(preview.changes.length)}; ${String(preview.unchanged)} unchanged):`);
  for (const change of preview.changes) {
    output.out(`  ${change.name}  ${where(change)}`);
    output.out(`      before: ${oneLine(change.before)}`);
    output.out(`      after:  ${oneLine(change.after)}`);
    if (change.printedText) output.out('      note: the text held references or placeholders; the document printed them as text');
  }
  if (preview.problems.length > 0) {
    output.out(`Problems (${String(preview.problems.length)}), not applied:`);
    for (const problem of preview.problems) output.out(`  ${problem.kind}${problem.name ? ` ${problem.name}` : ''}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}

export const importRoundtrip: Command = {
  name: 'import roundtrip',
  summary: 'Bring back edits made in Word to an exported curriculum, lesson plan or module document: shows the changes per field and applies them',
  usage: 'import roundtrip FILE.docx [--as overrides|library] [--dry-run] [--data DIR] [--json]',
  options: { as: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    const as = values['as'];
    if (as !== undefined && as !== 'overrides' && as !== 'library') throw new UsageError('--as must be overrides or library');
    const file = positionals[0] ?? '';
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new AppError('not-found', `Cannot read ${file}: ${(error as Error).message}`);
    }
    return withServices(async (services) => {
      const preview = await services.roundTrip.preview(basename(file), bytes);
      // A course's edits go to the course by default; a module document has only the library to go to.
      const target = as ?? (preview.source.kind === 'course' ? 'overrides' : 'library');
      const dryRun = values['dry-run'] === true;
      const result = preview.changes.length > 0 ? await services.roundTrip.apply(preview.previewId, target, { dryRun }) : undefined;
      if (values['json']) {
        printJson(output, { preview, result: result ?? null });
        return 0;
      }
      printPreview(output, preview);
      if (!result) {
        output.out('Nothing to apply.');
        return 0;
      }
      const verb = dryRun ? 'Would apply' : 'Applied';
      output.out(`${verb} ${String(result.applied.length)} change(s) as ${target === 'overrides' ? 'course overrides' : 'library edits'}${dryRun ? ' [dry run: nothing written]' : ''}.`);
      for (const skip of result.skipped) output.out(`  skipped ${skip.name}: ${skip.reason}`);
      if (result.undo) output.out('Undo with: import roundtrip-undo');
      return 0;
    });
  },
};

export const importRoundtripUndo: Command = {
  name: 'import roundtrip-undo',
  summary: 'Undo the last "import roundtrip", unless what it changed was changed again since',
  usage: 'import roundtrip-undo [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 0,
  async run({ values, output, withServices }) {
    return withServices(async (services) => {
      const undone = await services.roundTrip.undoLast();
      if (values['json']) printJson(output, undone);
      else output.out(`Put back the ${undone.kind === 'course' ? 'course' : 'library module(s)'} ${undone.ids.join(', ')} as before the round trip.`);
      return 0;
    });
  },
};
