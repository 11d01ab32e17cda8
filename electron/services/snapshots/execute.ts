/**
 * Runs the snapshot operations on a host: libvirt's own path where it exists, Vireo's plans
 * (plan.ts) where the host's libvirt refuses. Every change registers its undo (UndoStack); a
 * failure unwinds and says exactly which files are where. Over 400 lines: the create, revert and
 * delete share settledOutcome (an unanswered call decided once no job runs on the VM).
 */
import { AppError } from '../../../shared/errors';
import { describeUndo, UndoStack } from '../../core/undo';
import type { RpcClient } from '../../libvirt/client';
import {
  domainDefineXml,
  domainDestroy,
  domainGetJobStats,
  domainGetState,
  domainGetXmlDesc,
  domainRestoreFlags,
  domainSaveImageGetXmlDesc,
} from '../../libvirt/domain';
import { ErrorCode, isAppError, isLibvirtError, isLinkError, isTimeoutError, withLibvirtHint } from '../../libvirt/errors';
import { type DomainRef, DomainXmlFlags, JobOperation, JobType } from '../../libvirt/protocol';
import {
  BlockCommitFlags,
  domainBlockCommit,
  domainSetLiveMetadataElement,
  SnapshotCreateFlags,
  SnapshotDeleteFlags,
  snapshotCreateXml,
  snapshotCurrentName,
  snapshotDelete,
  snapshotListAll,
  snapshotLookupByName,
  snapshotRevert,
} from '../../libvirt/snapshot';
import { volDelete, volLookupByPath } from '../../libvirt/storage';
import { shellQuote } from '../../transport/ssh/quote';
import { domainToXml, findDisk, openDomain, setDiskSource } from '../../xml/edit';
import { parseDomain } from '../../xml/parse';
import { buildMergeMark, buildSnapshotXml, MERGE_MARK_NS, moveSnapshotDomainDisks, pointSavedDomainDisks } from '../../xml/snapshot';
import { type BlockJobEvents, followBlockJob } from './blockjobs';
import { isRunning, memoryFileFor, snapshotDisks } from './checks';
import { refreshPoolsHolding, type SnapshotFacts, STATE_NAMES } from './facts';
import { codeOf } from './merge-steps';
import {
  createNotMadeHint,
  createUnknownHint,
  deleteNotDoneHint,
  deleteUnknownHint,
  partlyMerged,
  type Removal,
  removalPhase,
  restoreUnknownHint,
  revertNotDoneHint,
  revertUnknownHint,
} from './outcome';
import type { DeletePlan } from './plan';
import type { RevertPlan } from './revert-plan';

export type Progress = (p: {
  phase: string;
  progress?: number;
  bytes?: number;
  totalBytes?: number;
  disk?: number;
  disks?: number;
}) => void;

/** How long to wait for libvirt's job on the VM to end after a create went unanswered, and how often to look. */
export interface Settle {
  everyMs: number;
  forMs: number;
}
const SETTLE: Settle = { everyMs: 2_000, forMs: 120_000 };

/**
 * Creates an internal (memory included when running) or external disk-only snapshot. Resolves only
 * when the snapshot is made (libvirt answered, or — its call unanswered — the host shows it once no
 * job runs on the VM), with the client the outcome was read on (a new one after a link drop).
 */
