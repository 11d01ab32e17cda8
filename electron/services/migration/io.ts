/**
 * The executor's io on real hosts (execute.ts ExecIo): libvirt calls through the host manager.
 * The migration call itself lives here with what only the service can do while it runs: follow
 * the source's job stats, stop a direct transfer at once when the destination's link drops, and
 * follow a peer-to-peer migration again after the app lost the source's link.
 */
import type { HostId } from '../../../shared/api';
import {
  domainAbortJob,
  domainDefineXml,
  domainGetJobStats,
  domainGetState,
  domainGetXmlDesc,
  domainListAll,
  domainLookupByUuid,
  domainResume,
  domainUndefine,
} from '../../libvirt/domain';
import { ConnectionClosedError, ErrorCode, isLinkError } from '../../libvirt/errors';
import { MigrationError, type MigrationStep, migrateDirect, migratePeerToPeer } from '../../libvirt/migration';
import { DomainXmlFlags, JobStatsFlags, JobType, ListDomainsFlags, UndefineFlags } from '../../libvirt/protocol';
import { poolLookupByName, poolRefresh, volCreateXml, volDownload, volLookupByPath, volUpload } from '../../libvirt/storage';
import { stateOf } from '../domains';
import type { HostManager } from '../hosts';
import { deleteCreatedVolume, hostIo, pipeBytes } from '../transfer';
import type { ExecIo, HostRead, Placed, VolumesBefore } from './execute';
import { libvirtCode } from './explain';
import type { Figures } from './progress';
import { Follower, note, type Run, setPhase, sleep } from './run';

const STEP_PHASE: Record<MigrationStep, (a: string, b: string, cancelled: boolean) => string> = {
  begin: (a) => `starting on ${a}`,
  prepare: (_a, b) => `preparing ${b}`,
  perform: () => 'transferring memory',
  // After a failed transfer, Finish removes the incoming copy on B instead of starting it.
  finish: (_a, b, cancelled) => (cancelled ? `removing the incoming copy on ${b}` : `starting the guest on ${b}`),
  confirm: (a) => `confirming on ${a}`,
};

export interface IoDeps {
  hosts: HostManager;
  hostName(id: HostId): string;
  /** Finish and Confirm cannot be cancelled: the guest may already run on the destination. */
  setCancellable(on: boolean): void;
}

