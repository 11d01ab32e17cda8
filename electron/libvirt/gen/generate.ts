// `npm run gen:protocol [-- --x PATH] [--check]`: generates electron/libvirt/gen/*.gen.ts from
// libvirt's own protocol definitions (src/remote/remote_protocol.x, qemu_protocol.x,
// src/rpc/virnetprotocol.x, virkeepaliveprotocol.x).
//
// Source: `--x PATH` (remote_protocol.x inside a libvirt source tree, or the tree's root), else
// Debian bookworm's libvirt source package (the lab's libvirt 9.0), fetched once with apt-get into
// a cache directory ($VIREO_GEN_CACHE, else ~/.cache/vireo-gen) using a private apt configuration:
// no deb-src entry, root or network is needed once the cache holds the files. None of libvirt's
// files are committed here.
//
// --check regenerates in memory and fails (exit 1) when a committed file differs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EmitInput, emit, type TypeOverride } from './emit';
import { type Definition, parse } from './xdrl';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');

/** The files we read from a libvirt source tree (relative to its root). */
const INPUTS = {
  remote: 'src/remote/remote_protocol.x',
  qemu: 'src/remote/qemu_protocol.x',
  net: 'src/rpc/virnetprotocol.x',
  keepalive: 'src/rpc/virkeepaliveprotocol.x',
  hostH: 'include/libvirt/libvirt-host.h',
  commonH: 'include/libvirt/libvirt-common.h.in',
  meson: 'meson.build',
} as const;

/**
 * Constants the .x files use but libvirt defines in C headers. Checked against the headers when the
 * source tree has them (it does when fetched by this script).
 */
const EXTERNAL_CONSTANTS: Record<string, number> = {
  VIR_UUID_BUFLEN: 16,
  VIR_SECURITY_MODEL_BUFLEN: 257,
  VIR_SECURITY_LABEL_BUFLEN: 4097,
  VIR_SECURITY_DOI_BUFLEN: 257,
  VIR_TYPED_PARAM_INT: 1,
  VIR_TYPED_PARAM_UINT: 2,
  VIR_TYPED_PARAM_LLONG: 3,
  VIR_TYPED_PARAM_ULLONG: 4,
  VIR_TYPED_PARAM_DOUBLE: 5,
  VIR_TYPED_PARAM_BOOLEAN: 6,
  VIR_TYPED_PARAM_STRING: 7,
};

const uuidText = (tsType = 'string'): TypeOverride => ({
  tsType,
  read: 'readUuidText',
  write: 'writeUuidText',
  imports: { './runtime': ['readUuidText', 'writeUuidText'] },
});

export function log(msg: string): void {
  process.stderr.write(`[gen:protocol] ${msg}\n`);
}

function cacheDir(): string {
  return process.env.VIREO_GEN_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vireo-gen');
}

/** A libvirt tree in the cache holding every input, if one is there. */
function cachedTree(cache: string): string | null {
  if (!existsSync(cache)) return null;
  for (const name of readdirSync(cache).sort().reverse()) {
    const dir = join(cache, name);
    if (name.startsWith('libvirt-') && statSync(dir).isDirectory() && Object.values(INPUTS).every((f) => existsSync(join(dir, f))))
      return dir;
  }
  return null;
}

