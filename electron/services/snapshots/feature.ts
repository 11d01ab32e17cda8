/**
 * Binds this feature's part of the contract (shared/api/snapshots.ts) to its service: facts →
 * checks/plan → execute for each request, and 'snapshot.changed' after our own changes and on the
 * domain's lifecycle events (a revert, a snapshot made by virsh, a start or stop: the offers move).
 */
import type { HostId } from '../../../shared/api/common';
import type { SnapshotList, snapshotRequests } from '../../../shared/api/snapshots';
import { AppError } from '../../../shared/errors';
import type { Feature, ServiceDeps } from '../deps';
import { checkCreate, formatVersion, kindOf, LIBVIRT, snapshotList } from './checks';
import { createSnapshot, deleteByBlockJobs, deleteByLibvirt, revertByLibvirt, revertExternalByVireo } from './execute';
import { readSnapshotFacts } from './facts';
import { chainFactsOf, planDeleteByBlockJobs, planRevertExternal } from './plan';

export type SnapshotsFeature = Feature<keyof typeof snapshotRequests>;

export function createSnapshotsFeature(deps: ServiceDeps): SnapshotsFeature {
  const changed = (hostId: HostId, uuid: string) => deps.events.emit('snapshot.changed', { hostId, uuid });
  // The domain service already follows libvirt's lifecycle events (libvirt takes one registration
  // per event per connection): a revert, a snapshot made elsewhere, a start or stop all come as
  // domain.changed, and each may change the tree or the offers.
  const offDomain = deps.events.on('domain.changed', (e) => changed(e.hostId, e.uuid));

  const list = async (hostId: HostId, uuid: string): Promise<SnapshotList> => {
    const rpc = deps.hosts.connection(hostId).rpc;
    return snapshotList((await readSnapshotFacts(rpc, uuid)).facts);
  };

  return {
    handlers: {
      'snapshots.list': ({ hostId, uuid }) => list(hostId, uuid),

      'snapshots.create': async (req) => {
        const rpc = deps.hosts.connection(req.hostId).rpc;
        const { dom, facts } = await readSnapshotFacts(rpc, req.uuid);
        checkCreate(facts, req);
        try {
          await createSnapshot(rpc, dom, facts, req);
        } finally {
          changed(req.hostId, req.uuid);
        }
        return list(req.hostId, req.uuid);
      },

      'snapshots.revert': async (req) => {
        const rpc = deps.hosts.connection(req.hostId).rpc;
        let { dom, facts } = await readSnapshotFacts(rpc, req.uuid);
        const target = facts.snapshots.find((s) => s.model.name === req.name)?.model;
        if (!target) throw new AppError('not-found', `${facts.vm.name} has no snapshot “${req.name}”`, 'Refresh the list.');
        try {
          if (req.saveCurrentAs) {
            const kind = kindOf(target);
            checkCreate(facts, { name: req.saveCurrentAs, kind, quiesce: false });
            await createSnapshot(rpc, dom, facts, {
              name: req.saveCurrentAs,
              description: `Before reverting to ${req.name}`,
              kind,
              quiesce: false,
            });
            ({ dom, facts } = await readSnapshotFacts(rpc, req.uuid));
          }
          if (kindOf(target) === 'internal' || facts.libvirtVersion >= LIBVIRT.revertExternal) await revertByLibvirt(rpc, dom, req.name);
          else await revertExternalByVireo(rpc, dom, facts, planRevertExternal(facts, req.name, Date.now().toString(36)));
        } finally {
          changed(req.hostId, req.uuid);
        }
        return list(req.hostId, req.uuid);
      },

      'snapshots.delete': async (req) => {
        const rpc = deps.hosts.connection(req.hostId).rpc;
        const { dom, facts } = await readSnapshotFacts(rpc, req.uuid);
        const target = facts.snapshots.find((s) => s.model.name === req.name)?.model;
        if (!target) throw new AppError('not-found', `${facts.vm.name} has no snapshot “${req.name}”`, 'Refresh the list.');
        const external = kindOf(target) === 'external';
        // Refusals come back at once (the dialog shows them); only a valid delete becomes a job.
        const plan = req.method === 'blockjobs' ? planDeleteByBlockJobs(chainFactsOf(facts), req.name) : null;
        if (!plan && external && facts.libvirtVersion < LIBVIRT.deleteExternal)
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
            title: `Delete snapshot “${req.name}” of ${facts.vm.name}`,
            cancellable: !!plan,
          },
          async (ctx) => {
            try {
              if (!plan) {
                ctx.update({ phase: external ? 'libvirt merges the snapshot' : 'libvirt deletes the snapshot' });
                await deleteByLibvirt(rpc, dom, req.name);
                return;
              }
              const { leftFiles } = await deleteByBlockJobs(
                rpc,
                dom,
                facts,
                plan,
                (p) =>
                  ctx.update({
                    phase: p.phase,
                    ...(p.progress !== undefined ? { progress: p.progress } : {}),
                    detail: {
                      figures: {
                        ...(p.bytes !== undefined ? { bytes: p.bytes } : {}),
                        ...(p.totalBytes !== undefined ? { totalBytes: p.totalBytes } : {}),
                        ...(p.disk !== undefined ? { disk: p.disk, disks: p.disks ?? 1 } : {}),
                      },
                    },
                  }),
                ctx.signal,
                () => deps.hosts.ready(req.hostId, 300_000),
                req.bandwidthMiBps,
              );
              if (leftFiles.length) ctx.update({ phase: `done; left in place (no storage pool holds them): ${leftFiles.join(', ')}` });
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
    },
  };
}
