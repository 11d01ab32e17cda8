/**
 * The shell side of pre-flight facts: one probe per host (files, bridges, a TCP route) as a
 * fixed script with positional words, its output parsed into facts, and qemu-img info.
 */
import { AppError } from '../../../shared/errors';
import type { HostIo } from '../transfer';

export interface FileFact {
  exists: boolean;
  size: number;
  /** Modification time, seconds since the epoch (as stat prints it). */
  mtime: number;
  /** stat's %F: 'regular file', 'block special file' … */
  kind: string;
  /** stat -f's %T: 'nfs', 'ext2/ext3' … */
  fs: string;
}

/** One probe of a host's file system and network (one SSH exec). */
export interface ProbeFact {
  files: Record<string, FileFact>;
  bridges: string[];
  reach?: { ok: boolean; output: string };
}

export interface QemuImgInfo {
  virtualSize: number;
  format: string;
  backing?: string;
}

// One command per host for what the checks need from its file system and network: paths
// (size, mtime, type, file system), its bridges, whether it reaches an address. Each SSH exec
// costs a round trip and a process, so one exec answers all; arguments are positional words.
const PROBE_SCRIPT = `bridges=$1; ra=$2; rp=$3; shift 3
echo @stat
for p in "$@"; do
  if [ -e "$p" ]; then
    if [ -b "$p" ]; then s=$(blockdev --getsize64 "$p" 2>/dev/null || echo 0); else s=$(stat -L -c %s -- "$p"); fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$p" "$s" "$(stat -L -c %Y -- "$p")" "$(stat -L -c %F -- "$p")" "$(stat -f -L -c %T -- "$p")"
  else printf '%s\t-\n' "$p"; fi
done
if [ "$bridges" = 1 ]; then
  echo @bridges
  for d in /sys/class/net/*/bridge; do [ -d "$d" ] && basename "$(dirname "$d")"; done
fi
if [ "$ra" != - ]; then
  if command -v nc >/dev/null 2>&1; then out=$(nc -z -w 4 "$ra" "$rp" 2>&1); rc=$?
  else out=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$ra" "$rp" 2>&1); rc=$?; fi
  echo "@reach $rc"
  printf '%s\n' "$out"
fi
true`;

/** The probe's output as facts (sections @stat, @bridges, @reach). */
export function parseProbe(stdout: string): ProbeFact {
  const files: Record<string, FileFact> = {};
  const bridges: string[] = [];
  let reach: ProbeFact['reach'];
  let section = '';
  const reachOut: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line === '@stat' || line === '@bridges') {
      section = line;
      continue;
    }
    const m = /^@reach (\d+)$/.exec(line);
    if (m) {
      section = '@reach';
      reach = { ok: m[1] === '0', output: '' };
      continue;
    }
    if (section === '@stat' && line) {
      const [p, sz, mt, kind, fs] = line.split('\t');
      if (!p) continue;
      if (sz === '-' || sz === undefined) files[p] = { exists: false, size: 0, mtime: 0, kind: '', fs: '' };
      else files[p] = { exists: true, size: Number(sz), mtime: Number(mt), kind: kind ?? '', fs: fs ?? '' };
    } else if (section === '@bridges' && /^[A-Za-z0-9_.:-]{1,15}$/.test(line)) bridges.push(line);
    else if (section === '@reach' && line) reachOut.push(line);
  }
  if (reach) reach.output = reachOut.join(' ').trim();
  return { files, bridges, ...(reach ? { reach } : {}) };
}

export async function probeHost(
  io: HostIo,
  o: { paths: readonly string[]; bridges?: boolean; reach?: { addr: string; port: number } },
): Promise<ProbeFact> {
  const r = await io.run([
    'sh',
    '-c',
    PROBE_SCRIPT,
    'sh',
    o.bridges ? '1' : '0',
    o.reach?.addr ?? '-',
    String(o.reach?.port ?? '-'),
    ...new Set(o.paths),
  ]);
  const probe = parseProbe(r.stdout);
  if (r.code !== 0 && Object.keys(probe.files).length === 0)
    throw new AppError('probe', `${io.label}: ${r.stderr.trim() || `exit ${r.code}`}`);
  return probe;
}

/** qemu-img info of a file on the host (-U: the running guest holds the image's lock; `--`: a path is never an option). */
export async function qemuImgInfo(io: HostIo, p: string): Promise<QemuImgInfo | null> {
  const r = await io.run(['qemu-img', 'info', '-U', '--output=json', '--', p]).catch(() => null);
  if (r?.code !== 0) return null;
  try {
    const j = JSON.parse(r.stdout) as { 'virtual-size'?: number; format?: string; 'backing-filename'?: string };
    return {
      virtualSize: j['virtual-size'] ?? 0,
      format: j.format ?? 'raw',
      ...(j['backing-filename'] ? { backing: j['backing-filename'] } : {}),
    };
  } catch {
    return null;
  }
}
