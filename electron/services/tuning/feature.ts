/** Binds this feature's part of the contract (shared/api/tuning.ts) to its reads and writes. */
import type { ApplyScope, HostId } from '../../../shared/api';
import type { tuningRequests } from '../../../shared/api/tuning';
import { AppError } from '../../../shared/errors';
import { domainGetState, domainIsPersistent, domainLookupByUuid } from '../../libvirt/domain';
import { withLibvirtHint } from '../../libvirt/errors';
import { hostSetMemoryParameters } from '../../libvirt/host';
import { DomainState } from '../../libvirt/protocol';
import type { Feature, ServiceDeps } from '../deps';
import { QosService } from '../qos';
import { hostIo } from '../transfer';
import { refuseUnlessRoot } from './checks';
import { libvirtPools, resizePool } from './execute';
import { readHugePages, readKsm, readMm, type TuningIo, writeKsmRun } from './facts';
import { TuningVmCache } from './vm-cache';

export type TuningFeature = Feature<keyof typeof tuningRequests>;

export interface TuningOptions {
  /** How to reach a host (default: its libvirt connection and SSH session from the host manager). */
  io?: (hostId: HostId) => TuningIo;
}

export function createTuningFeature(deps: ServiceDeps, opts: TuningOptions = {}): TuningFeature {
  const ioOf = opts.io ?? ((hostId: HostId) => hostIo(deps.hosts, hostId));
  const rpcOf = (hostId: HostId) => deps.hosts.connection(hostId).rpc;
  // The VM pinning path the Resources tab uses: checks, one call per vCPU, read back and compared.
  const qos = new QosService(deps.hosts);
  // The VM list, kept per host by the domain events (a bare feature in the lab test has none: read each time).
  const vms = new TuningVmCache((deps as Partial<ServiceDeps>).domains ?? null);

  return {
    handlers: {
      'tuning.mm': ({ hostId }) => readMm(ioOf(hostId), hostId),
      'tuning.ksm': ({ hostId }) => readKsm(rpcOf(hostId), hostId, Date.now()),
      'tuning.setKsmRun': async ({ hostId, mode }) => {
        const io = ioOf(hostId);
        refuseUnlessRoot(await readMm(io, hostId), io.label, mode);
        await writeKsmRun(io, mode);
        const after = await readMm(io, hostId);
        if (after.ksmRun !== mode)
          throw new AppError(
            'ksm-readback',
            `KSM on ${io.label} reads "${after.ksmRun ?? 'unreadable'}" after "${mode}" was written`,
            'Something else on the host (ksmtuned, a tuned profile) may manage KSM: stop it, or change KSM there.',
          );
        return after;
      },
      'tuning.setKsmParams': async ({ hostId, params }) => {
        const rpc = rpcOf(hostId);
        await hostSetMemoryParameters(rpc, {
          params: { shm_pages_to_scan: params.pagesToScan, shm_sleep_millisecs: params.sleepMillisecs },
        }).catch((err: unknown) => {
          throw withLibvirtHint(err, 'Nothing was changed. Check the values.');
        });
        const s = await readKsm(rpc, hostId, Date.now());
        if (s.pagesToScan !== params.pagesToScan || s.sleepMillisecs !== params.sleepMillisecs)
          throw new AppError(
            'ksm-readback',
            `The host reports ${s.pagesToScan} pages every ${s.sleepMillisecs} ms after ${params.pagesToScan} every ${params.sleepMillisecs} ms was set`,
            'The kernel may have clamped a value, or something else (ksmtuned) changed it.',
          );
        return s;
      },
      'tuning.hugepages': ({ hostId }) => readHugePages(rpcOf(hostId), hostId),
      'tuning.setHugepages': ({ hostId, sizeKiB, count }) => {
        const io = ioOf(hostId);
        return resizePool(libvirtPools(io, hostId), io.label, sizeKiB, count);
      },
      'tuning.vms': ({ hostId }) => vms.read(rpcOf(hostId), hostId),
      'tuning.applyPinning': async ({ hostId, uuid, pinning }) => {
        const rpc = rpcOf(hostId);
        const dom = await domainLookupByUuid(rpc, uuid);
        const [st, persistent] = await Promise.all([domainGetState(rpc, dom), domainIsPersistent(rpc, dom)]);
        const running = st.state !== DomainState.SHUTOFF && st.state !== DomainState.CRASHED && st.state !== DomainState.NOSTATE;
        // A running VM now and at its next boot; a shut-off one at its next boot; a transient one only now.
        const scope: ApplyScope = running ? (persistent ? 'both' : 'live') : 'config';
        try {
          return await qos.setPinning(hostId, uuid, scope, pinning);
        } finally {
          vms.touch(hostId, uuid);
        }
      },
    },
    dispose: () => vms.dispose(),
  };
}
