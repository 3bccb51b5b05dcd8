/**
 * XML for Word import: @xmldom/xmldom, a maintained DOM parser that never fetches anything (no external
 * entities, no network). Every part has already been refused if it holds a DTD (docx-safety.ts), so entity
 * expansion cannot happen here either. Warnings and errors stop parsing: a malformed part is not guessed at.
 */
import { DOMParser, onWarningStopParsing, type Document, type Element, type Node } from '@xmldom/xmldom';

export type { Document, Element };

/** WordprocessingML's main namespace: `w:` in document, styles and numbering parts. */
// eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an OOXML identifier, not a URL to load
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The parsed part, or the parser's first complaint as an Error. */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: onWarningStopParsing, locator: false }).parseFromString(text, 'text/xml');
}

const ELEMENT_NODE = 1;

/** Child elements of `parent`, optionally only those of one local name (any prefix: Word writes `w:`). */
export function children(parent: Node, localName?: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      if (localName === undefined || element.localName === localName) found.push(element);
    }
  }
  return found;
}

/** The first child element of that local name, or null. */
export function child(parent: Node, localName: string): Element | null {
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE && (node as Element).localName === localName) return node as Element;
  }
  return null;
}

/** Every descendant element of that local name, in document order. */
export function descendants(parent: Node, localName: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    for (let next = node.firstChild; next !== null; next = next.nextSibling) {
      if (next.nodeType !== ELEMENT_NODE) continue;
      if ((next as Element).localName === localName) found.push(next as Element);
      walk(next);
    }
  };
  walk(parent);
  return found;
}

/** An attribute by local name whatever its prefix (`w:val`, `r:id`), or null. */
export function attr(element: Element, localName: string): string | null {
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i += 1) {
    const attribute = attributes.item(i);
    if (attribute && (attribute.localName ?? attribute.name) === localName) return attribute.value;
  }
  return null;
}
