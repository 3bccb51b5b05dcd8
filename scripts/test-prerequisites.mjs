// @ts-check
/**
 * What `npm test` needs from the machine, and how to get it: Chromium (end-to-end tests, unless
 * SKIP_E2E=1), LibreOffice Writer and poppler-utils (tests that turn Word documents into PDFs and read
 * them) and, on Linux, the Noto fonts (Arabic text in those PDFs).
 *
 * On Debian and Ubuntu what is missing is installed with apt-get, as root or with a `sudo -n` that needs
 * no password, one line per step, never a prompt. Anywhere else the run stops before any test with one
 * line saying what to install and how. Nothing here downloads a browser of its own.
 *
 * Decisions take a `System` so that tests can play every machine (present, missing, root, sudo, macOS...).
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

/**
 * @typedef {{ status: number | null, output: string }} RunResult
 * @typedef {{
 *   platform: string,
 *   env: Record<string, string | undefined>,
 *   isRoot: boolean,
 *   osRelease: string | null,
 *   exists: (path: string) => boolean,
 *   which: (command: string) => boolean,
 *   run: (command: string, args: string[], env?: Record<string, string>) => RunResult,
 *   log: (line: string) => void,
 * }} System
 * @typedef {'chromium' | 'libreoffice' | 'poppler' | 'fonts' | 'git'} NeedId
 * @typedef {{
 *   id: NeedId,
 *   label: string,
 *   apt: string[][],
 *   brew: string,
 *   windows: string,
 *   dnf: string,
 *   pacman: string,
 * }} Need
 */

/**
 * Each need with its packages. `apt` lists choices; each choice is a list of alternative names, the first
 * one apt knows is installed (Debian and Ubuntu name some packages differently).
 * @type {Need[]}
 */
export const NEEDS = [
  {
    id: 'chromium',
    label: 'Chromium',
    apt: [['chromium', 'chromium-browser']],
    brew: 'brew install --cask chromium',
    windows: 'winget install -e --id Hibbiki.Chromium',
    dnf: 'chromium',
    pacman: 'chromium',
  },
  {
    id: 'libreoffice',
    label: 'LibreOffice Writer (soffice)',
    apt: [['libreoffice-writer-nogui', 'libreoffice-writer']],
    brew: 'brew install --cask libreoffice',
    windows: 'winget install -e --id TheDocumentFoundation.LibreOffice (and add its program folder to PATH)',
    dnf: 'libreoffice-writer',
    pacman: 'libreoffice-fresh',
  },
  {
    id: 'poppler',
    label: 'poppler-utils (pdfinfo, pdftotext, pdftoppm)',
    apt: [['poppler-utils']],
    brew: 'brew install poppler',
    windows: 'choco install poppler',
    dnf: 'poppler-utils',
    pacman: 'poppler',
  },
  {
    id: 'fonts',
    label: 'the Noto fonts (Noto Sans, Noto Sans Arabic)',
    // fontconfig brings fc-list, with which the fonts are found.
    apt: [['fonts-noto-core'], ['fontconfig']],
    brew: '',
    windows: '',
    dnf: 'google-noto-sans-fonts google-noto-sans-arabic-fonts',
    pacman: 'noto-fonts',
  },
  {
    // The sync tests serve their remotes with git's own server (git http-backend) and check them with git fsck.
    id: 'git',
    label: 'git',
    apt: [['git']],
    brew: 'brew install git',
    windows: 'winget install -e --id Git.Git',
    dnf: 'git',
    pacman: 'git',
  },
];

const POPPLER_COMMANDS = ['pdfinfo', 'pdftotext', 'pdftoppm'];
const FONT_FAMILIES = ['Noto Sans', 'Noto Sans Arabic'];

/**
 * Where Chromium may be, in order: CHROMIUM_PATH when set (then only there), else the usual places.
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function chromiumCandidates(platform, env) {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit) return [explicit];
  if (platform === 'darwin') return ['/Applications/Chromium.app/Contents/MacOS/Chromium'];
  if (platform === 'win32') {
    return [env['LOCALAPPDATA'], env['ProgramFiles']].filter((dir) => dir !== undefined).map((dir) => join(dir, 'Chromium', 'Application', 'chrome.exe'));
  }
  // Ubuntu's apt installs Chromium as a snap.
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
}

/**
 * The Chromium the end-to-end tests launch, or null.
 * @param {Pick<System, 'platform' | 'env' | 'exists'>} system
 * @returns {string | null}
 */
