// @ts-check
/**
 * Whether `out/` was built from the sources as they are now, so that `npm start`, `npm run web`,
 * `npm run cli` and `npm test` build only when something changed. Plain Node (no TypeScript loader): it
 * runs before there is a build.
 *
 * The stamp `out/.build-stamp.json` records, for the build it describes, every input file's size and
 * modification time (taken before the build started), and the size and time of the build's entry files.
 * The build is current when both lists are exactly as recorded: an edited, added, removed or renamed
 * source, a file whose time went backwards (a checkout, a restore), a new `npm install`, or a build made by
 * another command (`npm run build`, `npm run dev`) all make it stale.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders whose every file can reach the build. */
export const SOURCE_DIRS = ['electron', 'shared', 'renderer'];

/** Root files that change what the build makes: its configuration and the installed packages. */
export const SOURCE_FILES = [
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.shared.json',
  'tsconfig.web.json',
];

/** The build's entry files: if one is missing or was rewritten by another build, the stamp no longer holds. */
export const OUTPUTS = ['out/main/index.js', 'out/main/web.js', 'out/main/cli.js', 'out/main/start.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

export const STAMP_FILE = 'out/.build-stamp.json';

/** @typedef {Record<string, string>} FileStates  path (with `/`) -> "size:mtimeNs" */
/** @typedef {{ inputs: FileStates, outputs: FileStates }} Stamp */
/** @typedef {{ current: true } | { current: false, reason: string }} Freshness */

/**
 * @param {string} path
 * @returns {string | null}
 */
function fileState(path) {
  try {
    const stats = statSync(path, { bigint: true });
    return stats.isFile() ? `${stats.size}:${stats.mtimeNs}` : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} root
 * @param {string} dir
 * @param {FileStates} into
 */
function walk(root, dir, into) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    // Dotfiles (editor swap files, .DS_Store) never reach the build.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, into);
    else {
      const state = fileState(path);
      if (state !== null) into[relative(root, path).split(sep).join('/')] = state;
    }
  }
}

/**
 * Every input of the build with its size and modification time.
 * @param {string} root
 * @returns {FileStates}
 */
export function inputStates(root) {
  /** @type {FileStates} */
  const states = {};
  for (const dir of SOURCE_DIRS) walk(root, join(root, dir), states);
  for (const file of SOURCE_FILES) {
    const state = fileState(join(root, file));
    if (state !== null) states[file] = state;
  }
  // Vite reads .env files in the project root.
  for (const name of readdirSync(root)) {
    if (name.startsWith('.env')) {
      const state = fileState(join(root, name));
      if (state !== null) states[name] = state;
    }
  }
  return states;
}

/**
 * The build's entry files, or the first one that is missing.
 * @param {string} root
 * @returns {{ states: FileStates } | { missing: string }}
 */
export function outputStates(root) {
  /** @type {FileStates} */
  const states = {};
  for (const file of OUTPUTS) {
    const state = fileState(join(root, file));
    if (state === null) return { missing: file };
    states[file] = state;
  }
  return { states };
}

/**
 * @param {string} root
 * @returns {Stamp | null}
 */
export function readStamp(root) {
  try {
    const stamp = /** @type {Partial<Stamp>} */ (JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8')));
    return stamp.inputs && stamp.outputs ? { inputs: stamp.inputs, outputs: stamp.outputs } : null;
  } catch {
    return null;
  }
}

/**
 * What differs between two lists of files, in one short phrase ("electron/cli/main.ts changed").
 * @param {FileStates} before
 * @param {FileStates} now
 * @returns {string | null}
 */
export function describeChange(before, now) {
  const changed = [];
  for (const [path, state] of Object.entries(now)) {
    if (!Object.hasOwn(before, path)) changed.push(`${path} was added`);
    else if (before[path] !== state) changed.push(`${path} changed`);
  }
  for (const path of Object.keys(before)) if (!Object.hasOwn(now, path)) changed.push(`${path} was removed`);
  if (changed.length === 0) return null;
  return changed.length === 1 ? (changed[0] ?? null) : `${changed[0] ?? ''} (and ${changed.length - 1} more)`;
}

/**
 * Whether `out/` holds a build of the current sources, and if not, why.
 * @param {string} root
 * @param {FileStates} [inputs] the current inputs, when the caller has them already
 * @returns {Freshness}
 */
export function freshness(root, inputs = inputStates(root)) {
  const stamp = readStamp(root);
  if (!stamp) return { current: false, reason: 'there is no build yet' };
  const outputs = outputStates(root);
  if ('missing' in outputs) return { current: false, reason: `${outputs.missing} is missing` };
  if (describeChange(stamp.outputs, outputs.states) !== null) return { current: false, reason: 'out/ was rebuilt by another command' };
  const change = describeChange(stamp.inputs, inputs);
  return change === null ? { current: true } : { current: false, reason: change };
}

/**
 * Records that `out/` now holds a build of `inputs` (taken before the build began, so that a file saved
 * during the build makes the next start build again).
 * @param {string} root
 * @param {FileStates} inputs
 */
export function writeStamp(root, inputs) {
  const outputs = outputStates(root);
  if ('missing' in outputs) throw new Error(`The build did not write ${outputs.missing}`);
  /** @type {Stamp} */
  const stamp = { inputs, outputs: outputs.states };
  writeFileSync(join(root, STAMP_FILE), `${JSON.stringify(stamp)}\n`);
}

/**
 * Builds when the build is stale, then stamps it. `build` runs the real build and throws if it fails; a
 * failed build leaves no stamp, so the next start tries again.
 * @param {string} root
 * @param {{ build: () => void, log: (line: string) => void, now?: () => number }} how
 * @returns {boolean} whether it built
 */
export function ensureBuilt(root, { build, log, now = Date.now }) {
  const inputs = inputStates(root);
  const state = freshness(root, inputs);
  if (state.current) return false;
  log(`Building the app (${state.reason})…`);
  const started = now();
  build();
  writeStamp(root, inputs);
  log(`Built in ${((now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