export async function createSnapshot(
  rpc: RpcClient,
  dom: DomainRef,
  f: SnapshotFacts,
  req: {
    name: string;
    description: string;
    kind: 'internal' | 'external';
    quiesce: boolean;
    memory?: boolean;
    exclude?: readonly string[];
  },
  /** The host's client again after a link drop (to look whether libvirt made the snapshot anyway). */
  reconnect?: () => Promise<RpcClient>,
  settle: Settle = SETTLE,
): Promise<RpcClient> {
  const covered = new Set(snapshotDisks(f).flatMap((d) => (d.target && !req.exclude?.includes(d.target) ? [d.target] : [])));
  const memory = req.kind === 'external' && !!req.memory;
  const xml = buildSnapshotXml({
    name: req.name,
    description: req.description,
    kind: req.kind,
    ...(memory ? { memoryFile: memoryFileFor(f, req.name) } : {}),
    disks: f.domain.disks
      .filter((d) => d.target && d.device !== 'cdrom' && d.device !== 'floppy')
      .map((d) => ({ target: d.target as string, snapshot: covered.has(d.target as string) ? req.kind : 'no' })),
  });
  let flags = 0;
  // With memory: libvirt pauses the guest, saves its memory to the file, makes the overlays and resumes it.
  if (req.kind === 'external') flags |= (memory ? 0 : SnapshotCreateFlags.DISK_ONLY) | SnapshotCreateFlags.ATOMIC;
  if (req.quiesce) flags |= SnapshotCreateFlags.QUIESCE;
  // Saving a running guest's RAM (external: to the memory file; internal: QEMU's savevm into the
  // qcow2) takes minutes for a large guest: no call timeout then.
  const savesRam = memory || (req.kind === 'internal' && isRunning(f));
  try {
    await snapshotCreateXml(rpc, dom, { xml, flags, ...(savesRam ? { timeoutMs: 0 } : {}) });
    return rpc;
  } catch (err) {
    if (!isTimeoutError(err) && !isLinkError(err)) throw withLibvirtHint(err, 'No snapshot was made; the VM is as it was.');
    // The request may have reached libvirt, which makes the snapshot whether or not Vireo is still
    // there. libvirt lists a snapshot BEFORE it makes it and takes it out again if that fails (seen
    // in the lab: listed, "Current: no", while QEMU's savevm ran), so the list tells only once no
    // job runs on the VM. Undo nothing either way.
    const client = await (reconnect ? reconnect() : Promise.resolve(rpc)).catch(() => null);
    const seen: Seen<boolean> = client
      ? await settledOutcome<boolean>(client, dom, settle, {
          idle: async () => {
            const listed = (await snapshotListAll(client, dom)).some((x) => x.name === req.name);
            // Not listed: a create that only now got the VM's job would list it; look once more.
            return { value: listed, sure: listed };
          },
          // libvirt makes a new snapshot current only once it is made (qemuSnapshotCreate: after the
          // disks, with the VM locked until its metadata is written; on failure it is removed).
          stopped: async () => {
            const [refs, current] = await Promise.all([snapshotListAll(client, dom), snapshotCurrentName(client, dom)]);
            if (current === req.name) return { value: true };
            return {
              busy: `it is not running, so libvirt shows no job; “${req.name}” is ${refs.some((x) => x.name === req.name) ? 'listed but not current yet' : 'not listed'}`,
            };
          },
        })
      : { unread: 'the host could not be reached again' };
    if ('value' in seen && seen.value && client) return client;
    const file = memory ? memoryFileFor(f, req.name) : undefined;
    if ('value' in seen)
      throw new AppError('libvirt', `The snapshot “${req.name}” was not made: ${(err as Error).message}`, {
        cause: err,
        hint: createNotMadeHint(dom.name, req.name),
      });
    throw new AppError('outcome-unknown', `The snapshot “${req.name}” did not report back: ${(err as Error).message}`, {
      cause: err,
      hint: createUnknownHint(
        dom.name,
        req.name,
        'busy' in seen ? { busy: seen.busy, stopped: !!seen.stopped } : { unread: seen.unread },
        file,
      ),
    });
  }
}

/** What the host shows of an unanswered call: decided (no job on the VM), still busy, or unreadable. */
type Seen<T> = { value: T } | { busy: string; stopped?: boolean } | { unread: string };

/** How an unanswered call's outcome is read from the host. */
interface Look<T> {
  /** No job runs on the VM: what the host shows; not `sure` when a job that starts only now could still change it (the job is then read once more). */
  idle(): Promise<{ value: T; sure: boolean }>;
  /** The VM is not running (libvirt shows no job): the outcome once the host shows it, or what it shows meanwhile. */
  stopped(): Promise<{ value: T } | { busy: string }>;
}

