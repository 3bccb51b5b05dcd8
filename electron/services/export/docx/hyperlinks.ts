/**
 * External hyperlinks of the body. A w:hyperlink points at a relationship of document.xml; the body text
 * (`fast-xml.ts`) asks here for an id as it writes a link, and before packing the targets are added to the
 * relationships the docx package writes for the document part.
 */
import type { Document } from 'docx';

// A relationship type is an identifier, never fetched.
// eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an OOXML identifier, not a URL to load
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** Hands out relationship ids for a document's hyperlinks: `rIdLink1`, `rIdLink2`…, one per distinct target. */
export class Hyperlinks {
  private readonly ids = new Map<string, number>();

  /** The relationship id (for `r:id`) of an external link to `href`, which must already be a safe href. */
  register(href: string): string {
    let id = this.ids.get(href);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(href, id);
    }
    return `rIdLink${String(id)}`;
  }

  /** Adds a relationship for every target handed out to the document part's relationships (docx adds the `rId`). */
  addTo(document: Document): void {
    for (const [href, id] of this.ids) {
      document.Document.Relationships.addRelationship(`Link${String(id)}`, HYPERLINK, href, 'External');
    }
  }
}
