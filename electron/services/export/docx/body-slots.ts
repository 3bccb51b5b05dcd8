/**
 * Body XML inside the document the docx package writes. The package writes the frame: styles, properties,
 * header and footer, section properties, and the few parts of the body that are docx components (cover
 * paragraphs and logo, the contents field). Everything else is WordprocessingML text (`fast-xml.ts`). Each run
 * of text among the components becomes a marker paragraph in the frame, and once the package is written,
 * the marker is replaced by its text in `word/document.xml`.
 *
 * A marker holds a random id, so no user text can pass for one; each must be found exactly once.
 */
import { randomUUID } from 'node:crypto';
import { FileChild, type IXmlableObject, type Paragraph, type TableOfContents } from 'docx';
import { AppError } from '../../../../shared/errors';

/**
 * A child of the body: a docx component, or WordprocessingML (paragraphs and tables) as text or as its UTF-8
 * bytes. Bytes are how large parts wait for packing: half the memory of a JS string with any non-Latin-1
 * character in it, and nothing left to collect when the document is zipped.
 */
export type FrameChild = Paragraph | TableOfContents | string | Buffer;

/** A paragraph holding only the marker text, which the splice replaces whole. */
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

/** The text slots of one document: hands out markers for the frame and splices the text in afterwards. */
export class BodySlots {
  private readonly id = randomUUID();
  private readonly slots: Buffer[][] = [];

  private marker(index: number): string {
    return `<w:p><w:r><w:t>${this.markerText(index)}</w:t></w:r></w:p>`;
  }

  private markerText(index: number): string {
    return `cc-body-${this.id}-${String(index)}`;
  }

  /** The docx children of the body: components as they are, each run of consecutive texts as one marker. */
  frame(children: readonly FrameChild[]): (Paragraph | TableOfContents | FileChild)[] {
    const out: (Paragraph | TableOfContents | FileChild)[] = [];
    let open: Buffer[] | undefined;
    for (const child of children) {
      if (typeof child !== 'string' && !Buffer.isBuffer(child)) {
        out.push(child);
        open = undefined;
        continue;
      }
      if (!open) {
        open = [];
        out.push(new MarkerParagraph(this.markerText(this.slots.length)));
        this.slots.push(open);
      }
      open.push(typeof child === 'string' ? Buffer.from(child, 'utf8') : child);
    }
    return out;
  }

  /**
   * `word/document.xml` as the docx package wrote it, with every marker paragraph replaced by its text: the
   * pieces of the part in order, to be written one after the other.
   */
  splice(documentXml: string): Buffer[] {
    const pieces: Buffer[] = [];
    let from = 0;
    this.slots.forEach((texts, index) => {
      const marker = this.marker(index);
      const at = documentXml.indexOf(marker, from);
      if (at < 0 || documentXml.includes(marker, at + marker.length)) {
        throw new AppError('internal', `The Word document body could not be assembled (slot ${String(index)} of ${String(this.slots.length)})`);
      }
      pieces.push(Buffer.from(documentXml.slice(from, at), 'utf8'));
      for (const text of texts) pieces.push(text);
      from = at + marker.length;
    });
    pieces.push(Buffer.from(documentXml.slice(from), 'utf8'));
    return pieces;
  }
}