/** libvirt's virDomainJobOperation, for the words. */
/** A job's operation in words, from libvirt's virDomainJobOperation names ('snapshot revert', 'migration out'). */
const operationName = (op: number): string =>
  Object.entries(JobOperation)
    .find(([, v]) => v === op)?.[0]
    .toLowerCase()
    .replace(/_/g, ' ') ?? `operation ${op}`;

/**
 * Waits (within `s.forMs`) until no job runs on the VM, then reads the outcome (`look.idle`: for a
 * create, listed = made; libvirt lists a snapshot before it makes it, so only then). A job, or a job
 * query libvirt keeps waiting (an internal snapshot's savevm or a revert's loadvm allows none:
 * libvirt answers "cannot acquire state change lock" after 30 s, seen in the lab) is "busy": not
 * decided. A VM that is not running has no job to ask about: `look.stopped` decides.
 */
async function settledOutcome<T>(rpc: RpcClient, dom: DomainRef, s: Settle, look: Look<T>): Promise<Seen<T>> {
  const until = Date.now() + s.forMs;
  /** The VM's job, or null when none runs; a string says why it is busy. */
  const job = async (): Promise<string | null> => {
    const j = await domainGetJobStats(rpc, dom, { timeoutMs: 40_000 });
    if (j.type === JobType.NONE) return null;
    const op = j.stats.operation;
    return `a job runs on it${typeof op === 'number' ? ` (${operationName(op)})` : ''}`;
  };
  /** A job query libvirt keeps waiting is busy; any other failure: unread. */
  const failed = (err: unknown): { busy: string } | { unread: string } =>
    isTimeoutError(err) || isLibvirtError(err, ErrorCode.OPERATION_TIMEOUT)
      ? { busy: `its job lock stays held: ${(err as Error).message}` }
      : { unread: (err as Error).message };
  for (;;) {
    let busy = '';
    let stopped = false;
    try {
      busy = (await job()) ?? '';
    } catch (err) {
      // A VM that is not running has no job to ask about (libvirt: "domain is not running", lab-seen).
      if (isLibvirtError(err, ErrorCode.OPERATION_INVALID)) stopped = true;
      else {
        const seen = failed(err);
        if (!('busy' in seen)) return seen;
        busy = seen.busy;
      }
    }
    if (stopped) {
      try {
        const r = await look.stopped();
        if ('value' in r) return r;
        busy = r.busy;
      } catch (err) {
        return { unread: (err as Error).message };
      }
      if (Date.now() + s.everyMs > until) return { busy, stopped };
    } else if (!busy) {
      let r: { value: T; sure: boolean };
      try {
        r = await look.idle();
      } catch (err) {
        return { unread: (err as Error).message };
      }
      if (r.sure) return { value: r.value };
      // A call still queued in libvirtd's workers gets the VM's job only now: one interval before looking again.
      await new Promise((res) => setTimeout(res, s.everyMs));
      try {
        busy = (await job()) ?? '';
      } catch (err) {
        const seen = failed(err);
        if (!('busy' in seen)) return seen;
        busy = seen.busy;
      }
      if (!busy) return { value: r.value };
    }
    if (Date.now() + s.everyMs > until) return { busy };
    await new Promise((r) => setTimeout(r, s.everyMs));
  }
}

/**
 * Reverts through libvirt (internal snapshots; external ones on libvirt ≥ 9.7). No call timeout:
 * loading a large guest's memory back (QEMU's loadvm) takes as long as saving it. An unanswered
 * call (the link closed) is decided once no job runs on the VM: libvirt makes the snapshot current
 * only once it reverted to it. Nothing is undone either way.
 */
