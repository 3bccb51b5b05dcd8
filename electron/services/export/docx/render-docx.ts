/**
 * Turns an export plan into .docx bytes. It runs in a worker thread: building blocks that thread, so between
 * sections it yields once to the event loop, which lets a cancel message arrive, checks the signal and reports
 * progress. Each section's body is written as WordprocessingML text (`fast-xml.ts`); the docx package writes
 * the package around it (styles, properties, cover, contents, header and footer), and the body text is then
 * spliced into its document.xml (`body-slots.ts`). Packing is the last step and one more unit of progress.
 */
import { Document, Packer } from 'docx';
import { AppError } from '../../../../shared/errors';
import type { ExportPlan } from '../../../../shared/domain/export/plan';
import { renderBlocks } from './blocks';
import { BodySlots, type FrameChild } from './body-slots';
import type { RenderContext } from './context';
import { renderCover } from './cover';
import { headersAndFooters } from './header-footer';
import { Hyperlinks } from './hyperlinks';
import { ListNumbering } from './numbering';
import { pageGeometry } from './page';
import { directionSettings } from './rtl';
import { documentStyles } from './styles';
import { xmlSafe } from './text';
import { renderContents } from './toc';
import { readParts, writeParts, type PackagePart } from './zip-parts';

/** Progress and cancellation for one rendering. */
export type RenderDocxOptions = {
  /** Called after the cover, after each section and after packing; `done` reaches `total` at the end. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
};

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled', 'Export cancelled');
}

/** One turn of the event loop, so messages (a cancel) reach a worker that is busy building. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The package with the body text spliced into the frame's document.xml, zipped again. */
async function withBody(frame: Buffer, slots: BodySlots): Promise<Buffer> {
  const parts: PackagePart[] = await readParts(frame);
  const index = parts.findIndex((part) => part.path === 'word/document.xml');
  const documentXml = parts[index]?.data;
  if (!Buffer.isBuffer(documentXml)) throw new AppError('internal', 'The docx package wrote no word/document.xml');
  parts[index] = { path: 'word/document.xml', data: slots.splice(documentXml.toString('utf8')) };
  return writeParts(parts);
}

/**
 * Renders the plan as a Word document and returns its bytes, which own their ArrayBuffer (transferable).
 * Rejects with code `cancelled` when the signal is aborted, and with `invalid-argument` for a plan it cannot
 * lay out (a table row that does not match its columns, a lines block out of range, an empty logo).
 */
export async function renderDocx(plan: ExportPlan, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  const { onProgress, signal } = options;
  const total = plan.sections.length + 2;
  let done = 0;
  const step = async (): Promise<void> => {
    done += 1;
    onProgress?.(done, total);
    await yieldToEventLoop();
    throwIfCancelled(signal);
  };
  throwIfCancelled(signal);

  const page = pageGeometry(plan.paper);
  const numbering = new ListNumbering();
  const ctx: RenderContext = { dir: directionSettings(plan.language, plan.direction), textWidth: page.textWidth, numbering, links: new Hyperlinks(), labels: plan.labels };

  const children: FrameChild[] = renderCover(plan, ctx);
  if (plan.tableOfContents) children.push(...renderContents(plan, ctx));
  await step();
  for (const section of plan.sections) {
    // Every section opens a page: the cover (and the contents) are always before it. An empty section writes
    // nothing, so it cannot leave a blank page.
    // One piece of UTF-8 per section: the section's many strings can be collected while the next is built.
    const xml = renderBlocks(section.blocks, ctx, true).join('');
    if (xml !== '') children.push(Buffer.from(xml, 'utf8'));
    await step();
  }

  const slots = new BodySlots();
  const document = new Document({
    title: xmlSafe(plan.properties.title),
    subject: xmlSafe(plan.properties.subject),
    creator: xmlSafe(plan.properties.creator),
    lastModifiedBy: xmlSafe(plan.properties.creator),
    keywords: xmlSafe(plan.properties.keywords.join(', ')),
    description: xmlSafe(plan.properties.description),
    features: { updateFields: true },
    styles: documentStyles(ctx.dir),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: page.width, height: page.height },
            margin: page.margin,
          },
        },
        ...headersAndFooters(plan, ctx),
        children: slots.frame(children),
      },
    ],
  });
  // docx always writes a numbering part and refers to it; the lists' own definitions replace its content.
  ctx.links.addTo(document);
  const frame = await Packer.toBuffer(document, undefined, [{ path: 'word/numbering.xml', data: numbering.xml() }]);
  throwIfCancelled(signal);
  const buffer = await withBody(frame, slots);
  throwIfCancelled(signal);
  done += 1;
  onProgress?.(done, total);
  // The bytes must own their ArrayBuffer whole, so a worker can transfer it without copying or exposing more.
  const owned = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return owned ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
}
