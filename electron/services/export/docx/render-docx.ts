/**
 * Turns an export plan into .docx bytes. It runs in a worker thread: building blocks that thread, so between
 * sections it yields once to the event loop, which lets a cancel message arrive, checks the signal and reports
 * progress.
 *
 * The docx package first writes the frame (`frame.ts`: properties, styles, header and footer, cover). The
 * contents (`toc.ts`) and each section's body is then written as WordprocessingML text (`fast-xml.ts`) straight into the
 * zip, which deflates it on zlib's thread pool while the next section is rendered. Finishing the zip is the
 * last step and counts as one more unit of progress.
 */
import { AppError } from '../../../../shared/errors';
import type { ExportPlan } from '../../../../shared/domain/export/plan';
import { renderBlocks } from './blocks';
import type { RenderContext } from './context';
import { completeParts, writeFrame } from './frame';
import { Hyperlinks } from './hyperlinks';
import { MarkBookmarks } from './mark-bookmarks';
import { ListNumbering } from './numbering';
import { pageGeometry } from './page';
import { directionSettings } from './rtl';
import { contentsXml } from './toc';
import { PackageWriter } from './zip-parts';

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
  const ctx: RenderContext = {
    dir: directionSettings(plan.language, plan.direction),
    textWidth: page.textWidth,
    numbering: new ListNumbering(),
    links: new Hyperlinks(),
    labels: plan.labels,
    marks: new MarkBookmarks(),
    ...(plan.tableOfContents ? { contents: { written: 0 } } : {}),
  };
  const frame = await writeFrame(plan, ctx, page);
  const zip = new PackageWriter();
  let buffer: Buffer;
  try {
    for (const piece of frame.head) await zip.write(piece);
    if (plan.tableOfContents) await zip.write(Buffer.from(contentsXml(plan, ctx), 'utf8'));
    await step();
    for (const section of plan.sections) {
      // Every section opens a page: the cover (and the contents) are always before it. An empty section
      // writes nothing, so it cannot leave a blank page.
      const xml = renderBlocks(section.blocks, ctx, true).join('');
      if (xml !== '') await zip.write(Buffer.from(xml, 'utf8'));
      await step();
    }
    await zip.write(frame.tail);
    buffer = await zip.finish(completeParts(frame.parts, ctx));
  } catch (error) {
    await zip.abandon();
    throw error;
  }
  throwIfCancelled(signal);
  done += 1;
  onProgress?.(done, total);
  // The bytes must own their ArrayBuffer whole, so a worker can transfer it without copying or exposing more.
  const owned = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return owned ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
}