export async function revertByLibvirt(
  rpc: RpcClient,
  dom: DomainRef,
  name: string,
  o: {
    /** “name” was the VM's current snapshot before the revert (then being current tells nothing). */
    wasCurrent: boolean;
    /** The host's client again after a link drop (to look whether libvirt reverted anyway). */
    reconnect?: () => Promise<RpcClient>;
    settle?: Settle;
  },
): Promise<void> {
  const snap = await snapshotLookupByName(rpc, dom, name).catch((err: unknown) => {
    throw withLibvirtHint(err, 'The revert did not happen; the VM, its snapshots and disks are as they were.');
  });
  try {
    await snapshotRevert(rpc, snap, { timeoutMs: 0 });
  } catch (err) {
    if (isTimeoutError(err) || isLinkError(err)) {
      const e = await revertOutcome(err, rpc, dom, name, o);
      if (e) throw e;
      return; // the host shows it reverted
    }
    // A failed revert may have stopped the VM (libvirt restarts QEMU for some reverts): say where it is.
    const st = await domainGetState(rpc, dom).catch(() => null);
    const now = st ? st.stateName.toLowerCase() : 'in an unknown state';
    throw withLibvirtHint(err, `The revert did not happen; the VM is ${now} now, its snapshots and disks are as they were.`);
  }
}

/** The error of an unanswered revert that the host does not show reverted (resolves when it does). */
async function revertOutcome(
  err: unknown,
  rpc: RpcClient,
  dom: DomainRef,
  name: string,
  o: { wasCurrent: boolean; reconnect?: () => Promise<RpcClient>; settle?: Settle },
): Promise<AppError | null> {
  const client = await (o.reconnect ? o.reconnect() : Promise.resolve(rpc)).catch(() => null);
  const current = async (): Promise<'reverted' | 'not' | 'unclear'> => {
    if ((await snapshotCurrentName(client as RpcClient, dom)) !== name) return 'not';
    return o.wasCurrent ? 'unclear' : 'reverted';
  };
  const seen: Seen<'reverted' | 'not' | 'unclear'> = client
    ? await settledOutcome<'reverted' | 'not' | 'unclear'>(client, dom, o.settle ?? SETTLE, {
        idle: async () => {
          const v = await current();
          return { value: v, sure: v !== 'not' };
        },
        stopped: async () => {
          const v = await current();
          return v === 'not' ? { busy: `it is not running, so libvirt shows no job; “${name}” is not current (yet)` } : { value: v };
        },
      })
    : { unread: 'the host could not be reached again' };
  const msg = (err as Error).message;
  if ('value' in seen && seen.value === 'reverted') return null;
  if ('value' in seen && seen.value === 'not') {
    const st = await domainGetState(client as RpcClient, dom).catch(() => null);
    return new AppError('libvirt', `The VM was not reverted to “${name}”: ${msg}`, {
      cause: err,
      hint: revertNotDoneHint(dom.name, name, st ? (STATE_NAMES[st.state] ?? 'nostate') : null),
    });
  }
  return new AppError('outcome-unknown', `The revert to “${name}” did not report back: ${msg}`, {
    cause: err,
    hint: revertUnknownHint(dom.name, name, 'value' in seen ? { unclear: true } : seen, o.wasCurrent),
  });
}

/**
 * Vireo's revert to an external snapshot: the VM is stopped (its current state discarded, as
 * confirmed), its disks are pointed back at the snapshot's images, fresh overlays are made on them
 * by libvirt (a disk-only snapshot without metadata, so the images stay as the snapshot saw them
 * and can be reverted to again), and the snapshot is made current again.
 */
