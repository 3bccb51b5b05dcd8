/**
 * Immutable edits addressed by path (["lessons", 0, "steps", 2, "minutes"]), the same shape as zod issue
 * paths. One generic mechanism serves every field of the editor, so adding a field needs no new reducer code,
 * and a validation problem can be routed back to the field that shows its path.
 */

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** "lessons.0.steps.2.minutes": the key under which problems are grouped and fields look them up. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** A DOM id for the field editing `path`; ids must be unique, so the whole path is in it. */
export function fieldId(path: Path | string): string {
  const key = typeof path === 'string' ? path : pathKey(path);
  return `edit-${key.replaceAll('.', '-')}`;
}

/** `path` and each of its ancestors, deepest first: where to look for a field when `path` has none. */
export function ancestors(key: string): string[] {
  const parts = key === '' ? [] : key.split('.');
  const out: string[] = [];
  for (let n = parts.length; n > 0; n -= 1) out.push(parts.slice(0, n).join('.'));
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment] as unknown;
    else if (isRecord(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * A copy of `root` with the value at `path` replaced; only the containers along the path are copied, so
 * untouched branches keep their identity (cheap history snapshots, cheap equality checks).
 * `undefined` removes an object key, which is how optional parts (a step's range, a sensitivity note) go away.
 * Missing containers are not created: a path that does not exist is a programming error and leaves `root` as is.
 */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  return setIn(root, path, 0, value) as T;
}

function setIn(node: unknown, path: Path, depth: number, value: unknown): unknown {
  if (depth === path.length) return value;
  const segment = path[depth];
  if (Array.isArray(node) && typeof segment === 'number') {
    if (segment < 0 || segment >= node.length) return node;
    const current = node[segment] as unknown;
    const next = setIn(current, path, depth + 1, value);
    if (Object.is(next, current)) return node;
    const copy: unknown[] = [...(node as unknown[])];
    copy[segment] = next;
    return copy;
  }
  if (isRecord(node) && typeof segment === 'string') {
    const current = node[segment];
    const next = setIn(current, path, depth + 1, value);
    if (Object.is(next, current) && (next !== undefined || !(segment in node))) return node;
    const copy = { ...node };
    if (next === undefined) Reflect.deleteProperty(copy, segment);
    else copy[segment] = next;
    return copy;
  }
  return node;
}

/** Applies `change` to the list at `path` (a copy); anything that is not a list is left alone. */
function updateList<T>(root: T, path: Path, change: (list: unknown[]) => unknown[]): T {
  const list = getAt(root, path);
  if (!Array.isArray(list)) return root;
  return setAt(root, path, change([...(list as unknown[])]));
}

/** Inserts `item` at `index` (the end when omitted). */
export function insertAt<T>(root: T, path: Path, item: unknown, index?: number): T {
  return updateList(root, path, (list) => {
    list.splice(index ?? list.length, 0, item);
    return list;
  });
}

export function removeAt<T>(root: T, path: Path, index: number): T {
  return updateList(root, path, (list) => {
    if (index >= 0 && index < list.length) list.splice(index, 1);
    return list;
  });
}

/** Moves the item at `from` to `to`; out-of-range moves change nothing (the first item cannot go up). */
export function moveItem<T>(root: T, path: Path, from: number, to: number): T {
  const list = getAt(root, path);
  if (!Array.isArray(list) || from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return root;
  return updateList(root, path, (copy) => {
    const [item] = copy.splice(from, 1);
    copy.splice(to, 0, item);
    return copy;
  });
}

/** Adds `value` to a list of choices (checkbox group) or removes it, keeping the list's order otherwise. */
export function toggleIn<T>(root: T, path: Path, value: unknown, on: boolean): T {
  return updateList(root, path, (list) => {
    const without = list.filter((v) => v !== value);
    return on ? [...without, value] : without;
  });
}
