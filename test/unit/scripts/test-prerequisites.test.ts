import { describe, expect, it } from 'vitest';
import { missingNeeds, prepareTestMachine, type RunResult, type System } from '../../../scripts/test-prerequisites.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const ALL_COMMANDS = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm', 'fc-list', 'apt-get', 'apt-cache'];
const NOTO = 'Noto Sans\nNoto Sans Arabic,Noto Sans Arabic UI\nDejaVu Sans\n';

/** Which packages provide what, so that a fake apt-get install makes things appear. */
const PROVIDES: Record<string, { commands?: string[]; paths?: string[]; fonts?: boolean }> = {
  chromium: { paths: ['/usr/bin/chromium'] },
  'chromium-browser': { paths: ['/snap/bin/chromium'] },
  'libreoffice-writer-nogui': { commands: ['soffice'] },
  'poppler-utils': { commands: ['pdfinfo', 'pdftotext', 'pdftoppm'] },
  'fonts-noto-core': { fonts: true },
  fontconfig: { commands: ['fc-list'] },
  git: { commands: ['git'] },
};

type Fake = System & { calls: string[]; lines: string[] };

type FakeOptions = {
  platform?: string;
  env?: Record<string, string>;
  isRoot?: boolean;
  osRelease?: string | null;
  commands?: string[];
  paths?: string[];
  fonts?: boolean;
  /** Whether `sudo -n true` succeeds (no password needed). */
  sudoWithoutPassword?: boolean;
  /** Packages apt does not know (for Ubuntu's other names). */
  unknownPackages?: string[];
  /** Makes `apt-get install` fail. */
  installFails?: boolean;
  /** Packages whose install does not provide what it should. */
  brokenPackages?: string[];
  /** git is on PATH unless this says otherwise (most cases are about the other tools). */
  withoutGit?: boolean;
};

/** A machine in memory: which commands are on PATH, which files exist, what apt-get does. */
function machine(options: FakeOptions = {}): Fake {
  const commands = new Set([...(options.commands ?? ALL_COMMANDS), ...(options.withoutGit ? [] : ['git'])]);
  const paths = new Set(options.paths ?? ['/usr/bin/chromium']);
  let fonts = options.fonts ?? true;
  const calls: string[] = [];
  const lines: string[] = [];
  const run = (command: string, args: string[], env?: Record<string, string>): RunResult => {
    calls.push([env?.['DEBIAN_FRONTEND'] ? `DEBIAN_FRONTEND=${env['DEBIAN_FRONTEND']}` : '', command, ...args].filter(Boolean).join(' '));
    if (command === 'fc-list') return { status: commands.has('fc-list') ? 0 : 127, output: fonts ? NOTO : 'DejaVu Sans\n' };
    if (command === 'sudo' && args.join(' ') === '-n true') return { status: options.sudoWithoutPassword ? 0 : 1, output: 'sudo: a password is required' };
    const apt = command === 'sudo' ? args.slice(args.indexOf('apt-get')) : command === 'apt-get' ? [command, ...args] : [];
    if (command === 'apt-cache') return { status: options.unknownPackages?.includes(args.at(-1) ?? '') ? 100 : 0, output: '' };
    if (apt[1] === 'update') return { status: 0, output: 'Reading package lists...' };
    if (apt[1] === 'install') {
      if (options.installFails) return { status: 100, output: 'E: Unable to locate package chromium\nE: could not install' };
      for (const name of apt.slice(2).filter((a) => !a.startsWith('-') && !a.startsWith('Dpkg'))) {
        if (options.brokenPackages?.includes(name)) continue;
        const provided = PROVIDES[name];
        for (const c of provided?.commands ?? []) commands.add(c);
        for (const p of provided?.paths ?? []) paths.add(p);
        if (provided?.fonts) fonts = true;
      }
      return { status: 0, output: '' };
    }
    return { status: 127, output: `${command}: not found` };
  };
  return {
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    isRoot: options.isRoot ?? true,
    osRelease: options.osRelease === undefined ? DEBIAN : options.osRelease,
    exists: (path) => paths.has(path),
    which: (command) => commands.has(command) || (command === 'sudo' && options.sudoWithoutPassword !== undefined),
    run,
    log: (line) => lines.push(line),
    calls,
    lines,
  };
}

