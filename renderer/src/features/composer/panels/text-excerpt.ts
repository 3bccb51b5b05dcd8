/**
 * Where two versions of a text differ, cut down to a readable excerpt of each: the changed part with some
 * context around it, so a one-word edit in a long trainer note is visible at a glance.
 */
export function excerpts(before: string, after: string, context = 60, max = 240): { before: string; after: string } {
  const a = before.replace(/\s+/g, ' ').trim();
  const b = after.replace(/\s+/g, ' ').trim();
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  // Start on a word boundary before the change, with some context.
  let from = Math.max(0, start - context);
  if (from > 0) {
    const space = a.lastIndexOf(' ', from);
    from = space >= 0 && start - space < context * 2 ? space + 1 : from;
  }
  const cut = (text: string, end: number) => {
    const stop = Math.min(text.length, Math.max(end + context, from + 1), from + max);
    return `${from > 0 ? '…' : ''}${text.slice(from, stop)}${stop < text.length ? '…' : ''}`;
  };
  return { before: cut(a, endA), after: cut(b, endB) };
}
