/**
 * External hyperlinks on the fast path. A w:hyperlink points at a relationship of the part it is written
 * into; the docx package collects a part's relationships while it packs, so each link registers its target
 * from inside `XmlBlock` (which gets the packing context) and writes the id it was given.
 */
import type { IContext } from 'docx';

// A relationship type is a namespace name, never fetched.
// eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an OOXML identifier, not a URL to load
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** Hands out relationship ids for a document's hyperlinks: `rIdLink1`, `rIdLink2`… (docx adds the `rId`). */
export class Hyperlinks {
  private count = 0;

  /** Adds a relationship to `href` to the part being packed and returns its id, for `r:id`. */
  register(context: IContext, href: string): string {
    this.count += 1;
    const id = `Link${String(this.count)}`;
    context.viewWrapper.Relationships.addRelationship(id, HYPERLINK, href, 'External');
    return `rId${id}`;
  }
}