export function findChromium(system) {
  return chromiumCandidates(system.platform, system.env).find((path) => system.exists(path)) ?? null;
}

/**
 * @param {System} system
 * @returns {boolean}
 */
function fontsPresent(system) {
  if (system.platform !== 'linux') return true; // Arial, the documents' font, has Arabic glyphs on macOS and Windows.
  if (!system.which('fc-list')) return false;
  const { status, output } = system.run('fc-list', [':', 'family']);
  if (status !== 0) return false;
  const families = new Set(output.split('\n').flatMap((line) => line.split(',').map((f) => f.trim())));
  return FONT_FAMILIES.every((family) => families.has(family));
}

/**
 * @param {Need} need
 * @param {System} system
 * @returns {boolean}
 */
function isPresent(need, system) {
  switch (need.id) {
    case 'chromium':
      return findChromium(system) !== null;
    case 'libreoffice':
      return system.which('soffice');
    case 'poppler':
      return POPPLER_COMMANDS.every((command) => system.which(command));
    case 'fonts':
      return fontsPresent(system);
    case 'git':
      return system.which('git');
  }
}

/**
 * What the tests need that this machine lacks. Chromium is not needed with SKIP_E2E=1.
 * @param {System} system
 * @returns {Need[]}
 */
export function missingNeeds(system) {
  const skipE2e = system.env['SKIP_E2E'] === '1';
  return NEEDS.filter((need) => !(need.id === 'chromium' && skipE2e) && !isPresent(need, system));
}

/**
 * @param {string | null} osRelease the text of /etc/os-release
 * @returns {string[]} ID and ID_LIKE, lower case
 */
function distributionIds(osRelease) {
  if (!osRelease) return [];
  return [...osRelease.matchAll(/^(?:ID|ID_LIKE)=("?)([^"\n]*)\1$/gm)].flatMap((m) => (m[2] ?? '').toLowerCase().split(/\s+/)).filter(Boolean);
}

/**
 * @param {Need[]} needs
 * @returns {string}
 */
