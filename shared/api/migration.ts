import { z } from 'zod';
import { HostId, ObjectName, Uuid } from './common';
import type { DomainState } from './domains';

// The migration wizard: destination, mode/storage/transport/options, pre-flight checks (each
// pass/warn/fail with the reason and, where one exists, a fix), then a Job (kind 'migration')
// followed live from the source's job stats and migration-iteration events. The job's detail
// (jobs.ts MigrationJobDetail) carries the live numbers (MigrationFigures below) and the rest
// (options, controls, non-convergence and its remedies ranked by guest impact, the result); the
// graph's history and the log come with jobs.get / jobs.list only, not with every job.progress.

/** The destination's libvirt URI as the source host reaches it (peer-to-peer), e.g. qemu+ssh://10.203.0.2/system. */
export const PEER_URI_RE = /^qemu\+(ssh|tcp|tls):\/\/([A-Za-z0-9._-]+@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(:\d{1,5})?\/system$/;

export const MigrationSpec = z
  .object({
    /** The VM (on its current host). */
    hostId: HostId,
    uuid: Uuid,
    destHostId: HostId,
    /** Name on the destination (default: the same). */
    newName: ObjectName.optional(),
    /** live: running/paused VM, memory streamed; offline: shut-off VM, definition (+ disks when copying). */
    mode: z.enum(['live', 'offline']),
    /** shared: the same path on both hosts; copy: disks copied (live: copy-storage-all, the destination's pool creates the volumes). */
    storage: z.enum(['shared', 'copy']),
    /** direct: the app holds both connections, QEMU streams host to host; p2p: the source host drives it (survives the app). */
    transport: z.enum(['direct', 'p2p']),
    /** p2p only: the migration stream goes through the source daemon's connection to the destination. */
    tunnelled: z.boolean().default(false),
    /** p2p: the destination's libvirt URI as the source reaches it (default qemu+ssh://<user@address>/system). */
    peerUri: z.string().max(300).regex(PEER_URI_RE, 'Use qemu+ssh://[user@]host[:port]/system').optional(),
    /** copy: the destination pool that receives the disks (default: the pool at the disks' own directory). */
    destPool: ObjectName.optional(),
    /** Keep the definition on the destination. */
    persist: z.boolean().default(true),
    /** Remove the definition from the source once the VM runs on the destination (disks are never deleted). */
    undefineSource: z.boolean().default(true),
    /** MiB/s; absent = unlimited. */
    bandwidthMiBps: z.number().int().min(1).max(1_000_000).optional(),
    /** Longest pause allowed at the switch-over, ms (applied as soon as the transfer starts). */
    maxDowntimeMs: z.number().int().min(10).max(600_000).optional(),
    /** Throttle the guest's vCPUs when it dirties memory faster than it can be sent (initial %, then +increment % per pass). */
    autoConverge: z
      .object({ initial: z.number().int().min(1).max(99), increment: z.number().int().min(1).max(99) })
      .strict()
      .optional(),
    /** Allow switching to post-copy while it runs. */
    postCopy: z.boolean().default(false),
    /** xbzrle: only changed bytes of re-sent pages; zstd: compressed multifd streams (2 connections). */
    compression: z.enum(['none', 'xbzrle', 'zstd']).default('none'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.hostId === s.destHostId)
      ctx.addIssue({ code: 'custom', path: ['destHostId'], message: 'Pick another host than the one the VM is on' });
    if (s.tunnelled && s.transport !== 'p2p')
      ctx.addIssue({ code: 'custom', path: ['tunnelled'], message: 'Tunnelled needs peer-to-peer' });
    if (s.peerUri && s.transport !== 'p2p')
      ctx.addIssue({ code: 'custom', path: ['peerUri'], message: 'Only peer-to-peer uses the source’s URI for the destination' });
    if (s.mode === 'offline' && !s.persist)
      ctx.addIssue({ code: 'custom', path: ['persist'], message: 'An offline migration moves the definition: keep it on the destination' });
    if (s.mode === 'offline' && (s.postCopy || s.autoConverge || s.compression !== 'none' || s.maxDowntimeMs !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: 'Post-copy, auto-converge, compression and downtime apply to live migrations only',
      });
    }
    if (s.destPool && s.storage !== 'copy')
      ctx.addIssue({ code: 'custom', path: ['destPool'], message: 'A destination pool is used only when copying disks' });
    if (s.tunnelled && s.postCopy)
      ctx.addIssue({ code: 'custom', path: ['postCopy'], message: 'libvirt cannot switch a tunnelled migration to post-copy' });
    if (s.tunnelled && s.compression === 'zstd')
      ctx.addIssue({
        code: 'custom',
        path: ['compression'],
        message: 'zstd uses parallel connections, which a tunnelled migration cannot',
      });
  });
