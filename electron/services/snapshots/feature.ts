/**
 * Binds this feature's part of the contract (shared/api/snapshots.ts) to its service: facts →
 * checks/plan → execute for each request, and 'snapshot.changed' after our own changes and on the
 * domain's lifecycle events (a revert, a snapshot made by virsh, a start or stop: the offers move).
 */
import type { HostId } from '../../../shared/api/common';
import type { Job } from '../../../shared/api/jobs';
import type { SnapshotList, snapshotRequests } from '../../../shared/api/snapshots';
import { AppError } from '../../../shared/errors';
import { isAppError } from '../../libvirt/errors';
import { type Feature, relayOfClient, type ServiceDeps } from '../deps';
import { BlockJobEvents } from './blockjobs';
import { chainFactsOf, descendantsLeafFirst, memoryFileHolders } from './chain';
import { checkCreate, formatVersion, kindOf, LIBVIRT, memoryFileFor, saveCurrentWithMemory, snapshotList } from './checks';
import { createSnapshot, deleteByBlockJobs, deleteByLibvirt, removeFiles, revertByLibvirt, revertExternalByVireo } from './execute';
import { findRunningMerges, probeFile, readSnapshotFacts, type SnapshotFacts } from './facts';
import { MemoryUsersCache } from './memory-users';
import { codeOf, runMergeSteps } from './merge-steps';
import { type Removal, removalPhase } from './outcome';
import { planDeleteByBlockJobs, planDeleteWithChildren } from './plan';
import { planRevertExternal } from './revert-plan';
import { saveThenRevert } from './revert-save';

/** A delete's last phase names the files that stay; one libvirt would not delete fails the job (the snapshot itself is gone). */
function endWith(ctx: { update(u: { phase: string }): void }, stays: Removal): void {
  const phase = removalPhase(stays);
  if (phase) ctx.update({ phase: `done; ${phase}` });
  if (stays.failed.length)
    throw new AppError('libvirt', `The snapshot was deleted, but libvirt did not delete ${stays.failed.map((x) => x.file).join(', ')}`, {
      hint: `${phase}. Nothing uses them any more: remove them through their storage pool once the cause is fixed.`,
    });
}

/**
 * A libvirt delete of `steps[i]` failed or did not report back: its error (libvirt's or the link's
 * message, its own hint) also says the snapshots deleted already (and the files they left), that
 * its memory state file stays, and the snapshots not started.
 */