function labels(needs) {
  const names = needs.map((n) => n.label);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

const SKIP_HINT = 'SKIP_E2E=1 leaves the browser tests out';

/**
 * The one line that says how to install what is missing where the pretest cannot do it itself.
 * @param {System} system
 * @param {Need[]} missing
 * @param {string} [why] why the pretest does not install them itself
 * @returns {string}
 */
export function installAdvice(system, missing, why = '') {
  const what = `npm test needs ${labels(missing)}${why}`;
  const chromiumHint = missing.some((n) => n.id === 'chromium') ? ` (${SKIP_HINT})` : '';
  const explicit = system.env['CHROMIUM_PATH'];
  const chromiumPathHint = explicit && missing.some((n) => n.id === 'chromium') ? `; CHROMIUM_PATH is set to ${explicit}, where there is no file` : '';
  if (system.platform === 'darwin') {
    const steps = missing.map((n) => n.brew).filter(Boolean);
    return `${what}. Install with Homebrew: ${steps.join(' && ')}${chromiumHint}${chromiumPathHint}.`;
  }
  if (system.platform === 'win32') {
    const steps = missing.map((n) => n.windows).filter(Boolean);
    const elsewhere = missing.some((n) => n.id === 'chromium') ? ' (set CHROMIUM_PATH to its chrome.exe if it is not under %LOCALAPPDATA% or %ProgramFiles%)' : '';
    return `${what}. Install with: ${steps.join('; ')}${elsewhere}${chromiumHint}${chromiumPathHint}.`;
  }
  const ids = distributionIds(system.osRelease);
  if (ids.includes('debian') || ids.includes('ubuntu')) {
    const packages = missing.flatMap((n) => n.apt.map((choice) => choice[0] ?? ''));
    return `${what}. Install with: sudo apt-get install -y ${packages.join(' ')}${chromiumHint}${chromiumPathHint}.`;
  }
  if (ids.includes('fedora') || ids.includes('rhel')) {
    return `${what}. Install with: sudo dnf install -y ${missing.map((n) => n.dnf).join(' ')}${chromiumHint}${chromiumPathHint}.`;
  }
  if (ids.includes('arch')) {
    return `${what}. Install with: sudo pacman -S --needed ${missing.map((n) => n.pacman).join(' ')}${chromiumHint}${chromiumPathHint}.`;
  }
  return `${what}: install them with your system's package manager${chromiumHint}${chromiumPathHint}.`;
}

/**
 * How this machine can run apt-get without a prompt: directly as root, or through `sudo -n` when that needs
 * no password; otherwise why it cannot.
 * @param {System} system
 * @returns {{ prefix: string[] } | { why: string }}
 */
function aptAccess(system) {
  if (!system.which('apt-get')) return { why: ', and apt-get is not on PATH' };
  if (system.isRoot) return { prefix: [] };
  if (system.which('sudo') && system.run('sudo', ['-n', 'true']).status === 0) return { prefix: ['sudo', '-n'] };
  return { why: ', and installing needs root or a sudo without password, which this user lacks' };
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };
const APT_OPTIONS = ['-y', '-q', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold'];

/**
 * Runs one apt step and says so in one line; on failure the line carries apt's last words.
 * @param {System} system
 * @param {string[]} prefix
 * @param {string[]} args
 * @returns {boolean}
 */
function aptStep(system, prefix, args) {
  const command = [...prefix, ...(prefix.length > 0 ? ['env', 'DEBIAN_FRONTEND=noninteractive'] : []), 'apt-get', ...args];
  system.log(`pretest: ${command.join(' ')}`);
  const [program = 'apt-get', ...rest] = command;
  const { status, output } = system.run(program, rest, APT_ENV);
  if (status === 0) return true;
  const tail = output.trim().split('\n').slice(-3).join(' | ');
  system.log(`pretest: that failed (exit ${String(status)}): ${tail}`);
  return false;
}

/**
 * The first alternative of each choice that apt can install (after `apt-get update`).
 * @param {System} system
 * @param {Need[]} missing
 * @returns {string[]}
 */
function resolvePackages(system, missing) {
  return missing.flatMap((need) =>
    need.apt.map((choice) => choice.find((name) => choice.length === 1 || system.run('apt-cache', ['show', '--no-all-versions', name]).status === 0) ?? choice[0] ?? ''),
  );
}

/**
 * Checks the machine and installs what is missing where it can. Returns the exit code: 0 when the tests
 * can run, 1 when they cannot (after one line that says why and what to do).
 * @param {System} system
 * @returns {number}
 */
export function prepareTestMachine(system) {
  const missing = missingNeeds(system);
  if (missing.length === 0) return 0;
  const ids = distributionIds(system.osRelease);
  const debianLike = system.platform === 'linux' && (ids.includes('debian') || ids.includes('ubuntu'));
  // A CHROMIUM_PATH that points nowhere is a mistake to fix, not a package to install.
  const chromiumPathWrong = Boolean(system.env['CHROMIUM_PATH']) && missing.some((n) => n.id === 'chromium');
  const access = debianLike && !chromiumPathWrong ? aptAccess(system) : { why: '' };
  if ('why' in access) {
    system.log(`pretest: ${installAdvice(system, missing, access.why)}`);
    return 1;
  }
  const { prefix } = access;
  system.log(`pretest: installing ${labels(missing)} with apt-get${prefix.length > 0 ? ' through sudo' : ''}`);
  if (!aptStep(system, prefix, ['update', '-q'])) return 1;
  const packages = resolvePackages(system, missing);
  if (!aptStep(system, prefix, ['install', ...APT_OPTIONS, ...packages])) return 1;
  const still = missingNeeds(system);
  if (still.length > 0) {
    system.log(`pretest: after installing, ${labels(still)} still cannot be found. ${installAdvice(system, still)}`);
    return 1;
  }
  system.log('pretest: everything the tests need is installed');
  return 0;
}

/**
 * @param {string} command
 * @param {Record<string, string | undefined>} env
 * @param {string} platform
 * @returns {boolean}
 */
function onPath(command, env, platform) {
  const extensions = platform === 'win32' ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return (env['PATH'] ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) =>
      extensions.some((ext) => {
        try {
          accessSync(join(dir, command + ext), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
    );
}

/**
 * This machine.
 * @returns {System}
 */
export function realSystem() {
  let osRelease = null;
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a Linux without os-release: not Debian as far as we can tell.
  }
  return {
    platform: process.platform,
    env: process.env,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    osRelease,
    exists: existsSync,
    which: (command) => onPath(command, process.env, process.platform),
    run: (command, args, env) => {
      const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
      return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
    },
    log: (line) => {
      process.stdout.write(`${line}\n`);
    },
  };
}