export async function revertExternalByVireo(
  rpc: RpcClient,
  dom: DomainRef,
  f: SnapshotFacts,
  plan: RevertPlan,
  /** The host's client again after a link drop (to read where the VM is before undoing anything). */
  reconnect?: () => Promise<RpcClient>,
): Promise<void> {
  const undo = new UndoStack();
  /** The restore's outcome is unknown: nothing is undone, the error says where everything is. */
  let untouched: AppError | null = null;
  const before = await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
  try {
    if (isRunning(f)) await domainDestroy(rpc, dom);
    const doc = openDomain(before);
    for (const d of plan.disks) {
      const el = findDisk(doc, d.target);
      if (!el) throw new AppError('not-found', `The VM has no disk ${d.target}`);
      setDiskSource(el, { type: 'file', path: d.image });
    }
    await domainDefineXml(rpc, { xml: domainToXml(doc) });
    undo.push('restore the VM definition', async () => void (await domainDefineXml(rpc, { xml: before })), { critical: true });
    const overlays = buildSnapshotXml({
      name: `vireo-revert-${plan.snapshot}`,
      kind: 'external',
      disks: parseDomain(domainToXml(doc))
        .disks.filter((d) => d.target && d.device === 'disk')
        .map((d) => {
          const p = plan.disks.find((x) => x.target === d.target);
          return p
            ? { target: p.target, snapshot: 'external' as const, file: p.overlay }
            : { target: d.target as string, snapshot: 'no' as const };
        }),
    });
    await snapshotCreateXml(rpc, dom, { xml: overlays, flags: SnapshotCreateFlags.DISK_ONLY | SnapshotCreateFlags.NO_METADATA });
    undo.push(`remove the new overlays ${plan.disks.map((d) => d.overlay).join(', ')}`, () =>
      removeFilesOrThrow(
        rpc,
        plan.disks.map((d) => d.overlay),
      ),
    );
    const snap = f.snapshots.find((s) => s.model.name === plan.snapshot);
    if (!snap) throw new AppError('not-found', `There is no snapshot “${plan.snapshot}”`);
    if (plan.memoryFile) {
      // The guest's memory back from the snapshot's save image, its disks on the fresh overlays
      // (virsh restore --xml): it runs on from the snapshot's moment.
      const saved = await domainSaveImageGetXmlDesc(rpc, { file: plan.memoryFile, flags: DomainXmlFlags.SECURE });
      const moves = Object.fromEntries(plan.disks.map((d) => [d.target, d.overlay]));
      try {
        // Reading a few GiB of RAM back takes longer than a call's default 30 s: no timeout.
        await domainRestoreFlags(rpc, { from: plan.memoryFile, xml: pointSavedDomainDisks(saved, moves), timeoutMs: 0 });
      } catch (err) {
        if (!isTimeoutError(err) && !isLinkError(err)) throw err; // libvirt answered: nothing was restored
        // libvirt may be restoring the guest onto the new overlays right now, even if the VM still
        // reads shut off (QEMU not started yet): undo nothing, say where it is and what to check.
        const client = await (reconnect ? reconnect() : Promise.resolve(rpc)).catch(() => null);
        const st = client ? await domainGetState(client, dom).catch(() => null) : null;
        const state = st ? (STATE_NAMES[st.state] ?? 'nostate') : null;
        untouched = new AppError('libvirt', `The revert to “${plan.snapshot}” did not report back: ${(err as Error).message}`, {
          cause: err,
          hint: restoreUnknownHint(plan, state, dom.name),
        });
        throw untouched;
      }
      undo.push('stop the restored VM', async () => void (await domainDestroy(rpc, dom)));
    }
    await snapshotCreateXml(rpc, dom, { xml: snap.xml, flags: SnapshotCreateFlags.REDEFINE | SnapshotCreateFlags.CURRENT });
    undo.commit();
  } catch (err) {
    if (untouched) {
      undo.commit(); // touch nothing: the guest may run on the new overlays
      throw untouched;
    }
    const report = await undo.unwind();
    const left = describeUndo(report);
    throw new AppError('libvirt', `Could not revert to “${plan.snapshot}”: ${(err as Error).message}`, {
      cause: err,
      hint: left
        ? `The revert was undone except: ${left}.`
        : `The VM's definition is as before (its disks: ${f.inactive.disks.map((d) => `${d.target} → ${d.path}`).join(', ')}).`,
    });
  }
}

/**
 * Deletes through libvirt (internal ones; external ones on libvirt ≥ 9.0, which merges inside the
 * call). No call timeout: a merge of a large overlay takes minutes. An unanswered call (the link
 * closed) is decided once no job runs on the VM: gone from the list = deleted. Resolves with the
 * client the outcome was read on (a new one after a link drop).
 */
