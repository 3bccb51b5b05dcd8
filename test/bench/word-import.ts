/**
 * A 40-page lesson plan (12 lessons, each with its labelled sections, a list of objectives, a timing table of
 * 8 steps and eight paragraphs of notes: 41 A4 pages once LibreOffice renders it) imported up to a ready preview:
 * safety checks, reading the blocks and proposing the modules. Target: <= 2 s.
 */
import { performance } from 'node:perf_hooks';
import { HeadingLevel, Paragraph, Table, TableCell, TableRow } from 'docx';
import { readBlocks } from '../../electron/services/word-import/docx-blocks';
import { readDocxBytes } from '../../electron/services/word-import/docx-safety';
import { proposeImport, slugFor } from '../../shared/domain/word-import/propose-import';
import { docxBytes } from '../unit/word-import/docx-craft';
import { summarise } from './stats';

const NOTE = 'The trainer reminds participants that every use of force must be lawful, necessary and proportionate, and that the officer remains accountable for it. ';

async function fortyPages(): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: 'Module 7: Public order and assemblies', heading: HeadingLevel.TITLE })];
  for (let lesson = 1; lesson <= 12; lesson += 1) {
    children.push(new Paragraph({ text: `Lesson 7.${lesson}: Managing assemblies, part ${lesson}`, heading: HeadingLevel.HEADING_1 }));
    children.push(new Paragraph({ text: 'Aim', heading: HeadingLevel.HEADING_2 }), new Paragraph(NOTE.repeat(3)));
    children.push(new Paragraph({ text: 'Learning objectives', heading: HeadingLevel.HEADING_2 }));
    for (const verb of ['Explain', 'Apply', 'Analyse', 'Evaluate', 'Design']) children.push(new Paragraph({ text: `${verb} the rules on facilitating assemblies (${lesson})`, bullet: { level: 0 } }));
    children.push(new Paragraph({ text: 'Lesson map', heading: HeadingLevel.HEADING_2 }));
    const rows = [['Minutes', 'Activity', 'Trainer', 'Participants', 'Method']];
    for (let step = 1; step <= 8; step += 1) rows.push([String(5 + step), `Activity ${step}`, NOTE, NOTE, 'Discussion']);
    children.push(new Table({ rows: rows.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) }));
    children.push(new Paragraph({ text: 'Trainer notes', heading: HeadingLevel.HEADING_2 }));
    for (let paragraph = 0; paragraph < 8; paragraph += 1) children.push(new Paragraph(NOTE.repeat(4)));
  }
  return docxBytes([{ children }]);
}

export async function benchWordImport(): Promise<Record<string, unknown>> {
  const bytes = await fortyPages();
  const times: number[] = [];
  let lessons = 0;
  for (let run = 0; run < 7; run += 1) {
    const start = performance.now();
    const document = readBlocks(await readDocxBytes(bytes, 'forty-pages.docx'));
    const proposal = proposeImport(document, { importedAt: new Date().toISOString(), idFor: slugFor });
    times.push(performance.now() - start);
    lessons = proposal.modules.reduce((sum, module) => sum + module.lessons.length, 0);
  }
  return { target: 'a 40-page lesson plan: preview ready <= 2000 ms', bytes: bytes.length, lessons, ...summarise(times) };
}