export function deleteStepFailed(err: unknown, o: { steps: readonly string[]; i: number; memoryFile?: string; stays: Removal }): unknown {
  if (o.steps.length === 1 && !o.memoryFile) return err;
  const own = isAppError(err) ? (err.hint ?? '') : '';
  const done = o.steps.slice(0, o.i);
  const later = o.steps.slice(o.i + 1);
  const left = removalPhase(o.stays);
  const q = (xs: readonly string[]) => xs.map((n) => `“${n}”`).join(', ');
  return new AppError(codeOf(err), err instanceof Error ? err.message : String(err), {
    cause: err,
    hint: [
      done.length ? `Deleted already: ${q(done)}${left ? ` (${left})` : ''}.` : '',
      own,
      o.memoryFile
        ? `The memory state file of “${o.steps[o.i]}”, ${o.memoryFile}, stays: Vireo removes it only once “${o.steps[o.i]}” is known deleted (then remove it through its storage pool).`
        : '',
      later.length ? `Not started: ${q(later)}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  });
}

/** The facts with the memory state file a create would write, as the pools see it (checkCreate refuses a file already there). */
async function withMemoryTarget(rpc: Parameters<typeof probeFile>[0], f: SnapshotFacts, name: string): Promise<SnapshotFacts> {
  const file = memoryFileFor(f, name);
  const found = await probeFile(rpc, file);
  return found ? { ...f, files: { ...f.files, [file]: found } } : f;
}

const stepPhase = (steps: readonly string[], i: number, phase: string): string =>
  steps.length > 1 ? `${steps[i]} (${i + 1}/${steps.length}): ${phase}` : phase;

export type SnapshotsFeature = Feature<keyof typeof snapshotRequests>;

export function createSnapshotsFeature(deps: ServiceDeps): SnapshotsFeature {
  // The memory files other VMs' snapshots name, for the list (refetched on every event of the VM):
  // cached per host, kept by the domain service's events (the connection's relay); fresh elsewhere.
  const memoryUsers = new MemoryUsersCache(deps.domains ?? null);
  const changed = (hostId: HostId, uuid: string) => {
    memoryUsers.touch(hostId, uuid); // our own write, or an event of the VM: its snapshots are read again
    deps.events.emit('snapshot.changed', { hostId, uuid });
  };
  // The domain service already follows libvirt's lifecycle events (libvirt takes one registration
  // per event per connection): a revert, a snapshot made elsewhere, a start or stop all come as
  // domain.changed, and each may change the tree or the offers.
  const offDomain = deps.events.on('domain.changed', (e) => changed(e.hostId, e.uuid));
  // Through the connection's relay: one BLOCK_JOB_2 registration per connection, shared with the settings' disk moves.
  const blockEvents = new BlockJobEvents((rpc) => relayOfClient(deps, rpc));

  /** VMs whose merge a job of ours follows now (hostId/uuid): a merge found on the host is not followed twice. */
  const following = new Set<string>();

  /**
   * Vireo's delete (block-job merges, discards) of `steps` in order, as a Job; each step planned
   * on the host's facts at its start. `resume`: disks whose block job already runs (found after a
   * restart) are followed, not started again.
   */
  const startMerge = (a: {
    hostId: HostId;
    uuid: string;
    vm: string;
    title: string;
    steps: string[];
    bandwidthMiBps?: number;
    resume?: ReadonlySet<string>;
  }): Job => {
    const key = `${a.hostId}/${a.uuid}`;
    following.add(key);
    const { job } = deps.jobs.start(
      { kind: 'snapshot', hostId: a.hostId, domain: a.vm, title: a.title, cancellable: true },
      async (ctx) => {
        try {
          const stays = await runMergeSteps({
            vm: a.vm,
            steps: a.steps,
            ...(a.resume ? { resume: a.resume } : {}),
            rpc: await deps.hosts.ready(a.hostId, 60_000),
            // Fresh each step: other VMs' live and next-boot disks (a revert overlay goes only once nothing names it).
            read: (rpc) => readSnapshotFacts(rpc, a.uuid),
            step: (rpc, dom, facts, i) =>
              deleteByBlockJobs(
                rpc,
                dom,
                facts,
                planDeleteByBlockJobs(chainFactsOf(facts), a.steps[i] as string),
                (p) =>
                  ctx.update({
                    phase: stepPhase(a.steps, i, p.phase),
                    ...(p.progress !== undefined ? { progress: (i + p.progress) / a.steps.length } : {}),
                    detail: {
                      figures: {
                        ...(p.bytes !== undefined ? { bytes: p.bytes } : {}),
                        ...(p.totalBytes !== undefined ? { totalBytes: p.totalBytes } : {}),
                        ...(p.disk !== undefined ? { disk: p.disk, disks: p.disks ?? 1 } : {}),
                      },
                    },
                  }),
                {
                  signal: ctx.signal,
                  reconnect: () => deps.hosts.ready(a.hostId, 300_000),
                  ...(a.bandwidthMiBps ? { bandwidthMiBps: a.bandwidthMiBps } : {}),
                  events: blockEvents,
                  ...(i === 0 && a.resume ? { resume: a.resume } : {}),
                  next: a.steps.slice(i + 1),
                },
              ),
          });
          endWith(ctx, stays);
        } finally {
          following.delete(key);
          changed(a.hostId, a.uuid);
        }
      },
    );
    return job;
  };

  /** After the app (re)started: merges of ours still running on a host's VMs (the mark + a block job) become Jobs again. */
  const resumeMerges = async (hostId: HostId): Promise<void> => {
    const rpc = deps.hosts.connection(hostId).rpc;
    for (const found of await findRunningMerges(rpc)) {
      if (following.has(`${hostId}/${found.dom.uuid}`)) continue;
      startMerge({
        hostId,
        uuid: found.dom.uuid,
        vm: found.dom.name,
        title: `Delete snapshot “${found.snapshot}”${found.next.length ? ` and then ${found.next.map((n) => `“${n}”`).join(', ')}` : ''} of ${found.dom.name} (its merge found running on the host)`,
        steps: [found.snapshot, ...found.next],
        resume: new Set(found.targets),
      });
    }
  };
  const onConnected = (hostId: HostId) => {
    resumeMerges(hostId).catch((err) => console.warn(`snapshots: looking for running merges on ${deps.hosts.name(hostId)}:`, err));
  };
  deps.hosts.on('connected', onConnected);
  for (const id of deps.hosts.connectedIds()) onConnected(id);

  const list = async (hostId: HostId, uuid: string): Promise<SnapshotList> => {
    const rpc = deps.hosts.connection(hostId).rpc;
    // Partial: another VM that cannot be read is named in the list (otherVmsUnread), not an error for the whole tab.
    const read = await readSnapshotFacts(rpc, uuid, { partial: true, memoryUsers: (r, except) => memoryUsers.read(r, hostId, except) });
    return snapshotList(read.facts);
  };

  return {
    handlers: {
      'snapshots.list': ({ hostId, uuid }) => list(hostId, uuid),

      'snapshots.create': async (req) => {
        const rpc = deps.hosts.connection(req.hostId).rpc;
        // Partial: a create changes no file another VM might use (an unreadable one is named in the list).
        const { dom, facts: read } = await readSnapshotFacts(rpc, req.uuid, { partial: true });
        checkCreate(read, req); // the plain refusals first (no disk, not running …)
        const facts = req.memory && req.kind === 'external' ? await withMemoryTarget(rpc, read, req.name) : read;
        checkCreate(facts, req);
        try {
          await createSnapshot(rpc, dom, facts, req, () => deps.hosts.ready(req.hostId, 60_000));
        } finally {
          changed(req.hostId, req.uuid);
        }
        return list(req.hostId, req.uuid);
      },

      'snapshots.revert': async (req) => {
        const rpc = deps.hosts.connection(req.hostId).rpc;
        // Partial: a revert removes no file another VM might use.
        const { dom, facts } = await readSnapshotFacts(rpc, req.uuid, { partial: true });
        const target = facts.snapshots.find((s) => s.model.name === req.name)?.model;
        if (!target) throw new AppError('not-found', `${facts.vm.name} has no snapshot “${req.name}”`, 'Refresh the list.');
        const revert = (client: typeof rpc, r: { dom: typeof dom; facts: SnapshotFacts }) =>
          kindOf(target) === 'internal' || r.facts.libvirtVersion >= LIBVIRT.revertExternal
            ? revertByLibvirt(client, r.dom, req.name, {
                wasCurrent: r.facts.current === req.name,
                reconnect: () => deps.hosts.ready(req.hostId, 60_000),
              })
            : revertExternalByVireo(client, r.dom, r.facts, planRevertExternal(r.facts, req.name, Date.now().toString(36)), () =>
                deps.hosts.ready(req.hostId, 60_000),
              );
        try {
          if (req.saveCurrentAs) {
            const kind = kindOf(target);
            // A running VM's memory is kept too when memory snapshots are offered (the dialog says when it is not).
            const memory = saveCurrentWithMemory(facts, kind);
            const save = { name: req.saveCurrentAs, kind, quiesce: false, memory };
            checkCreate(facts, save);
            const withTarget = memory ? await withMemoryTarget(rpc, facts, req.saveCurrentAs) : facts;
            checkCreate(withTarget, save);
            // The revert runs only once the save is known made, on the client that saw it made.
            await saveThenRevert({
              target: req.name,
              saveAs: req.saveCurrentAs,
              save: () =>
                createSnapshot(rpc, dom, withTarget, { ...save, description: `Before reverting to ${req.name}` }, () =>
                  deps.hosts.ready(req.hostId, 60_000),
                ),
              reread: (client) => readSnapshotFacts(client, req.uuid, { partial: true }),
              revert,
            });
          } else await revert(rpc, { dom, facts });
        } finally {
          changed(req.hostId, req.uuid);
        }
        return list(req.hostId, req.uuid);
      },

      'snapshots.delete': async (req) => {
        const rpc = deps.hosts.connection(req.hostId).rpc;
        // Read fresh, other VMs' next boots included: the plan discards an overlay only when none of them names it.
        const { dom, facts } = await readSnapshotFacts(rpc, req.uuid);
        const target = facts.snapshots.find((s) => s.model.name === req.name)?.model;
        if (!target) throw new AppError('not-found', `${facts.vm.name} has no snapshot “${req.name}”`, 'Refresh the list.');
        const chain = chainFactsOf(facts);
        const external = kindOf(target) === 'external';
        const subtree = req.children ? [...descendantsLeafFirst(chain, req.name), req.name] : [req.name];
        if (req.children && subtree.some((n) => chain.snapshots.find((x) => x.name === n)?.kind !== kindOf(target)))
          throw new AppError('refused', `“${req.name}” and its children are of both kinds (a mixed chain)`, 'Delete them one at a time.');
        // Reverted away from (its overlay off the chain): libvirt refuses; Vireo's plan discards the overlay.
        const listed = snapshotList(facts).snapshots;
        const revertedAway = subtree.some((n) => listed.find((x) => x.name === n)?.revertedAway);
        const byVireo = external && (req.method === 'blockjobs' || revertedAway);
        // Refusals come back at once (the dialog shows them); only a valid delete becomes a job.
        if (byVireo) {
          if (req.children) planDeleteWithChildren(chain, req.name);
          else planDeleteByBlockJobs(chain, req.name);
          return startMerge({
            hostId: req.hostId,
            uuid: req.uuid,
            vm: facts.vm.name,
            title: `Delete snapshot “${req.name}”${subtree.length > 1 ? ` and its ${subtree.length - 1} children` : ''} of ${facts.vm.name}`,
            steps: subtree,
            ...(req.bandwidthMiBps ? { bandwidthMiBps: req.bandwidthMiBps } : {}),
          });
        }
        if (external && facts.libvirtVersion < LIBVIRT.deleteExternal)
          throw new AppError(
            'refused',
            `libvirt ${formatVersion(facts.libvirtVersion)} cannot delete external snapshots`,
            'Choose the block-job merge (the VM running).',
          );
        const { job } = deps.jobs.start(
          {
            kind: 'snapshot',
            hostId: req.hostId,
            domain: facts.vm.name,
            title: `Delete snapshot “${req.name}”${subtree.length > 1 ? ` and its ${subtree.length - 1} children` : ''} of ${facts.vm.name}`,
            cancellable: false,
          },
          async (ctx) => {
            try {
              // Leaf by leaf, also for internal ones: libvirt 9.0's own CHILDREN delete crashed libvirtd
              // in the lab (a segfault in libvirt.so while deleting a tree of five internal snapshots).
              const stays: Removal = { left: [], failed: [], kept: [] };
              const removed = new Set<string>();
              // The client in use: a new one once a delete's outcome was read after a link drop.
              let client = rpc;
              for (const [i, n] of subtree.entries()) {
                const what = external ? 'libvirt merges the snapshot' : 'libvirt deletes the snapshot';
                ctx.update({ phase: stepPhase(subtree, i, what), progress: i / subtree.length });
                // libvirt 9.0 merges an external snapshot's overlays but leaves its memory state file (seen in the lab)
                const mem = facts.snapshots.find((x) => x.model.name === n)?.model;
                const file = mem?.memory === 'external' ? mem.memoryFile : undefined;
                // Never a file another snapshot (of this VM or any other on the host) names too.
                const holders = file ? memoryFileHolders(chain, file, subtree) : [];
                try {
                  // No call timeout (a merge takes minutes); unanswered, it is decided from the host's list.
                  client = await deleteByLibvirt(client, dom, n, { external, reconnect: () => deps.hosts.ready(req.hostId, 60_000) });
                } catch (err) {
                  const mine = file && !removed.has(file) && !holders.length ? file : undefined;
                  throw deleteStepFailed(err, { steps: subtree, i, ...(mine ? { memoryFile: mine } : {}), stays });
                }
                if (!file || removed.has(file)) continue;
                if (holders.length) {
                  stays.kept?.push({ file, why: `also the memory state of ${holders.join(', ')}` });
                  continue;
                }
                ctx.update({ phase: stepPhase(subtree, i, `removing the memory state ${file}`) });
                const r = await removeFiles(client, [file]);
                removed.add(file);
                stays.left.push(...r.left);
                stays.failed.push(...r.failed);
              }
              endWith(ctx, stays);
            } finally {
              changed(req.hostId, req.uuid);
            }
          },
        );
        return job;
      },
    },
    dispose: () => {
      offDomain();
      deps.hosts.off('connected', onConnected);
      blockEvents.dispose();
      memoryUsers.dispose();
    },
  };
}
