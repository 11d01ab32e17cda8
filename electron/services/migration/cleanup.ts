/**
 * What a migration may change once it has ended, decided from what each host shows — no I/O.
 *
 * Only two outcomes allow changes: "moved" (the VM runs on the destination and not on the
 * source) and "stayed" (it is on the source, and the destination has no active copy of it).
 * Anything else — a host that did not answer, the VM active on both, a post-copy that failed,
 * no destination known — is "unknown": nothing is deleted, nothing is resumed, and the admin is
 * told what each host shows and what to do. A source paused because post-copy failed is never
 * resumed: its memory is older than the guest's on the destination.
 */
import type { DomainState } from '../../../shared/api';

/** virDomainPausedReason values that matter here. */
export const PausedReason = { USER: 1, MIGRATION: 2, POSTCOPY: 12, POSTCOPY_FAILED: 13 } as const;
/** virDomainRunningReason values that matter here. */
export const RunningReason = { POSTCOPY: 10, POSTCOPY_FAILED: 11 } as const;

/** What one host shows for the migrating VM, read after the migration call ended. */
export interface HostView {
  hostName: string;
  /** 'unreadable': the host did not answer (`detail` says why). */
  state: DomainState | 'absent' | 'unreadable';
  /** libvirt's state reason (virDomain<State>Reason). */
  reason: number;
  detail?: string;
}

export interface CleanupFacts {
  name: string;
  mode: 'live' | 'offline';
  source: HostView;
  /** The destination host's view; null when no destination is known (found on a host, destination not connected). */
  dest: HostView | null;
  /** The VM was paused before the job started. */
  wasPaused: boolean;
  /** The admin paused it through the job (the suspend control). */
  steeredPause: boolean;
  /** Offline copy: the volumes this job created on the destination (pool/name). */
  created: string[];
  /**
   * Live copy: destination paths of the copied disks. libvirt creates the missing ones; what was
   * there before the job is never ours to delete. `libvirtSaw`: libvirt's volume lookup on the
   * destination before the job (the authority); `probeSaw`: the pre-flight's file test over SSH,
   * which a non-root login can get wrong (it only ever adds "was there").
   */
  liveCopies: { path: string; probeSaw: boolean; libvirtSaw: 'yes' | 'no' | 'unknown' }[];
}

export type CleanupAction =
  | { kind: 'resume'; on: 'source' | 'dest' }
  | { kind: 'delete-created'; name: string }
  | { kind: 'delete-live-copy'; path: string };

export interface CleanupPlan {
  outcome: 'moved' | 'stayed' | 'unknown';
  actions: CleanupAction[];
  /** Set when the outcome is unknown: what each host shows (message) and what to do (hint). */
  unknown?: { message: string; hint: string };
}

const present = (v: HostView | null): v is HostView => !!v && v.state !== 'absent' && v.state !== 'unreadable';
/** A QEMU process exists for it there (crashed counts: it may be kept for inspection). */
const active = (v: HostView | null): boolean => present(v) && v.state !== 'shutoff';
/** The guest runs (or is paused mid-run) there. */
const runs = (v: HostView | null): boolean => active(v) && v?.state !== 'crashed';
const postcopyFailed = (v: HostView | null): boolean =>
  !!v &&
  ((v.state === 'paused' && v.reason === PausedReason.POSTCOPY_FAILED) ||
    (v.state === 'running' && v.reason === RunningReason.POSTCOPY_FAILED));
/** Paused because memory moved on in post-copy (or failed to): its memory is not the guest's any more. */
const postcopyPaused = (v: HostView | null): boolean =>
  !!v && v.state === 'paused' && (v.reason === PausedReason.POSTCOPY || v.reason === PausedReason.POSTCOPY_FAILED);

/** "paused (post-copy failed)", "shut off", … */
export function describeState(v: HostView): string {
  if (v.state === 'shutoff') return 'shut off';
  const why =
    v.state === 'paused'
      ? {
          [PausedReason.USER]: 'by a user',
          [PausedReason.MIGRATION]: 'by the migration',
          [PausedReason.POSTCOPY]: 'post-copy: its memory moved to the other host',
          [PausedReason.POSTCOPY_FAILED]: 'post-copy failed',
        }[v.reason]
      : v.state === 'running'
        ? { [RunningReason.POSTCOPY]: 'post-copy', [RunningReason.POSTCOPY_FAILED]: 'post-copy failed' }[v.reason]
        : undefined;
  return why ? `${v.state} (${why})` : v.state;
}