export type MigrationSpec = z.output<typeof MigrationSpec>;
export type MigrationSpecInput = z.input<typeof MigrationSpec>;

export type CheckStatus = 'pass' | 'warn' | 'fail';
/** Fixes the backend applies (migrations.fix); 'choose-pool' and 'rename' are done in the wizard (pick destPool, type newName). */
export type MigrationFixId = 'disk-cache-none' | 'undefine-stale' | 'choose-pool' | 'rename';
export const MIGRATION_FIXES = ['disk-cache-none', 'undefine-stale'] as const;

export interface PreflightCheck {
  id: 'state' | 'disk-cache' | 'cpu' | 'storage' | 'network' | 'name' | 'reachable' | 'memory' | 'versions' | 'job' | 'snapshots';
  title: string;
  status: CheckStatus;
  /** The reason, in the admin's words (libvirt's or the host's own message quoted when it came from there). */
  message: string;
  /** One line per disk / NIC / … when there are several. */
  details?: string[];
  fix?: { id: MigrationFixId; label: string; detail: string };
}

export interface MigrationPlan {
  checks: PreflightCheck[];
  /** No check failed. */
  canStart: boolean;
  /** Disk bytes that will cross the network (live copy: each disk's full virtual size, qcow2 included). */
  copyBytes: number;
  /** Guest memory (what a live migration sends at least once). */
  memoryBytes: number;
  /** libvirt flags as virsh names them (--live, --p2p, --unsafe …). */
  flags: string[];
  /** The same migration as a virsh command line, for the admin to read (or run). */
  virsh: string;
  /** Where each disk goes (copy storage). */
  disks: { target: string; source: string; dest: string; pool?: string; bytes: number }[];
}

/**
 * A control while it runs; bandwidth 0 = unlimited. `throttle` (a vCPU cap) is refused while the
 * migration runs: libvirt holds the domain's job for the migration and refuses to change the cap
 * (a 30 s wait, then "cannot acquire state change lock"). `restart-autoconverge` cancels the
 * migration (the VM stays on the source) and starts it again with auto-converge from `initial` %,
 * `increment` % more per step, where QEMU throttles the guest itself.
 */
export const MigrationControl = z.discriminatedUnion('action', [
  z.object({ action: z.literal('max-downtime'), ms: z.number().int().min(10).max(600_000) }).strict(),
  z.object({ action: z.literal('bandwidth'), mibps: z.number().int().min(0).max(1_000_000) }).strict(),
  z.object({ action: z.literal('postcopy') }).strict(),
  z.object({ action: z.literal('throttle'), percent: z.number().int().min(1).max(100) }).strict(),
  z.object({ action: z.literal('suspend') }).strict(),
  z
    .object({
      action: z.literal('restart-autoconverge'),
      /** QEMU's first throttle and each further step, % (the remedy chose them from the measured rates). */
      initial: z.number().int().min(1).max(99),
      increment: z.number().int().min(1).max(99),
    })
    .strict(),
]);
export type MigrationControl = z.infer<typeof MigrationControl>;

export interface MigrationRemedy {
  control: MigrationControl;
  label: string;
  /** What the guest goes through, e.g. "one pause of about 3 s at the switch-over". */
  impact: string;
}

export interface MigrationHostState {
  hostId: HostId;
  hostName: string;
  /** 'absent': not defined there; 'unknown': the host did not answer (`detail` says why). */
  state: DomainState | 'absent' | 'unknown';
  persistent: boolean;
  name?: string;
  /** Why the state is what it is, in words: "post-copy failed", or why the host could not be read. */
  detail?: string;
}