export async function deleteByLibvirt(
  rpc: RpcClient,
  dom: DomainRef,
  name: string,
  o: {
    /** An external snapshot: libvirt merges its disks inside the call, and a failure may leave some merged. */
    external?: boolean;
    reconnect?: () => Promise<RpcClient>;
    settle?: Settle;
  } = {},
): Promise<RpcClient> {
  try {
    await snapshotDelete(rpc, await snapshotLookupByName(rpc, dom, name), { timeoutMs: 0 });
    return rpc;
  } catch (err) {
    if (!isTimeoutError(err) && !isLinkError(err))
      throw withLibvirtHint(
        err,
        o.external ? `Vireo undid nothing. ${partlyMerged(dom.name, name)}` : 'The snapshot and its files are as they were.',
      );
    const client = await (o.reconnect ? o.reconnect() : Promise.resolve(rpc)).catch(() => null);
    const listed = async () => (await snapshotListAll(client as RpcClient, dom)).some((x) => x.name === name);
    const seen: Seen<boolean> = client
      ? await settledOutcome<boolean>(client, dom, o.settle ?? SETTLE, {
          // Still listed: a delete that only now got the VM's job would still list it; look once more.
          idle: async () => ((await listed()) ? { value: false, sure: false } : { value: true, sure: true }),
          stopped: async () =>
            (await listed()) ? { busy: `it is not running, so libvirt shows no job; “${name}” is still listed` } : { value: true },
        })
      : { unread: 'the host could not be reached again' };
    if ('value' in seen && seen.value && client) return client;
    const msg = (err as Error).message;
    if ('value' in seen)
      throw new AppError('libvirt', `The snapshot “${name}” was not deleted: ${msg}`, {
        cause: err,
        hint: deleteNotDoneHint(dom.name, name, o.external),
      });
    throw new AppError('outcome-unknown', `The delete of “${name}” did not report back: ${msg}`, {
      cause: err,
      hint: deleteUnknownHint(dom.name, name, seen),
    });
  }
}

/** The call only timed out or its link closed: libvirt may have done it all the same. */
const unanswered = (err: unknown): boolean => isTimeoutError(err) || isLinkError(err);

/** The chain of a disk in the running VM, top first. */
async function liveChain(rpc: RpcClient, dom: DomainRef, target: string): Promise<string[]> {
  const d = parseDomain(await domainGetXmlDesc(rpc, dom)).disks.find((x) => x.target === target);
  return d ? [d.path ?? '', ...d.backingChain.map((b) => b.path ?? '')] : [];
}

/**
 * The block-job path for deleting an external snapshot: each merge as planned (blockcommit, or
 * an active commit with a pivot for the top layer), checked in the VM's chain afterwards, then
 * the metadata (children redefined with their moved images, the snapshot's own removed with
 * METADATA_ONLY), then the merged-away files.
 */
export interface MergeOptions {
  signal?: AbortSignal;
  /** The host's client again after the link dropped (the block job goes on there). */
  reconnect?: () => Promise<RpcClient>;
  /** Limits the merge's I/O (MiB/s); 0 = no limit. */
  bandwidthMiBps?: number;
  /** BLOCK_JOB_2 events (ready, completed …); without them the job is read every 100 ms. */
  events?: BlockJobEvents | null;
  /** Disks whose block job is already running (found again after a restart): followed, not started. */
  resume?: ReadonlySet<string>;
  /** A delete with children: the snapshots still to delete after this one, kept in the mark so a restart finds them. */
  next?: readonly string[];
}

