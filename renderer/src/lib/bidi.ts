/**
 * Text the user or a partner wrote (a title, a name), isolated for the Unicode bidirectional algorithm
 * (FSI … PDI), so that it keeps its own direction inside a sentence of the interface: an English title in an
 * Arabic sentence neither drags the punctuation around it nor reorders the numbers after it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
