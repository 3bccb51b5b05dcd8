/**
 * Keys of runs of words: a polynomial hash of the words' hashes that rolls from one run to the next (add
 * the new word, take out the oldest), mixed and cut to 30 bits. A key only says where to look: whatever
 * is found by key is compared word by word (text-search.ts).
 */

/** The polynomial base of run keys. */
export const BASE = 0x01000193;

/**
 * A key cut to 30 bits so that it stays a small integer in V8 (a larger one would be a heap number) and
 * fits the tables of int-table.ts.
 */
export function mix(hash: number): number {
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/** BASE^length, modulo 2^32, to take the oldest word out of a rolling hash. */
export function basePower(length: number): number {
  let power = 1;
  for (let index = 0; index < length; index += 1) power = Math.imul(power, BASE);
  return power;
}