export interface MigrationResult {
  /** moved: runs on the destination only; stayed: still (or again) on the source only. */
  outcome: 'moved' | 'stayed' | 'unknown';
  message: string;
  totalMs: number;
  /** The guest's pause at the switch-over (libvirt's measurement). */
  downtimeMs?: number;
  /** Bytes sent (memory and disks). */
  dataBytes?: number;
  source: MigrationHostState;
  dest?: MigrationHostState;
}

export interface MigrationInfo {
  jobId: string;
  source: { hostId: HostId; hostName: string; uuid: string; name: string };
  dest?: { hostId: HostId; hostName: string; name: string };
  /** Absent for a migration found running on a host (started elsewhere, or before the app restarted). */
  spec?: MigrationSpec;
  /** Found on the host (after a restart or a dropped link) rather than started here in this session. */
  reattached: boolean;
  /** null: unknown (found on the host); true when started with post-copy allowed. */
  postCopyAllowed: boolean | null;
  controls: { maxDowntimeMs?: number; bandwidthMiBps?: number; suspended: boolean; postCopy: boolean };
  /** Remaining bytes over time, for the graph: [ms since start, memory/data remaining]. */
  samples: [number, number][];
  nonConvergence?: { since: number; message: string };
  /** Best first: least impact on the guest. */
  remedies: MigrationRemedy[];
  log: { at: number; text: string }[];
  result?: MigrationResult;
  /** Restarted (with auto-converge) as this job: the panel follows it there. */
  restartedAs?: string;
  /** This job restarts one that did not converge: how its auto-converge numbers were chosen. */
  autoConvergeWhy?: string;
}

/**
 * The live numbers of a migration (absent when not known yet). From libvirt's job stats:
 * elapsedMs … throttlePct, postcopyRequests; derived: speedBps (memory + disk), dirtyBps,
 * expectedDowntimeMs (estimate: memRemaining / memBps), etaSec (-1: not at this rate), postcopy
 * and nonConverging (0/1); the controls in force: bandwidthMiBps, maxDowntimeMs; an offline disk
 * copy: copyDone / copyTotal; at the end: totalMs, downtimeMs, dataSent.
 */
export interface MigrationFigures {
  elapsedMs?: number;
  dataTotal?: number;
  dataProcessed?: number;
  dataRemaining?: number;
  memTotal?: number;
  memProcessed?: number;
  memRemaining?: number;
  memBps?: number;
  diskTotal?: number;
  diskProcessed?: number;
  diskRemaining?: number;
  diskBps?: number;
  speedBps?: number;
  dirtyPagesPerSec?: number;
  dirtyBps?: number;
  pageSize?: number;
  iteration?: number;
  expectedDowntimeMs?: number;
  etaSec?: number;
  throttlePct?: number;
  postcopyRequests?: number;
  postcopy?: number;
  nonConverging?: number;
  bandwidthMiBps?: number;
  maxDowntimeMs?: number;
  copyDone?: number;
  copyTotal?: number;
  totalMs?: number;
  downtimeMs?: number;
  dataSent?: number;
}

/** Every key of MigrationFigures (a type test keeps the two in step). */
export const MIGRATION_FIGURES = [
  'elapsedMs',
  'dataTotal',
  'dataProcessed',
  'dataRemaining',
  'memTotal',
  'memProcessed',
  'memRemaining',
  'memBps',
  'diskTotal',
  'diskProcessed',
  'diskRemaining',
  'diskBps',
  'speedBps',
  'dirtyPagesPerSec',
  'dirtyBps',
  'pageSize',
  'iteration',
  'expectedDowntimeMs',
  'etaSec',
  'throttlePct',
  'postcopyRequests',
  'postcopy',
  'nonConverging',
  'bandwidthMiBps',
  'maxDowntimeMs',
  'copyDone',
  'copyTotal',
  'totalMs',
  'downtimeMs',
  'dataSent',
] as const satisfies readonly (keyof MigrationFigures)[];
