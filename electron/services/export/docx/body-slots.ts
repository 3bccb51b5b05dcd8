/**
 * Body XML inside the document the docx package writes. The package writes the frame: styles, properties,
 * header and footer, section properties, and the few parts of the body that are docx components (cover
 * paragraphs and logo, the contents field). Everything else is WordprocessingML text (`fast-xml.ts`). Each run
 * of text among the components becomes a marker paragraph in the frame, and so does the place after them
 * where the plan's sections go. Once the frame is written, `split` puts the texts in place of their markers
 * and cuts word/document.xml at the sections' marker, so the sections can be written in between.
 *
 * A marker holds a random id, so no user text can pass for one; each must be found exactly once.
 */
import { randomUUID } from 'node:crypto';
import { FileChild, type IXmlableObject, type Paragraph } from 'docx';
import { AppError } from '../../../../shared/errors';

/** A child of the frame's body: a docx component, or WordprocessingML text (paragraphs and tables). */
export type FrameChild = Paragraph | string;

/** A paragraph holding only the marker text, which `split` replaces whole. */
class MarkerParagraph extends FileChild {
  private readonly marker: string;

  constructor(marker: string) {
    super('w:p');
    this.marker = marker;
  }

  override prepForXml(): IXmlableObject {
    return { 'w:p': [{ 'w:r': [{ 'w:t': [this.marker] }] }] };
  }
}

/** The text slots of one document: hands out markers for the frame and puts the texts in their place afterwards. */
export class BodySlots {
  private readonly id = randomUUID();
  private readonly slots: string[][] = [];

  private marker(index: number): string {
    return `<w:p><w:r><w:t>${this.markerText(index)}</w:t></w:r></w:p>`;
  }

  private markerText(index: number): string {
    return `cc-body-${this.id}-${String(index)}`;
  }

  /**
   * The docx children of the body: components as they are, each run of consecutive texts as one marker,
   * and last the marker of the sections.
   */
  frame(children: readonly FrameChild[]): (Paragraph | FileChild)[] {
    const out: (Paragraph | FileChild)[] = [];
    let open: string[] | undefined;
    for (const child of children) {
      if (typeof child !== 'string') {
        out.push(child);
        open = undefined;
        continue;
      }
      if (!open) {
        open = [];
        out.push(new MarkerParagraph(this.markerText(this.slots.length)));
        this.slots.push(open);
      }
      open.push(child);
    }
    out.push(new MarkerParagraph(this.markerText(this.slots.length)));
    return out;
  }

  /** Where `marker` is in the document, checking it is there exactly once. */
  private find(documentXml: string, index: number, from: number): number {
    const marker = this.marker(index);
    const at = documentXml.indexOf(marker, from);
    if (at < 0 || documentXml.includes(marker, at + marker.length)) {
      throw new AppError('internal', `The Word document body could not be assembled (slot ${String(index)} of ${String(this.slots.length + 1)})`);
    }
    return at;
  }

  /**
   * `word/document.xml` as the docx package wrote it, cut where the sections go: the pieces before them (with
   * every text in place of its marker) and the rest after them (the section properties and closing tags).
   */
  split(documentXml: string): { head: Buffer[]; tail: Buffer } {
    const head: Buffer[] = [];
    let from = 0;
    this.slots.forEach((texts, index) => {
      const at = this.find(documentXml, index, from);
      head.push(Buffer.from(documentXml.slice(from, at) + texts.join(''), 'utf8'));
      from = at + this.marker(index).length;
    });
    const sections = this.slots.length;
    const at = this.find(documentXml, sections, from);
    head.push(Buffer.from(documentXml.slice(from, at), 'utf8'));
    return { head, tail: Buffer.from(documentXml.slice(at + this.marker(sections).length), 'utf8') };
  }
}
