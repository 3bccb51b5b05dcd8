/**
 * Terms of a sorted list within an edit distance of a query term (Levenshtein: insertions, deletions,
 * substitutions). Neighbours in sorted order share prefixes, so the rows of the distance table computed for
 * a prefix serve every term that starts with it, and a prefix already too far from the query rules out all
 * of its terms at once: tens of thousands of terms are searched in a few milliseconds.
 */
import { lowerBound } from './segment';

/** The first index after `from` whose term does not start with `prefix`. */
function endOfPrefix(terms: readonly string[], prefix: string, from: number): number {
  const last = prefix.charCodeAt(prefix.length - 1);
  // Every term starting with the prefix sorts before the prefix with its last code unit raised by one.
  if (last < 0xffff) return Math.max(from, lowerBound(terms, prefix.slice(0, -1) + String.fromCharCode(last + 1)));
  let end = from;
  while (end < terms.length && (terms[end] as string).startsWith(prefix)) end += 1;
  return end;
}

function commonPrefixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length += 1;
  return length;
}

/** Calls `found(index, distance)` for each term within `maxDistance` edits of `query`, distance 0 included. */
export function fuzzyMatches(terms: readonly string[], query: string, maxDistance: number, found: (index: number, distance: number) => void): void {
  const width = query.length + 1;
  /** Row `depth` of the table (distances from the first `depth` letters of the term) at `depth * width`. */
  let rows = new Int32Array(width * 32);
  for (let j = 0; j < width; j += 1) rows[j] = j;
  let previous = '';
  /** Rows 0..valid hold the table of `previous`'s first `valid` letters. */
  let valid = 0;
  let index = 0;
  while (index < terms.length) {
    const term = terms[index] as string;
    let depth = commonPrefixLength(previous, term, valid);
    if ((depth + 1 + term.length) * width > rows.length) {
      const grown = new Int32Array((term.length + 2) * width * 2);
      grown.set(rows);
      rows = grown;
    }
    let pruned = false;
    while (depth < term.length) {
      const code = term.charCodeAt(depth);
      const above = depth * width;
      const here = above + width;
      rows[here] = depth + 1;
      let smallest = depth + 1;
      for (let j = 1; j < width; j += 1) {
        const substitute = (rows[above + j - 1] as number) + (query.charCodeAt(j - 1) === code ? 0 : 1);
        const value = Math.min((rows[above + j] as number) + 1, (rows[here + j - 1] as number) + 1, substitute);
        rows[here + j] = value;
        if (value < smallest) smallest = value;
      }
      depth += 1;
      if (smallest > maxDistance) {
        pruned = true;
        break;
      }
    }
    previous = term;
    valid = depth;
    if (pruned) {
      // No term starting with these letters can come back within reach.
      index = endOfPrefix(terms, term.slice(0, depth), index + 1);
      continue;
    }
    const distance = rows[depth * width + width - 1] as number;
    if (distance <= maxDistance) found(index, distance);
    index += 1;
  }
}
