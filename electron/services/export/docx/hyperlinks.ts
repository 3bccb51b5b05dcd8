/**
 * External hyperlinks of the body. A w:hyperlink points at a relationship of document.xml; the body text
 * (`fast-xml.ts`) asks here for an id as it writes a link. The docx package has written the document's
 * relationships before the body is rendered, so the links' relationships are added to that part's XML.
 */
import { AppError } from '../../../../shared/errors';
import { escapeXml } from './fast-xml';

// A relationship type is an identifier, never fetched.
// eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an OOXML identifier, not a URL to load
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * Hands out relationship ids for a document's hyperlinks: `rIdLink1`, `rIdLink2`…, one per distinct target.
 * The docx package numbers its own `rId1`, `rId2`…, so the two never meet.
 */
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

  /** `word/_rels/document.xml.rels` with a relationship for every target handed out added at its end. */
  addTo(relationshipsXml: string): string {
    const end = relationshipsXml.lastIndexOf('</Relationships>');
    if (end < 0) throw new AppError('internal', 'The document relationships the docx package wrote have no </Relationships>');
    let added = '';
    for (const [href, id] of this.ids) {
      added += `<Relationship Id="rIdLink${String(id)}" Type="${HYPERLINK}" Target="${escapeXml(href)}" TargetMode="External"/>`;
    }
    return relationshipsXml.slice(0, end) + added + relationshipsXml.slice(end);
  }
}