export function hostExecIo(run: Run, d: IoDeps): ExecIo {
  const { hosts, hostName } = d;
  const { id } = run;
  const destId = (): HostId => id.destHostId as HostId;
  const follow = new Follower(run, hostName);

  /** What one host shows for the VM; a host that does not answer says so (never throws). */
  const view = async (hostId: HostId): Promise<HostRead> => {
    const name = hostName(hostId);
    try {
      const rpc = await hosts.ready(hostId, 30_000);
      const dom = await domainLookupByUuid(rpc, id.uuid);
      const [st, persistent] = await Promise.all([domainGetState(rpc, dom), domainListAll(rpc, { flags: ListDomainsFlags.PERSISTENT })]);
      return {
        hostId,
        hostName: name,
        state: stateOf(st.state),
        reason: st.reason,
        persistent: persistent.some((x) => x.uuid === id.uuid),
        name: dom.name,
      };
    } catch (err) {
      if (libvirtCode(err) === ErrorCode.NO_DOMAIN) return { hostId, hostName: name, state: 'absent', reason: 0, persistent: false };
      return { hostId, hostName: name, state: 'unreadable', reason: 0, persistent: false, detail: (err as Error).message };
    }
  };

  const migrateLive = async (step: Parameters<ExecIo['migrate']>[0]): Promise<void> => {
    const A = hostName(id.srcHostId);
    const B = id.destHostId ? hostName(id.destHostId) : 'the destination';
    const live = step.follow;
    if (step.found) {
      await follow.untilDone();
      return;
    }
    setPhase(run, live ? `starting on ${A}` : `moving the definition to ${B}`);
    const poller = live ? follow.pollWhile() : null;
    const srcRpc = id.srcConn.rpc;
    try {
      if (step.transport === 'p2p') {
        setPhase(run, live ? `${A} migrates to ${B}` : `${A} moves the definition to ${B}`);
        try {
          await migratePeerToPeer(srcRpc, id.dom, { dconnuri: step.peerUri as string, params: step.params, flags: step.flags });
        } catch (err) {
          if (!isLinkError(err) || !live) throw err;
          // The source host goes on without us: follow it once the link is back.
          await poller?.stop();
          note(run, `Lost the link to ${A} (${(err as Error).message}); the migration goes on on ${A}`);
          setPhase(run, `link to ${A} lost: the migration goes on there`);
          await follow.untilDone();
        }
        return;
      }
      // Without the link to B the transfer can never be finished: stop it on A at once (the
      // guest goes on there) rather than let it run to the end for nothing.
      const dstRpc = hosts.connection(destId()).rpc;
      let current: MigrationStep = 'begin';
      let dropped: Error | undefined;
      const onDrop = (why?: Error) => {
        dropped = new ConnectionClosedError(B, why);
        if (current !== 'perform') return;
        note(run, `Lost the link to ${B} during the transfer (${dropped.message}): stopping it on ${A}, where ${id.name} goes on`);
        domainAbortJob(srcRpc, id.dom).catch((e: Error) => note(run, `Could not stop the transfer on ${A}: ${e.message}`));
      };
      dstRpc.once('close', onDrop);
      try {
        await migrateDirect({
          src: srcRpc,
          dst: dstRpc,
          dom: id.dom,
          flags: step.flags,
          params: step.params,
          onStep: (s, cancelled) => {
            current = s;
            if (s === 'finish' || s === 'confirm') d.setCancellable(false);
            setPhase(run, STEP_PHASE[s](A, B, cancelled));
          },
        });
      } catch (err) {
        // The abort above is ours, not the user's: report the dropped link as the cause.
        if (dropped && err instanceof MigrationError && !isLinkError(err.cause) && !run.live.ctx?.signal.aborted)
          throw new MigrationError(err.step, dropped, err.guestOn);
        throw err;
      } finally {
        dstRpc.off('close', onDrop);
      }
    } finally {
      await poller?.stop();
    }
  };

  return {
    async volumesBefore(targets) {
      const rpc = hosts.connection(destId()).rpc;
      const out: VolumesBefore = new Map();
      for (const t of targets) {
        // A file put there behind libvirt's back shows up once its pool is refreshed.
        let refreshed = false;
        if (t.pool) {
          try {
            await poolRefresh(rpc, await poolLookupByName(rpc, t.pool));
            refreshed = true;
          } catch {
            // not refreshed: a "no" below is not trusted
          }
        }
        try {
          await volLookupByPath(rpc, t.path);
          out.set(t.path, 'yes');
        } catch (err) {
          out.set(t.path, refreshed && libvirtCode(err) === ErrorCode.NO_STORAGE_VOL ? 'no' : 'unknown');
        }
      }
      return out;
    },

    async openCopy() {
      const src = hostIo(hosts, id.srcHostId);
      const dst = hostIo(hosts, destId());
      const [sb, db] = await Promise.all([src.openBulk(), dst.openBulk()]);
      return {
        async copy(c, to, onBytes, signal) {
          const down = await volDownload(sb.rpc, c.srcVol);
          const up = await volUpload(db.rpc, to, { offset: 0, length: c.bytes });
          return (await pipeBytes(down, up, { hash: false, signal, onBytes })).bytes;
        },
        close() {
          sb.close();
          db.close();
        },
      };
    },

    async createVolume(pool, xml) {
      const rpc = hosts.connection(destId()).rpc;
      return volCreateXml(rpc, await poolLookupByName(rpc, pool), { xml });
    },

    async deleteVolume(vol) {
      await deleteCreatedVolume(await hosts.ready(destId()), vol);
    },

    async deleteVolumeAt(path) {
      const rpc = await hosts.ready(destId());
      try {
        await deleteCreatedVolume(rpc, await volLookupByPath(rpc, path));
        return 'deleted';
      } catch (err) {
        if (libvirtCode(err) === ErrorCode.NO_STORAGE_VOL) return 'absent'; // never created (the failure came first)
        throw err;
      }
    },

    async refreshPool(pool) {
      const rpc = hosts.connection(destId()).rpc;
      await poolRefresh(rpc, await poolLookupByName(rpc, pool));
    },

    migrate: migrateLive,

    /** The source, and the destination (the planned one, else where the VM turned up). */
    async placement(): Promise<Placed> {
      // The planned destination is asked even while it reconnects (view() waits for it).
      const others = [...new Set([...(id.destHostId ? [id.destHostId] : []), ...hosts.connectedIds()])].filter((x) => x !== id.srcHostId);
      const [source, ...views] = await Promise.all([id.srcHostId, ...others].map((x) => view(x)));
      const found = (v: HostRead) => v.state !== 'absent' && v.state !== 'unreadable';
      let dest: HostRead | null = null;
      if (id.destHostId) {
        const planned = views.find((v) => v.hostId === id.destHostId) ?? {
          hostId: id.destHostId,
          hostName: hostName(id.destHostId),
          state: 'unreadable' as const,
          reason: 0,
          persistent: false,
          detail: 'not connected',
        };
        // The planned destination, unless it has nothing and the VM runs on another connected host.
        dest = planned.state === 'absent' ? (views.find((v) => found(v) && v.state !== 'shutoff') ?? planned) : planned;
      } else {
        dest = views.find((v) => found(v) && v.state !== 'shutoff') ?? views.find(found) ?? null;
        if (dest) {
          id.destHostId = dest.hostId;
          id.destName = dest.name ?? id.name;
        }
      }
      return { source: source as HostRead, dest };
    },

    async resume(where) {
      const rpc = await hosts.ready(where.hostId, 30_000);
      await domainResume(rpc, await domainLookupByUuid(rpc, id.uuid));
    },

    async persistOnDest(dest) {
      const rpc = hosts.connection(dest.hostId).rpc;
      const dom = await domainLookupByUuid(rpc, id.uuid);
      await domainDefineXml(rpc, { xml: await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.SECURE | DomainXmlFlags.MIGRATABLE }) });
    },

    async undefineSource() {
      const rpc = hosts.connection(id.srcHostId).rpc;
      await domainUndefine(rpc, await domainLookupByUuid(rpc, id.uuid), {
        flags:
          UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA | UndefineFlags.CHECKPOINTS_METADATA | UndefineFlags.KEEP_NVRAM,
      });
    },

    async finalFigures(dest) {
      // The jobCompleted event usually beats us here; give it a moment, then ask the destination.
      for (let i = 0; i < 10 && !run.live.completed; i++) await sleep(100);
      let s = run.live.completed;
      if (!s && dest && dest.state !== 'absent') {
        try {
          const rpc = hosts.connection(dest.hostId).rpc;
          const dom = await domainLookupByUuid(rpc, id.uuid);
          const st = await domainGetJobStats(rpc, dom, { flags: JobStatsFlags.COMPLETED });
          if (st.type === JobType.COMPLETED) s = st.stats;
        } catch {
          // no figures: the result shows what we have
        }
      }
      const f: Figures = {};
      if (s) {
        const n = (k: string) => (s?.[k] === undefined ? undefined : Number(s[k]));
        const downtime = n('downtime');
        if (downtime !== undefined) f.downtimeMs = downtime;
        const data = n('data_processed') ?? (n('memory_processed') ?? 0) + (n('disk_processed') ?? 0);
        if (data !== undefined) f.dataSent = data;
        const elapsed = n('time_elapsed');
        if (elapsed !== undefined) f.elapsedMs = elapsed;
      }
      return f;
    },

    async jobError() {
      try {
        const st = await domainGetJobStats(id.srcConn.rpc, id.dom, { flags: JobStatsFlags.COMPLETED });
        const msg = st.stats.errmsg;
        if (typeof msg === 'string' && msg) return msg;
        if (st.type === JobType.CANCELLED) return 'operation aborted: migration out job: canceled by client';
      } catch {
        // not available
      }
      return undefined;
    },
  };
}