function run(cmd: string, args: string[], cwd: string): void {
  try {
    execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
}

/** One `deb` entry of the system's apt configuration (one-line or deb822 form). */
export interface AptEntry {
  uri: string;
  suites: string[];
  components: string[];
  signedBy?: string;
}

/** The system's `deb` entries: /etc/apt/sources.list, sources.list.d/*.list and *.sources. */
function systemAptSources(dir = '/etc/apt'): AptEntry[] {
  const texts: { text: string; deb822: boolean }[] = [];
  const main = join(dir, 'sources.list');
  if (existsSync(main)) texts.push({ text: readFileSync(main, 'utf8'), deb822: false });
  const parts = join(dir, 'sources.list.d');
  if (existsSync(parts))
    for (const f of readdirSync(parts).sort()) {
      if (f.endsWith('.list')) texts.push({ text: readFileSync(join(parts, f), 'utf8'), deb822: false });
      else if (f.endsWith('.sources')) texts.push({ text: readFileSync(join(parts, f), 'utf8'), deb822: true });
    }
  return texts.flatMap(({ text, deb822 }) => parseAptSources(text, deb822));
}

/** Parses apt sources text: `deb [signed-by=K] URI SUITE COMP…` lines, or deb822 stanzas. */
export function parseAptSources(text: string, deb822: boolean): AptEntry[] {
  if (!deb822)
    return text.split('\n').flatMap((raw) => {
      const m = /^\s*deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s+(.+)$/.exec(raw.replace(/#.*/, ''));
      if (!m?.[2] || !m[3] || !m[4]) return [];
      const signedBy = /signed-by=(\S+)/.exec(m[1] ?? '')?.[1];
      return [{ uri: m[2], suites: [m[3]], components: m[4].trim().split(/\s+/), ...(signedBy ? { signedBy } : {}) }];
    });
  return text.split(/\n\s*\n/).flatMap((stanza) => {
    const field = (name: string) =>
      new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(stanza.replace(/^#.*$/gm, ''))?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
    if (!field('Types').includes('deb') || field('Enabled').includes('no')) return [];
    const signedBy = field('Signed-By')[0];
    return field('URIs').map((uri) => ({
      uri,
      suites: field('Suites'),
      components: field('Components'),
      ...(signedBy ? { signedBy } : {}),
    }));
  });
}

/**
 * The deb-src line for bookworm's main component, from the mirror the system already uses for it
 * (no archive host is written into this repository).
 */
export function bookwormSourceLine(entries: AptEntry[]): string {
  const e = entries.find((x) => x.suites.includes('bookworm') && x.components.includes('main'));
  if (!e)
    throw new Error("no apt source for Debian bookworm's main component in /etc/apt: add one (or pass --x PATH to a libvirt source tree)");
  return `deb-src ${e.signedBy ? `[signed-by=${e.signedBy}] ` : ''}${e.uri} bookworm main`;
}

/**
 * Fetches Debian bookworm's libvirt source package with apt-get (a private sources list and state
 * under the cache, so the system's apt configuration is left alone) and keeps only the files we
 * read, as `apt-get source` would unpack them (Debian's patches applied).
 */
function fetchIntoCache(cache: string): string {
  const apt = join(cache, 'apt');
  for (const d of ['lists/partial', 'parts', 'cache/archives/partial', 'download']) mkdirSync(join(apt, d), { recursive: true });
  writeFileSync(join(apt, 'sources.list'), `${bookwormSourceLine(systemAptSources())}\n`);
  const opts = [
    '-o',
    `Dir::Etc::SourceList=${join(apt, 'sources.list')}`,
    '-o',
    `Dir::Etc::SourceParts=${join(apt, 'parts')}`,
    '-o',
    `Dir::State::Lists=${join(apt, 'lists')}`,
    '-o',
    `Dir::Cache=${join(apt, 'cache')}`,
    '-o',
    'Debug::NoLocking=1',
    '-o',
    'APT::Sandbox::User=root',
  ];
  log(`fetching the libvirt source package into ${cache} (apt-get source, Debian bookworm)`);
  run('apt-get', [...opts, '-q', 'update'], apt);
  const download = join(apt, 'download');
  rmSync(download, { recursive: true, force: true });
  mkdirSync(download);
  run('apt-get', [...opts, '-q', 'source', '--download-only', 'libvirt'], download);
  const dsc = readdirSync(download).find((f) => f.endsWith('.dsc'));
  if (!dsc) throw new Error(`apt-get source left no .dsc in ${download}`);
  ensureXz();
  const dscText = readFileSync(join(download, dsc), 'utf8');
  const version = /Version:\s*(?:\d+:)?([^-\s]+)/.exec(dscText)?.[1] ?? 'unknown';
  const tmp = mkdtempSync(join(cache, 'unpack-'));
  try {
    const files = readdirSync(download);
    const orig = files.find((f) => /\.orig\.tar\.[a-z0-9]+$/.test(f));
    const debian = files.find((f) => /\.debian\.tar\.[a-z0-9]+$/.test(f));
    if (!orig || !debian) throw new Error(`apt-get source left no .orig/.debian tarballs in ${download}`);
    // What dpkg-source -x would do, for our few files: the upstream files, unless one of Debian's
    // patches touches them (then we need dpkg-source itself to apply the series).
    run('tar', ['-xf', join(download, debian), '-C', tmp, 'debian/patches'], tmp);
    const patched = patchedInputs(join(tmp, 'debian/patches'));
    const src = join(tmp, 'src');
    if (patched.length > 0) {
      log(`Debian patches touch ${patched.join(', ')}: unpacking with dpkg-source`);
      run('dpkg-source', ['--no-check', '-x', join(download, dsc), src], tmp);
    } else {
      mkdirSync(src);
      run(
        'tar',
        ['-xf', join(download, orig), '-C', src, '--strip-components=1', '--wildcards', ...Object.values(INPUTS).map((f) => `*/${f}`)],
        tmp,
      );
    }
    const dest = join(cache, `libvirt-${version}`);
    rmSync(dest, { recursive: true, force: true });
    for (const f of Object.values(INPUTS)) {
      mkdirSync(dirname(join(dest, f)), { recursive: true });
      copyFileSync(join(src, f), join(dest, f));
    }
    return dest;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(download, { recursive: true, force: true });
  }
}

const has = (cmd: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Source packages are .tar.xz: tar needs xz. As root on Debian we install it (like npm test does its browser). */
function ensureXz(): void {
  if (has('xz')) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) throw new Error("unpacking libvirt's .tar.xz needs xz: install xz-utils");
  log('installing xz-utils (needed to unpack the source package)');
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'xz-utils'], '/');
}

/** Our inputs that a patch of Debian's series changes. */
function patchedInputs(patches: string): string[] {
  const series = join(patches, 'series');
  if (!existsSync(series)) return [];
  const touched = new Set<string>();
  for (const line of readFileSync(series, 'utf8').split('\n')) {
    const name = line.replace(/#.*/, '').trim().split(/\s+/)[0];
    if (!name) continue;
    const text = readFileSync(join(patches, name), 'utf8');
    for (const f of Object.values(INPUTS)) if (text.includes(`+++ b/${f}`) || text.includes(`/${f}\t`)) touched.add(f);
  }
  return [...touched];
}

function sourceTree(xPath: string | null): string {
  if (xPath) {
    const p = resolve(xPath);
    const root = statSync(p).isDirectory() ? p : resolve(dirname(p), '../..');
    if (!existsSync(join(root, INPUTS.remote))) throw new Error(`${INPUTS.remote} not found under ${root}`);
    return root;
  }
  const cache = cacheDir();
  return cachedTree(cache) ?? fetchIntoCache(cache);
}

/** C constants from the headers, to check EXTERNAL_CONSTANTS against. */
function headerConstants(root: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of [INPUTS.hostH, INPUTS.commonH]) {
    const p = join(root, f);
    if (!existsSync(p)) continue;
    const src = readFileSync(p, 'utf8');
    for (const m of src.matchAll(/#\s*define\s+(VIR_\w+_BUFLEN)\s+\(\s*(\d+)\s*(?:\+\s*(\d+)\s*)?\)/g)) {
      out[m[1] as string] = Number(m[2]) + Number(m[3] ?? 0);
    }
    for (const m of src.matchAll(/^\s*(VIR_TYPED_PARAM_[A-Z]+)\s*=\s*(\d+)\s*,/gm)) out[m[1] as string] = Number(m[2]);
  }
  return out;
}

function libvirtVersion(root: string): string {
  const meson = join(root, INPUTS.meson);
  if (!existsSync(meson)) return 'unknown';
  return /version:\s*'([^']+)'/.exec(readFileSync(meson, 'utf8'))?.[1] ?? 'unknown';
}

export interface Output {
  path: string;
  text: string;
}

/** The generated files for the libvirt tree at `root`. */
export function generate(root: string): Output[] {
  const fromHeaders = headerConstants(root);
  for (const [k, v] of Object.entries(EXTERNAL_CONSTANTS)) {
    if (fromHeaders[k] !== undefined && fromHeaders[k] !== v)
      throw new Error(`${k} is ${fromHeaders[k]} in libvirt's headers, ${v} in generate.ts`);
  }
  const read = (f: string): Definition[] => parse(readFileSync(join(root, f), 'utf8'), f);
  const version = libvirtVersion(root);
  const header = (files: string[]): string[] => [
    'GENERATED FILE, DO NOT EDIT. Made by electron/libvirt/gen/generate.ts (npm run gen:protocol)',
    `from libvirt ${version}: ${files.join(', ')}.`,
    '`npm run gen:protocol -- --check` (run by CI) fails when this file and the generator disagree.',
  ];
  const base = {
    externalConstants: EXTERNAL_CONSTANTS,
    xdrModule: '../xdr',
    runtimeModule: './runtime',
  } satisfies Partial<EmitInput>;
  const remoteDefs = read(INPUTS.remote);
  const net: EmitInput = {
    ...base,
    header: header([INPUTS.net, INPUTS.keepalive]),
    defs: [...read(INPUTS.net), ...read(INPUTS.keepalive)],
    imported: [],
    overrides: { virNetMessageUUID: uuidText() },
    procedures: [
      {
        enumName: 'keepalive_procedure',
        prefix: 'KEEPALIVE_PROC_',
        structPrefix: 'keepalive_',
        table: 'keepaliveProcedures',
        numbers: 'KeepaliveProc',
      },
    ],
  };
  const remote: EmitInput = {
    ...base,
    header: header([INPUTS.remote]),
    defs: remoteDefs,
    imported: [],
    overrides: { remote_uuid: uuidText() },
    procedures: [
      { enumName: 'remote_procedure', prefix: 'REMOTE_PROC_', structPrefix: 'remote_', table: 'remoteProcedures', numbers: 'RemoteProc' },
    ],
  };
  const qemu: EmitInput = {
    ...base,
    header: header([INPUTS.qemu]),
    defs: read(INPUTS.qemu),
    imported: [{ module: './remote_protocol.gen', defs: remoteDefs }],
    overrides: { remote_uuid: uuidText() },
    procedures: [{ enumName: 'qemu_procedure', prefix: 'QEMU_PROC_', structPrefix: 'qemu_', table: 'qemuProcedures', numbers: 'QemuProc' }],
  };
  return [
    { path: join(HERE, 'virnetprotocol.gen.ts'), text: emit(net) },
    { path: join(HERE, 'remote_protocol.gen.ts'), text: emit(remote) },
    { path: join(HERE, 'qemu_protocol.gen.ts'), text: emit(qemu) },
  ];
}

function main(argv: string[]): number {
  let xPath: string | null = null;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--x') xPath = argv[++i] ?? null;
    else if (a?.startsWith('--x=')) xPath = a.slice(4);
    else {
      log(`unknown argument ${JSON.stringify(a)}; usage: npm run gen:protocol [-- --x PATH] [--check]`);
      return 2;
    }
  }
  const root = sourceTree(xPath);
  const outputs = generate(root);
  let stale = 0;
  for (const o of outputs) {
    const rel = relative(REPO, o.path);
    const old = existsSync(o.path) ? readFileSync(o.path, 'utf8') : null;
    if (old === o.text) continue;
    if (check) {
      stale++;
      const a = (old ?? '').split('\n');
      const b = o.text.split('\n');
      let line = 0;
      while (line < a.length && a[line] === b[line]) line++;
      log(`${rel} is out of date (first difference at line ${line + 1}): run npm run gen:protocol and commit the result`);
    } else {
      writeFileSync(o.path, o.text);
      log(`wrote ${rel}`);
    }
  }
  if (check && stale === 0) log(`up to date with ${root}`);
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    log((err as Error).message);
    process.exitCode = 1;
  }
}
