/**
 * What the Playwright specs need on the machine, beyond node_modules: Debian's Chromium (never a
 * downloaded browser) and fonts that draw Latin and CJK names truthfully in screenshots. `npm test`
 * installs them when it can, as `lab.sh up` does for the lab's packages (root on Debian/Ubuntu:
 * one `apt-get update`, then `apt-get install --no-install-recommends`, nothing when all are
 * there); elsewhere it says in one sentence what is missing and how to get it.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';

/** The browser every spec runs in: $VIREO_CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.VIREO_CHROMIUM ?? '/usr/bin/chromium';

/** Debian/Ubuntu packages the specs use: the browser, a Latin font, a CJK font. */
export const E2E_PACKAGES = ['chromium', 'fonts-dejavu-core', 'fonts-noto-cjk'] as const;

export interface Machine {
  /** Root (uid 0). */
  root: boolean;
  /** Debian or Ubuntu (or a derivative) with apt-get and dpkg. */
  debian: boolean;
  /** E2E_PACKAGES not installed (dpkg), on Debian/Ubuntu; [] elsewhere. */
  missingPackages: string[];
  /** The Chromium binary to use exists and is executable. */
  chromium: boolean;
  /** VIREO_CHROMIUM names the browser (then no package is needed for it). */
  customChromium: boolean;
}

export type Plan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[] }
  /** Nothing can be installed here: `sentence` says what is missing and how to get it; `fatal` = the specs cannot run. */
  | { kind: 'missing'; fatal: boolean; sentence: string };

/** What to do about the specs' needs on this machine (pure: the facts come from `inspect`). */
export function plan(m: Machine): Plan {
  const needed = m.customChromium ? m.missingPackages.filter((p) => p !== 'chromium') : m.missingPackages;
  if (m.debian && needed.length > 0 && m.root) return { kind: 'install', packages: needed };
  if (m.debian && needed.length > 0) {
    const fatal = !m.chromium;
    return {
      kind: 'missing',
      fatal,
      sentence:
        `The end-to-end tests need ${needed.join(', ')}, which only root can install: run ` +
        `\`sudo apt-get install --no-install-recommends ${E2E_PACKAGES.join(' ')}\` (or npm test as root)` +
        (fatal ? ', or set VIREO_CHROMIUM to a Chromium binary.' : '; without them screenshots of non-Latin names show boxes.'),
    };
  }
  if (!m.chromium) {
    return {
      kind: 'missing',
      fatal: true,
      sentence: m.customChromium
        ? `VIREO_CHROMIUM=${CHROMIUM} is not an executable file: point it at a Chromium binary.`
        : `The end-to-end tests need Chromium at ${CHROMIUM}, and this is not Debian/Ubuntu (where npm test installs it as root): install Chromium and set VIREO_CHROMIUM to its binary.`,
    };
  }
  return { kind: 'ready' };
}

function isDebian(): boolean {
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    return false;
  }
  const field = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1] ?? '';
  const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/);
  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  return (ids.includes('debian') || ids.includes('ubuntu')) && has('apt-get') && has('dpkg');
}

/** `dpkg -s` for each package: installed means "install ok installed". */
function installed(pkg: string): boolean {
  const r = spawnSync('dpkg', ['-s', pkg], { encoding: 'utf8' });
  return r.status === 0 && /^Status: install ok installed$/m.test(r.stdout);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The facts `plan` needs, read from this machine. */
export function inspect(): Machine {
  const debian = isDebian();
  return {
    root: process.getuid?.() === 0,
    debian,
    missingPackages: debian ? E2E_PACKAGES.filter((p) => !installed(p)) : [],
    chromium: executable(CHROMIUM),
    customChromium: process.env.VIREO_CHROMIUM !== undefined,
  };
}
