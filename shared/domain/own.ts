/**
 * Lookups in records keyed by text that users or partners chose (placeholder names, ids, publishers). A plain
 * `record[key]` answers `Object.prototype` members for keys such as "constructor" or "toString", and a
 * course that used `{constructor}` once could not be opened. Every such lookup goes through here.
 */

/** The value stored under `key` itself, never one inherited from the prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A record built from a Map: `Object.fromEntries` defines own properties, so "__proto__" stays a plain key. */
export function recordOf<T>(entries: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries(entries);
}
