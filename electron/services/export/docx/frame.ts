/**
 * The frame: the package the docx package writes around the body. It holds the document properties, the
 * style set, the running header and footer, the section properties and, in the body, the cover; the
 * contents and the plan's sections are written into it afterwards (`body-slots.ts`, `render-docx.ts`). It is
 * written before the sections, so their text can be zipped while it is rendered; the two parts the sections
 * add to (the numbering definitions and the hyperlink relationships) are completed once they are done.
 */
import { Document, Packer } from 'docx';
import { AppError } from '../../../../shared/errors';
import type { ExportPlan } from '../../../../shared/domain/export/plan';
import { BodySlots, type FrameChild } from './body-slots';
import type { RenderContext } from './context';
import { renderCover } from './cover';
import { headersAndFooters } from './header-footer';
import type { PageGeometry } from './page';
import { documentStyles } from './styles';
import { xmlSafe } from './text';
import { readParts, type PackagePart } from './zip-parts';

/** The frame's word/document.xml cut where the sections go, and its other parts in the package's order. */
export type Frame = { head: Buffer[]; tail: Buffer; parts: PackagePart[] };

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const DOCUMENT_RELATIONSHIPS = 'word/_rels/document.xml.rels';

/** Writes the frame of the plan's document with the docx package and reads its parts back. */
export async function writeFrame(plan: ExportPlan, ctx: RenderContext, page: PageGeometry): Promise<Frame> {
  // The contents are written with the sections (render-docx.ts), as text.
  const children: FrameChild[] = renderCover(plan, ctx);
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
        properties: { titlePage: true, page: { size: { width: page.width, height: page.height }, margin: page.margin } },
        ...headersAndFooters(plan, ctx),
        children: slots.frame(children),
      },
    ],
  });
  const parts = await readParts(await Packer.toBuffer(document));
  const documentXml = parts.find((part) => part.path === DOCUMENT)?.data;
  if (!documentXml) throw new AppError('internal', `The docx package wrote no ${DOCUMENT}`);
  return { ...slots.split(documentXml.toString('utf8')), parts: parts.filter((part) => part.path !== DOCUMENT) };
}

/**
 * The frame's other parts, completed once the sections are rendered: the numbering definitions of their
 * lists replace the package's default ones (docx always writes a numbering part and refers to it), and the
 * relationships of their hyperlinks are added to the document's.
 */
export function completeParts(parts: readonly PackagePart[], ctx: RenderContext): PackagePart[] {
  const seen = new Set<string>();
  const completed = parts.map((part): PackagePart => {
    seen.add(part.path);
    if (part.path === NUMBERING) return { path: NUMBERING, data: Buffer.from(ctx.numbering.xml(), 'utf8') };
    if (part.path === DOCUMENT_RELATIONSHIPS) return { path: part.path, data: Buffer.from(ctx.links.addTo(part.data.toString('utf8')), 'utf8') };
    return part;
  });
  for (const path of [NUMBERING, DOCUMENT_RELATIONSHIPS]) {
    if (!seen.has(path)) throw new AppError('internal', `The docx package wrote no ${path}`);
  }
  return completed;
}