const installs = (fake: Fake): string[] => fake.calls.filter((c) => c.includes('apt-get'));

describe('pretest: what the tests need', () => {
  it('does nothing and says nothing when everything is present', () => {
    const fake = machine();
    expect(prepareTestMachine(fake)).toBe(0);
    expect(fake.lines).toEqual([]);
    expect(installs(fake)).toEqual([]);
  });

  it('does not need Chromium with SKIP_E2E=1, but still needs the PDF tools', () => {
    expect(missingNeeds(machine({ paths: [], env: { SKIP_E2E: '1' } }))).toEqual([]);
    expect(missingNeeds(machine({ paths: [], env: { SKIP_E2E: '1' }, commands: ['fc-list'] })).map((n) => n.id)).toEqual(['libreoffice', 'poppler']);
  });

  it('looks for Chromium only at CHROMIUM_PATH when it is set', () => {
    expect(missingNeeds(machine({ paths: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } })).map((n) => n.id)).toEqual(['chromium']);
    expect(missingNeeds(machine({ paths: ['/opt/chrome/chrome'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } }))).toEqual([]);
  });

  it('needs the Noto fonts on Linux only, found with fc-list', () => {
    expect(missingNeeds(machine({ fonts: false })).map((n) => n.id)).toEqual(['fonts']);
    expect(missingNeeds(machine({ commands: ALL_COMMANDS.filter((c) => c !== 'fc-list') })).map((n) => n.id)).toEqual(['fonts']);
    expect(missingNeeds(machine({ platform: 'darwin', fonts: false, paths: ['/Applications/Chromium.app/Contents/MacOS/Chromium'] }))).toEqual([]);
  });
});

