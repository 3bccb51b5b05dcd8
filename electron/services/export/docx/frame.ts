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
import { sourceProperties } from '../../../../shared/domain/export/round-trip-marks';
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
const CORE_PROPERTIES = 'docProps/core.xml';

/**
 * The document's language among its properties (Dublin Core `dc:language`), which the docx package cannot
 * write itself; catalogues and screen readers use it, Word's spelling uses the styles' w:lang.
 */
function withLanguage(coreXml: string, tag: string): string {
  if (coreXml.includes('<dc:language>')) return coreXml;
  const end = coreXml.lastIndexOf('</cp:coreProperties>');
  if (end < 0) throw new AppError('internal', `The docx package wrote no ${CORE_PROPERTIES} properties element`);
  return `${coreXml.slice(0, end)}<dc:language>${tag}</dc:language>${coreXml.slice(end)}`;
}

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
    // Where an edited copy's fields came from: custom properties survive Word's and LibreOffice's saves.
    ...(plan.roundTrip ? { customProperties: sourceProperties(plan.roundTrip).map((p) => ({ name: p.name, value: xmlSafe(p.value) })) } : {}),
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
  const others = parts
    .filter((part) => part.path !== DOCUMENT)
    .map((part) => (part.path === CORE_PROPERTIES ? { path: part.path, data: Buffer.from(withLanguage(part.data.toString('utf8'), ctx.dir.language.value), 'utf8') } : part));
  return { ...slots.split(documentXml.toString('utf8')), parts: others };
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
