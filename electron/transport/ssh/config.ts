// ~/.ssh/config: Host blocks with the keywords Vireo uses (HostName, User, Port, IdentityFile,
// ProxyJump). First value wins, as in ssh; Match blocks are skipped.
import { readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { SshError } from './errors';

export interface SshConfigBlock {
  patterns: string[];
  options: Map<string, string[]>;
}

export interface ResolvedSshConfig {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  proxyJump?: string;
}

export function parseSshConfig(text: string): SshConfigBlock[] {
  // Lines before the first Host apply to every host.
  const blocks: SshConfigBlock[] = [{ patterns: ['*'], options: new Map() }];
  let skipping = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const args = splitConfigArgs(m[2] ?? '');
    if (key === 'host') {
      blocks.push({ patterns: args, options: new Map() });
      skipping = false;
      continue;
    }
    if (key === 'match') {
      skipping = true; // Match conditions are not evaluated: its options are ignored
      continue;
    }
    if (skipping) continue;
    const block = blocks[blocks.length - 1];
    if (!block) continue;
    const list = block.options.get(key) ?? [];
    list.push(args.join(' '));
    block.options.set(key, list);
  }
  return blocks;
}

function splitConfigArgs(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2] ?? '');
  return out;
}

function patternMatches(patterns: string[], host: string): boolean {
  let matched = false;
  for (const pat of patterns) {
    const neg = pat.startsWith('!');
    const p = neg ? pat.slice(1) : pat;
    const re = new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    if (re.test(host)) {
      if (neg) return false;
      matched = true;
    }
  }
  return matched;
}

export function resolveSshConfig(blocks: readonly SshConfigBlock[], alias: string, localUser = safeUserName()): ResolvedSshConfig {
  const first = new Map<string, string>();
  const identityFiles: string[] = [];
  for (const b of blocks) {
    if (!patternMatches(b.patterns, alias)) continue;
    for (const [k, vals] of b.options) {
      if (k === 'identityfile') identityFiles.push(...vals);
      else if (!first.has(k) && vals[0] !== undefined) first.set(k, vals[0]);
    }
  }
  const out: ResolvedSshConfig = { identityFiles: [] };
  const hostName = first.get('hostname');
  if (hostName) out.hostName = hostName.replace(/%h/g, alias);
  const user = first.get('user');
  if (user) out.user = user;
  const port = Number(first.get('port'));
  if (Number.isInteger(port) && port > 0 && port < 65536) out.port = port;
  const pj = first.get('proxyjump');
  if (pj && pj.toLowerCase() !== 'none') out.proxyJump = pj;
  const h = out.hostName ?? alias;
  const r = out.user ?? localUser;
  out.identityFiles = identityFiles
    .filter((f) => f.toLowerCase() !== 'none')
    .map((f) =>
      f
        .replace(/^~(?=\/|$)/, homedir())
        .replace(/%d/g, homedir())
        .replace(/%u/g, localUser)
        .replace(/%r/g, r)
        .replace(/%h/g, h)
        .replace(/%%/g, '%'),
    );
  return out;
}

export async function loadSshConfig(path: string | undefined): Promise<SshConfigBlock[]> {
  try {
    return parseSshConfig(await readFile(path ?? `${homedir()}/.ssh/config`, 'utf8'));
  } catch {
    return []; // no config is the common case
  }
}

/** `[user@]host[:port]` (or `[host]:port` for IPv6). */
export function parseJumpSpec(spec: string): { user?: string; host: string; port?: number } {
  let s = spec.trim().replace(/^ssh:\/\//, '');
  let user: string | undefined;
  const at = s.lastIndexOf('@');
  if (at >= 0) {
    user = s.slice(0, at);
    s = s.slice(at + 1);
  }
  let host = s;
  let port: number | undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  const v4 = /^([^:]+):(\d+)$/.exec(s);
  if (v6) {
    host = v6[1] ?? s;
    if (v6[2]) port = Number(v6[2]);
  } else if (v4) {
    host = v4[1] ?? s;
    port = Number(v4[2]);
  }
  if (!host) throw new SshError(`bad ProxyJump host: ${spec}`);
  const out: { user?: string; host: string; port?: number } = { host };
  if (user) out.user = user;
  if (port !== undefined) out.port = port;
  return out;
}

export function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'root';
  }
}