describe('pretest: installing on Debian and Ubuntu', () => {
  it('installs what is missing with apt-get as root, one line per step, without prompts', () => {
    const fake = machine({ paths: [], commands: ['soffice', 'apt-get', 'apt-cache'], fonts: false });
    expect(prepareTestMachine(fake)).toBe(0);
    expect(installs(fake)).toEqual([
      'DEBIAN_FRONTEND=noninteractive apt-get update -q',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold chromium poppler-utils fonts-noto-core fontconfig',
    ]);
    expect(fake.lines).toEqual([
      'pretest: installing Chromium, poppler-utils (pdfinfo, pdftotext, pdftoppm) and the Noto fonts (Noto Sans, Noto Sans Arabic) with apt-get',
      'pretest: apt-get update -q',
      expect.stringMatching(/^pretest: apt-get install -y .* chromium poppler-utils fonts-noto-core fontconfig$/) as string,
      'pretest: everything the tests need is installed',
    ]);
  });

  it('uses sudo -n where it needs no password', () => {
    const fake = machine({ isRoot: false, sudoWithoutPassword: true, commands: [...ALL_COMMANDS].filter((c) => c !== 'soffice') });
    expect(prepareTestMachine(fake)).toBe(0);
    expect(installs(fake)).toEqual([
      'DEBIAN_FRONTEND=noninteractive sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -q',
      expect.stringMatching(/^DEBIAN_FRONTEND=noninteractive sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y .* libreoffice-writer-nogui$/) as string,
    ]);
    expect(fake.lines[0]).toBe('pretest: installing LibreOffice Writer (soffice) with apt-get through sudo');
  });

  it('stops with the apt-get command to run when there is no root and sudo wants a password', () => {
    const fake = machine({ isRoot: false, sudoWithoutPassword: false, paths: [], commands: ['fc-list', 'apt-get'] });
    expect(prepareTestMachine(fake)).toBe(1);
    expect(installs(fake)).toEqual([]);
    expect(fake.lines).toEqual([
      'pretest: npm test needs Chromium, LibreOffice Writer (soffice) and poppler-utils (pdfinfo, pdftotext, pdftoppm), and installing needs root or a sudo without password, which this user lacks. Install with: sudo apt-get install -y chromium libreoffice-writer-nogui poppler-utils (SKIP_E2E=1 leaves the browser tests out).',
    ]);
  });

  it('stops with the apt-get command to run when apt-get is not on PATH', () => {
    const fake = machine({ paths: [], commands: ['fc-list', 'soffice', 'pdfinfo', 'pdftotext', 'pdftoppm'] });
    expect(prepareTestMachine(fake)).toBe(1);
    expect(fake.calls.filter((c) => c.includes('apt'))).toEqual([]);
    expect(fake.lines).toEqual(['pretest: npm test needs Chromium, and apt-get is not on PATH. Install with: sudo apt-get install -y chromium (SKIP_E2E=1 leaves the browser tests out).']);
  });

  it("installs Ubuntu's name for a package when apt does not know Debian's", () => {
    const fake = machine({ osRelease: UBUNTU, paths: [], unknownPackages: ['chromium'] });
    expect(prepareTestMachine(fake)).toBe(0);
    expect(installs(fake).at(-1)).toMatch(/ chromium-browser$/);
  });

  it('stops with apt-get\'s last words when an install fails', () => {
    const fake = machine({ paths: [], installFails: true });
    expect(prepareTestMachine(fake)).toBe(1);
    expect(fake.lines.at(-1)).toBe('pretest: that failed (exit 100): E: Unable to locate package chromium | E: could not install');
  });

  it('stops when an installed package still does not provide what the tests need', () => {
    const fake = machine({ commands: ['fc-list', 'apt-get', 'apt-cache'], brokenPackages: ['poppler-utils'] });
    expect(prepareTestMachine(fake)).toBe(1);
    expect(fake.lines.at(-1)).toMatch(/^pretest: after installing, poppler-utils \(pdfinfo, pdftotext, pdftoppm\) still cannot be found\. /);
  });

  it('does not install Chromium when CHROMIUM_PATH points to a missing file: it says so', () => {
    const fake = machine({ env: { CHROMIUM_PATH: '/opt/nowhere/chrome' } });
    expect(prepareTestMachine(fake)).toBe(1);
    expect(installs(fake)).toEqual([]);
    expect(fake.lines).toEqual([expect.stringContaining('CHROMIUM_PATH is set to /opt/nowhere/chrome, where there is no file') as string]);
  });
});

describe('pretest: elsewhere it stops before any test with one line', () => {
  it.each([
    [{ platform: 'darwin', osRelease: null }, 'Install with Homebrew: brew install --cask chromium && brew install --cask libreoffice && brew install poppler'],
    [{ platform: 'win32', osRelease: null }, 'Install with: winget install -e --id Hibbiki.Chromium; winget install -e --id TheDocumentFoundation.LibreOffice (and add its program folder to PATH); choco install poppler'],
    [{ osRelease: FEDORA }, 'Install with: sudo dnf install -y chromium libreoffice-writer poppler-utils'],
    [{ osRelease: 'ID=alpine\n' }, "install them with your system's package manager"],
    [{ osRelease: null }, "install them with your system's package manager"],
  ])('%j', (where, advice) => {
    const fake = machine({ ...where, paths: [], commands: ['fc-list', 'apt-get', 'sudo'] });
    expect(prepareTestMachine(fake)).toBe(1);
    expect(installs(fake)).toEqual([]);
    expect(fake.lines).toHaveLength(1);
    expect(fake.lines[0]).toContain(advice);
    expect(fake.lines[0]).toContain('SKIP_E2E=1 leaves the browser tests out');
  });

  it('installs git for the sync tests when it is missing', () => {
    const fake = machine({ isRoot: true, osRelease: DEBIAN, withoutGit: true });
    expect(missingNeeds(fake).map((n) => n.id)).toEqual(['git']);
    expect(prepareTestMachine(fake)).toBe(0);
    expect(fake.calls.some((c) => /apt-get install .* git$/.test(c))).toBe(true);
    expect(missingNeeds(fake)).toEqual([]);
  });
});