function shows(name: string, v: HostView | null): string {
  if (!v) return 'the destination is not known (no other connected host has it)';
  if (v.state === 'unreadable') return `${v.hostName} could not be read${v.detail ? ` (${v.detail})` : ''}`;
  if (v.state === 'absent') return `${v.hostName} has no ${name}`;
  return `${v.hostName} shows ${name} ${describeState(v)}`;
}

function judge(f: CleanupFacts): CleanupPlan['outcome'] {
  const { source, dest } = f;
  if (source.state === 'unreadable' || !dest || dest.state === 'unreadable') return 'unknown';
  if (postcopyFailed(source) || postcopyFailed(dest) || postcopyPaused(source)) return 'unknown';
  if (f.mode === 'offline') {
    if (active(dest)) return 'unknown';
    if (present(dest)) return 'moved';
    return present(source) ? 'stayed' : 'unknown';
  }
  if (runs(dest) && !active(source)) return 'moved';
  if (!active(dest) && present(source)) return 'stayed';
  return 'unknown';
}

/** Whether to resume the VM on `v` after the job: only a pause this job caused, never a post-copy one. */
function resumable(f: CleanupFacts, v: HostView): boolean {
  if (v.state !== 'paused' || f.wasPaused || postcopyPaused(v)) return false;
  return f.steeredPause || v.reason === PausedReason.MIGRATION;
}

export function planCleanup(f: CleanupFacts): CleanupPlan {
  const outcome = judge(f);
  if (outcome === 'unknown') return { outcome, actions: [], unknown: explainUnknown(f) };
  const on = outcome === 'moved' ? 'dest' : 'source';
  const where = (on === 'dest' ? f.dest : f.source) as HostView;
  const actions: CleanupAction[] = [];
  if (active(where) && resumable(f, where)) actions.push({ kind: 'resume', on });
  if (outcome === 'stayed') {
    // judge() made sure: the destination has no definition (offline) or no active copy (live).
    for (const name of f.created) actions.push({ kind: 'delete-created', name });
    for (const c of f.liveCopies) if (c.libvirtSaw === 'no' && !c.probeSaw) actions.push({ kind: 'delete-live-copy', path: c.path });
  }
  return { outcome, actions };
}

function explainUnknown(f: CleanupFacts): { message: string; hint: string } {
  const { name, source: src, dest } = f;
  const A = src.hostName;
  const B = dest?.hostName ?? 'the destination';
  const message = `Vireo changed nothing: ${shows(name, src)}; ${shows(name, dest)}.`;
  const kept = [...f.created.map((n) => `volume ${n}`), ...f.liveCopies.map((c) => c.path)];
  const keptWords = kept.length
    ? ` The disk copies on ${B} (${kept.join(', ')}) were kept: they may be the only disks of the running copy.`
    : '';
  const extra: string[] = [];
  if (f.steeredPause) extra.push(`It was paused through this job: resume it (virsh resume ${name}) only on the host that should run it.`);
  let todo: string;
  if (src.state === 'unreadable' || dest?.state === 'unreadable') {
    const who = [src, dest]
      .filter((v): v is HostView => v?.state === 'unreadable')
      .map((v) => v.hostName)
      .join(' and ');
    todo = `Wait until ${who} is connected again, then look on both hosts (virsh list --all). If ${B} has ${name}, the copies are its disks: leave them. If only ${A} has it, remove the copies on ${B} by hand (virsh vol-delete).`;
  } else if (!dest) {
    todo = `Connect the destination host, then look on both hosts (virsh list --all) and keep ${name} running on exactly one of them.`;
  } else if (postcopyFailed(src) || postcopyFailed(dest) || postcopyPaused(src)) {
    todo = runs(dest)
      ? `The post-copy migration failed: the guest's memory is split between ${A} and ${B}. Do not resume ${name} on ${A}. Recover the migration from ${A}: virsh migrate --postcopy --postcopy-resume ${name} <${B}'s URI> (libvirt 8.5 or later); it goes on where it stopped.`
      : `The post-copy migration failed and ${B}'s part of the guest is gone: the guest's state is lost. Do not resume ${name} on ${A} (its memory is stale): run virsh destroy ${name} on ${A}, then start it again — it boots from its disks (copied disks: the copy on ${B} is newer than the disk on ${A}).`;
  } else if (active(src) && active(dest)) {
    todo = `${name} is active on both hosts. Find out which copy is the real guest (its console, its network), then stop the other one with virsh destroy ${name} on that host — never both.`;
  } else if (!present(src) && !present(dest)) {
    todo = `Neither host has ${name} any more: look for it on your other hosts (virsh list --all); its disks were not touched.`;
  } else {
    todo = `Look on both hosts (virsh list --all) and keep ${name} on exactly one of them.`;
  }
  return { message, hint: [todo, keptWords.trim(), ...extra].filter(Boolean).join(' ') };
}