export async function deleteByBlockJobs(
  rpc0: RpcClient,
  dom: DomainRef,
  f: SnapshotFacts,
  plan: DeletePlan,
  progress: Progress,
  o: MergeOptions = {},
): Promise<{ removal: Removal; rpc: RpcClient }> {
  const { signal, reconnect, bandwidthMiBps = 0, events = null, resume, next = [] } = o;
  let rpc = rpc0;
  const done: string[] = [];
  const vm = shellQuote(dom.name);
  /**
   * A merge, or a call after one, failed (libvirt's error, a timeout, a closed link; `err` null: a
   * check of Vireo's own): the merges done stay. Says so with libvirt's message, which disks are
   * merged and which not, that nothing was removed, and where to look; once a disk is merged, “X”
   * must not be reverted to, since its disks no longer hold what it saved.
   */
  const afterMerge = (err: unknown, what: string, target: string | null, more: string[] = []): AppError => {
    const notStarted = plan.merges.slice(done.length + (target ? 1 : 0)).map((x) => `${x.target}: ${x.top} into ${x.base}`);
    const msg = err === null ? what : `${what}: ${err instanceof Error ? err.message : String(err)}`;
    return new AppError(err === null ? 'libvirt' : codeOf(err), msg, {
      cause: err,
      hint: [
        `The VM's disks are intact. Merged: ${[...done, ...(target ? [`${target} (its chain unread)`] : [])].join('; ') || 'nothing'}.`,
        notStarted.length ? `Not merged: ${notStarted.join('; ')}.` : '',
        ...more,
        `No file was removed${plan.removeFiles.length ? ` (${plan.removeFiles.join(', ')} stay)` : ''}.`,
        `Check with \`virsh snapshot-list ${vm} --tree\` and \`virsh domblklist ${vm} --details\`${done.length || target ? `: while “${plan.snapshot}” is listed, do not revert to it (its disks no longer hold what it saved)` : ''}.`,
      ]
        .filter(Boolean)
        .join(' '),
    });
  };
  for (const [i, m] of plan.merges.entries()) {
    progress({
      phase: `${m.active ? 'active commit' : 'commit'} of ${m.target}: ${m.top} into ${m.base}`,
      disk: i + 1,
      disks: plan.merges.length,
    });
    try {
      if (!resume?.has(m.target)) {
        // The mark lets Vireo find this merge again after a restart (gone with the VM, as the job is).
        await domainSetLiveMetadataElement(rpc, dom, {
          uri: MERGE_MARK_NS,
          key: 'vireo',
          xml: buildMergeMark({ snapshot: plan.snapshot, next: [...next] }),
        });
        await domainBlockCommit(rpc, dom, {
          disk: m.target,
          top: m.top,
          base: m.base,
          bandwidth: bandwidthMiBps,
          flags: m.active ? BlockCommitFlags.ACTIVE : 0,
        });
      }
      rpc = await followBlockJob(
        events,
        rpc,
        dom,
        m,
        (cur, end) =>
          progress({
            phase: `merging ${m.target}`,
            progress: (i + (end ? cur / end : 0)) / plan.merges.length,
            bytes: cur,
            totalBytes: end,
          }),
        signal,
        reconnect &&
          (() => {
            progress({ phase: `the link to the host dropped; ${m.target}'s merge goes on there; reconnecting` });
            return reconnect();
          }),
      );
    } catch (err) {
      // No merge goes on any more (cancelled or failed): the mark goes too (a cancel says so itself).
      // Unanswered (a timeout, a dropped link): the merge may still run on the host, and the mark is
      // how Vireo finds it again (findRunningMerges), so it stays.
      if (!unanswered(err)) await domainSetLiveMetadataElement(rpc, dom, { uri: MERGE_MARK_NS, key: 'vireo', xml: null }).catch(() => {});
      const canceled = isAppError(err, 'canceled');
      if (canceled && !done.length) throw err;
      const chain = await liveChain(rpc, dom, m.target).catch(() => []);
      throw afterMerge(err, canceled ? `The merge of “${plan.snapshot}” stopped at ${m.target}` : `The merge of ${m.target} failed`, null, [
        isAppError(err) && err.hint ? err.hint : '',
        unanswered(err) ? `The merge of ${m.target} may still run on the host: \`virsh blockjob ${vm} ${m.target}\` shows it.` : '',
        chain.length ? `${m.target} runs on ${chain.join(' → ')}.` : '',
      ]);
    }
    let chain: string[];
    try {
      chain = await liveChain(rpc, dom, m.target);
    } catch (err) {
      throw afterMerge(
        err,
        `libvirt ended the merge of ${m.target} (${m.top} into ${m.base}), but Vireo could not read its chain`,
        m.target,
      );
    }
    if (chain.includes(m.top))
      throw afterMerge(null, `libvirt ended the merge of ${m.target} but ${m.top} is still in its chain`, null, [
        `${m.target}'s chain is ${chain.join(' → ')}.`,
      ]);
    done.push(`${m.target}: ${m.top} into ${m.base}`);
  }
  progress({ phase: 'updating the snapshot metadata', progress: 1 });
  if (plan.merges.length) await domainSetLiveMetadataElement(rpc, dom, { uri: MERGE_MARK_NS, key: 'vireo', xml: null }).catch(() => {});
  const redefined: string[] = [];
  /** The child whose REDEFINE is under way (null: the snapshot's own METADATA_ONLY delete). */
  let at: string | null = null;
  try {
    for (const r of plan.redefine) {
      const s = f.snapshots.find((x) => x.model.name === r.name);
      if (!s) continue;
      at = r.name;
      await snapshotCreateXml(rpc, dom, { xml: moveSnapshotDomainDisks(s.xml, r.moves), flags: SnapshotCreateFlags.REDEFINE });
      redefined.push(r.name);
    }
    at = null;
    await snapshotDelete(rpc, await snapshotLookupByName(rpc, dom, plan.snapshot), { flags: SnapshotDeleteFlags.METADATA_ONLY });
  } catch (err) {
    // Only timed out or the link closed: libvirt may have applied the call all the same.
    const maybe = unanswered(err);
    const unsure = maybe && at !== null ? at : null;
    const stale = plan.redefine.map((r) => r.name).filter((n) => !redefined.includes(n) && n !== unsure);
    throw afterMerge(
      err,
      `${done.length ? `The merge of “${plan.snapshot}” is done (${done.join('; ')})` : `“${plan.snapshot}” needed no merge`}; its snapshot metadata ${maybe ? 'may not have been updated' : 'was not updated'}`,
      null,
      [
        redefined.length ? `Redefined with their moved images: ${redefined.map((n) => `“${n}”`).join(', ')}.` : '',
        unsure ? `“${unsure}” may not have been redefined (its call went unanswered and may have gone through).` : '',
        stale.length ? `Not redefined (their metadata still names the merged-away images): ${stale.map((n) => `“${n}”`).join(', ')}.` : '',
      ],
    );
  }
  progress({
    phase: plan.discards.length
      ? `removing what the revert discarded: ${[...plan.discards.map((d) => d.overlay), ...(plan.revertOverlays ?? [])].join(', ')}`
      : 'removing the merged files',
    progress: 1,
  });
  const removal = await removeFiles(rpc, plan.removeFiles);
  return { removal: { ...removal, ...(plan.keptFiles?.length ? { kept: plan.keptFiles } : {}) }, rpc };
}

/**
 * Deletes files through their storage pool. `left`: no pool holds them (libvirt's "no storage
 * vol"), left in place; `failed`: any other error, with libvirt's message (the file stays too).
 */
export async function removeFiles(rpc: RpcClient, files: readonly string[]): Promise<Removal> {
  const r: Removal = { left: [], failed: [] };
  // A refresh only helps the lookups below; a file no pool finds is kept and named either way.
  await refreshPoolsHolding(rpc, files);
  for (const file of files) {
    try {
      await volDelete(rpc, await volLookupByPath(rpc, file));
    } catch (err) {
      if (isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) r.left.push(file);
      else r.failed.push({ file, message: (err as Error).message });
    }
  }
  return r;
}

/** removeFiles, for an undo step: a file that could not be deleted fails the step (named with libvirt's message). */
export async function removeFilesOrThrow(rpc: RpcClient, files: readonly string[]): Promise<void> {
  const r = await removeFiles(rpc, files);
  const why = removalPhase(r);
  if (why) throw new AppError('libvirt', why);
}
