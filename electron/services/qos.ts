/**
 * QoS of a VM: block I/O limits per disk, bandwidth per NIC, CPU weight/cap and pinning. Every
 * change goes to the running VM, its definition, or both (libvirt's LIVE / CONFIG impact flags in
 * one call), then everything is read back and compared with what was asked: libvirt and the
 * kernel may clamp or ignore a value, and the admin sees it.
 *
 * Over 400 lines: four tunables that share one apply-then-read-back-and-compare path; each has
 * its own validation and readback, and the shared path is what keeps them honest, so they stay in
 * one file until the settings editor (issue 19) gives them a common facts/plan/execute shape.
 */
import type {
  ApplyScope,
  CpuPinning,
  CpuTune,
  CpuTuneState,
  DiskIoTune,
  HostCpu,
  HostCpuTopology,
  HostId,
  NicBandwidth,
  QosApplied,
  QosDifference,
  QosDisk,
  QosNic,
  QosState,
} from '../../shared/api';
import { QOS_LIMITS } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { RpcClient } from '../libvirt/client';
import {
  domainGetBlockIoTune,
  domainGetEmulatorPinInfo,
  domainGetInterfaceParameters,
  domainGetSchedulerParameters,
  domainGetState,
  domainGetVcpuPinInfo,
  domainGetXmlDesc,
  domainListAll,
  domainLookupByUuid,
  domainPinEmulator,
  domainPinVcpu,
  domainSetBlockIoTune,
  domainSetInterfaceParameters,
  domainSetSchedulerParameters,
} from '../libvirt/domain';
import { withLibvirtHint } from '../libvirt/errors';
import { hostGetCapabilities, hostGetNodeInfo, type NodeInfo } from '../libvirt/host';
import type { ParamRecord } from '../libvirt/params';
import { type DomainRef, DomainState, DomainXmlFlags, Impact, ListDomainsFlags } from '../libvirt/protocol';
import { attr, children, parseXml, path, text } from '../xml/dom';
import { type ParsedDomain, parseDomainXml } from '../xml/domain';
import type { HostManager } from './hosts';

type Side = 'live' | 'config';
const SIDES: readonly Side[] = ['live', 'config'];

export const DISK_FIELDS = [
  'total_bytes_sec',
  'read_bytes_sec',
  'write_bytes_sec',
  'total_iops_sec',
  'read_iops_sec',
  'write_iops_sec',
] as const;
const NIC_FIELDS = ['average', 'peak', 'burst'] as const;

/** libvirt's impact flags for a scope. */
export function scopeFlags(scope: ApplyScope): number {
  return scope === 'live' ? Impact.LIVE : scope === 'config' ? Impact.CONFIG : Impact.LIVE | Impact.CONFIG;
}

export function scopeSides(scope: ApplyScope): Side[] {
  return scope === 'both' ? ['live', 'config'] : [scope];
}

const sideFlag = (s: Side): number => (s === 'live' ? Impact.LIVE : Impact.CONFIG);

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0);

/** blkdeviotune's record → our six values (the _max and group settings are left as they are). */
export function diskTuneOf(r: ParamRecord): DiskIoTune {
  return Object.fromEntries(DISK_FIELDS.map((f) => [f, num(r[f])])) as DiskIoTune;
}

/** domiftune's record → inbound/outbound average, peak, burst. */
export function nicBandwidthOf(r: ParamRecord): NicBandwidth {
  const dir = (d: 'inbound' | 'outbound') => ({
    average: num(r[`${d}.average`]),
    peak: num(r[`${d}.peak`]),
    burst: num(r[`${d}.burst`]),
  });
  return { inbound: dir('inbound'), outbound: dir('outbound') };
}

export function nicParams(b: NicBandwidth): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ['inbound', 'outbound'] as const) for (const f of NIC_FIELDS) out[`${d}.${f}`] = b[d][f];
  return out;
}

/**
 * A quota as the admin means it: no cap is -1. cgroup v2 hosts report "max" as libvirt's largest
 * quota, and some report other negative numbers: all of those are "no cap".
 */
export function normalQuota(q: number): number {
  return q < 0 || q >= QOS_LIMITS.quotaMax ? -1 : q;
}

/** The kernel's defaults, which a definition without <cputune> values leaves in place. */
export const CPU_DEFAULTS: CpuTune = { shares: 1024, period: 100_000, quota: -1 };

/**
 * schedinfo's record → weight, period, quota. A definition reports 0 for what it leaves unset;
 * those read as the defaults and are listed in `unset`.
 */
export function cpuTuneOf(r: ParamRecord): CpuTune & { unset: CpuTuneState['unset'] } {
  const shares = num(r.cpu_shares);
  const period = num(r.vcpu_period);
  const quota = num(r.vcpu_quota);
  const unset: CpuTuneState['unset'] = [];
  if (!shares) unset.push('shares');
  if (!period) unset.push('period');
  if (!quota) unset.push('quota');
  return {
    shares: shares || CPU_DEFAULTS.shares,
    period: period || CPU_DEFAULTS.period,
    quota: quota ? normalQuota(quota) : CPU_DEFAULTS.quota,
    unset,
  };
}

/** "0-3,6,8-9" (libvirt's CPU list syntax) → [0,1,2,3,6,8,9]. */
export function parseCpuList(s: string | undefined): number[] {
  const out: number[] = [];
  for (const part of (s ?? '').split(',')) {
    const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    for (let i = a; i <= b && i < QOS_LIMITS.cpus; i++) out.push(i);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** Node info + capabilities XML → the host's CPU layout. */
export function hostTopologyOf(node: NodeInfo, capsXml: string): HostCpuTopology {
  const root = parseXml(capsXml, 'the host capabilities').documentElement;
  const list: HostCpu[] = [];
  const cells = path(root, 'host', 'topology', 'cells');
  for (const cell of cells ? children(cells, 'cell') : []) {
    const node = Number(attr(cell, 'id') ?? 0);
    const cpus = path(cell, 'cpus');
    for (const c of cpus ? children(cpus, 'cpu') : []) {
      const id = Number(attr(c, 'id'));
      if (!Number.isInteger(id)) continue;
      list.push({
        id,
        node,
        socket: Number(attr(c, 'socket_id') ?? 0),
        core: Number(attr(c, 'core_id') ?? id),
        siblings: attr(c, 'siblings') !== undefined ? parseCpuList(attr(c, 'siblings')) : [id],
      });
    }
  }
  list.sort((a, b) => a.id - b.id);
  return {
    arch: node.model,
    model: text(path(root, 'host', 'cpu', 'model')) ?? node.model,
    cpus: node.cpus,
    nodes: node.nodes,
    sockets: node.sockets,
    cores: node.cores,
    threads: node.threads,
    list,
  };
}

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** What libvirt reports differently from what was asked, for the sides that were changed. */
export function differences(
  sides: readonly Side[],
  requested: Record<string, number | number[]>,
  reported: Partial<Record<Side, Record<string, number | number[]>>>,
): QosDifference[] {
  const out: QosDifference[] = [];
  for (const scope of sides) {
    const got = reported[scope];
    for (const [field, want] of Object.entries(requested)) {
      const have = got?.[field];
      const same =
        have !== undefined &&
        (Array.isArray(want)
          ? Array.isArray(have) &&
            sameList(
              [...want].sort((a, b) => a - b),
              have,
            )
          : want === have);
      if (!same) out.push({ scope, field, requested: want, reported: have ?? null });
    }
  }
  return out;
}

const flatNic = (b: NicBandwidth | undefined): Record<string, number> | undefined => (b ? nicParams(b) : undefined);

/** Adds what to do next to a libvirt error (wrapped, its message and codes kept). */
function withHint(err: unknown, hint: string): never {
  throw withLibvirtHint(err, hint);
}

/** The live-apply failure the lab (and many minimal kernels) produce: tc cannot find a qdisc or action. */
export function isTrafficControlError(message: string): boolean {
  return /\btc\b|qdisc|sfq|htb|police|ingress|Specified (qdisc|filter|action) kind is unknown/i.test(message);
}

/** Refuses a scope the VM cannot take, before anything is sent. */
export function checkScope(name: string, vm: { running: boolean; persistent: boolean }, scope: ApplyScope): void {
  if (scope !== 'config' && !vm.running) {
    throw new AppError(
      'invalid-scope',
      `${name} is not running: there is no live VM to change`,
      'Choose “Next boot” to change its definition.',
    );
  }
  if (scope !== 'live' && !vm.persistent) {
    throw new AppError(
      'invalid-scope',
      `${name} is transient: it has no definition for the next boot`,
      'Choose “Running VM” to change it live.',
    );
  }
}

interface Ctx {
  rpc: RpcClient;
  dom: DomainRef;
  running: boolean;
  persistent: boolean;
}

export class QosService {
  constructor(private readonly hosts: Pick<HostManager, 'connection'>) {}

  private async ctx(hostId: HostId, uuid: string): Promise<Ctx> {
    const rpc = this.hosts.connection(hostId).rpc;
    const dom = await domainLookupByUuid(rpc, uuid);
    const [st, transient] = await Promise.all([domainGetState(rpc, dom), domainListAll(rpc, { flags: ListDomainsFlags.TRANSIENT })]);
    const running = st.state !== DomainState.SHUTOFF && st.state !== DomainState.NOSTATE && st.state !== DomainState.CRASHED;
    return { rpc, dom, running, persistent: !transient.some((d) => d.uuid === uuid) };
  }

  private checkScope(c: Ctx, scope: ApplyScope): void {
    checkScope(c.dom.name, c, scope);
  }

  async get(hostId: HostId, uuid: string): Promise<QosState> {
    return this.read(hostId, await this.ctx(hostId, uuid));
  }

  private async read(hostId: HostId, c: Ctx): Promise<QosState> {
    const { rpc, dom } = c;
    const sides = SIDES.filter((s) => (s === 'live' ? c.running : c.persistent));
    const [node, caps, ...xmls] = await Promise.all([
      hostGetNodeInfo(rpc),
      hostGetCapabilities(rpc),
      ...sides.map((s) => domainGetXmlDesc(rpc, dom, { flags: s === 'config' ? DomainXmlFlags.INACTIVE : 0 })),
    ]);
    const defs = new Map(sides.map((s, i) => [s, parseDomainXml(xmls[i] as string)]));
    const host = hostTopologyOf(node, caps);

    // Disks and NICs of either side, live order first.
    const disks = new Map<string, QosDisk>();
    const nics = new Map<string, QosNic>();
    for (const s of sides) {
      const def = defs.get(s);
      for (const d of def?.disks ?? []) {
        if (d.device !== 'disk' && d.device !== 'lun') continue;
        if (!disks.has(d.target)) {
          disks.set(d.target, {
            target: d.target,
            device: d.device,
            ...(d.bus ? { bus: d.bus } : {}),
            ...(d.source ? { source: d.source } : {}),
            notes: [],
          });
        }
      }
      for (const n of def?.nics ?? []) {
        if (!n.mac) continue;
        const key = n.mac.toLowerCase();
        if (!nics.has(key)) {
          nics.set(key, {
            mac: key,
            type: n.type,
            ...(n.source ? { source: n.source } : {}),
            ...(n.target ? { target: n.target } : {}),
            ...(n.model ? { model: n.model } : {}),
            notes: [],
          });
        }
      }
    }

    const note = (notes: string[], s: Side, what: string, err: unknown) =>
      notes.push(`${s === 'live' ? 'Running VM' : 'Next boot'}: cannot read ${what}: ${(err as Error).message}`);
    const inSide = (s: Side, pred: (d: ParsedDomain) => boolean) => {
      const def = defs.get(s);
      return !!def && pred(def);
    };

    const diskReads = [...disks.values()].flatMap((d) =>
      sides
        .filter((s) => inSide(s, (def) => def.disks.some((x) => x.target === d.target)))
        .map(async (s) => {
          try {
            d[s] = diskTuneOf(await domainGetBlockIoTune(rpc, dom, { disk: d.target, flags: sideFlag(s) }));
          } catch (err) {
            note(d.notes, s, 'the I/O limits', err);
          }
        }),
    );
    const nicReads = [...nics.values()].flatMap((n) =>
      sides
        .filter((s) => inSide(s, (def) => def.nics.some((x) => x.mac.toLowerCase() === n.mac)))
        .map(async (s) => {
          try {
            n[s] = nicBandwidthOf(await domainGetInterfaceParameters(rpc, dom, { device: n.mac, flags: sideFlag(s) }));
          } catch (err) {
            note(n.notes, s, 'the bandwidth', err);
          }
        }),
    );
    const cpu: QosState['cpu'] = { vcpus: {}, notes: [] };
    const cpuReads = sides.map(async (s) => {
      const vcpus = defs.get(s)?.cpu.vcpus ?? 1;
      cpu.vcpus[s] = vcpus;
      try {
        const [sched, pins, emu] = await Promise.all([
          domainGetSchedulerParameters(rpc, dom, { flags: sideFlag(s) }),
          domainGetVcpuPinInfo(rpc, dom, { vcpus, hostCpus: host.cpus, flags: sideFlag(s) }),
          domainGetEmulatorPinInfo(rpc, dom, { hostCpus: host.cpus, flags: sideFlag(s) }),
        ]);
        const state: CpuTuneState = { ...cpuTuneOf(sched), vcpuPins: pins, emulatorPin: emu };
        cpu[s] = state;
      } catch (err) {
        note(cpu.notes, s, 'the CPU tuning', err);
      }
    });
    await Promise.all([...diskReads, ...nicReads, ...cpuReads]);

    return {
      hostId,
      uuid: dom.uuid,
      name: dom.name,
      running: c.running,
      persistent: c.persistent,
      scopes: { live: c.running, config: c.persistent },
      host,
      cpu,
      disks: [...disks.values()],
      nics: [...nics.values()],
    };
  }

  async setDisk(hostId: HostId, uuid: string, disk: string, scope: ApplyScope, tune: DiskIoTune): Promise<QosApplied> {
    const c = await this.ctx(hostId, uuid);
    this.checkScope(c, scope);
    await domainSetBlockIoTune(c.rpc, c.dom, { disk, params: { ...tune }, flags: scopeFlags(scope) }).catch((err: unknown) =>
      withHint(
        err,
        scope === 'config'
          ? 'Nothing was changed. Check the values against the disk.'
          : 'Nothing was changed. Check the values, or apply them to the next boot only.',
      ),
    );
    const state = await this.read(hostId, c);
    const d = state.disks.find((x) => x.target === disk);
    const sides = scopeSides(scope);
    return { appliedTo: sides, state, differences: differences(sides, { ...tune }, { live: d?.live, config: d?.config }) };
  }

  async setNic(hostId: HostId, uuid: string, mac: string, scope: ApplyScope, bandwidth: NicBandwidth): Promise<QosApplied> {
    const c = await this.ctx(hostId, uuid);
    this.checkScope(c, scope);
    await domainSetInterfaceParameters(c.rpc, c.dom, {
      device: mac.toLowerCase(),
      params: nicParams(bandwidth),
      flags: scopeFlags(scope),
    }).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (scope !== 'config' && isTrafficControlError(message)) {
        withHint(
          err,
          `The host's kernel lacks the traffic-control modules that live bandwidth limits need (sch_htb, sch_sfq, sch_ingress, act_police): nothing was changed. Load them on the host (modprobe sch_sfq act_police) to apply limits live${c.persistent ? ', or apply to the next boot only' : ''}.`,
        );
      }
      withHint(
        err,
        scope === 'config'
          ? 'Nothing was changed. Check the values.'
          : 'Nothing was changed. Check the values, or apply them to the next boot only.',
      );
    });
    const state = await this.read(hostId, c);
    const n = state.nics.find((x) => x.mac === mac.toLowerCase());
    const sides = scopeSides(scope);
    return {
      appliedTo: sides,
      state,
      differences: differences(sides, nicParams(bandwidth), { live: flatNic(n?.live), config: flatNic(n?.config) }),
    };
  }

  async setCpu(hostId: HostId, uuid: string, scope: ApplyScope, tune: CpuTune): Promise<QosApplied> {
    const c = await this.ctx(hostId, uuid);
    this.checkScope(c, scope);
    await domainSetSchedulerParameters(c.rpc, c.dom, {
      params: { cpu_shares: tune.shares, vcpu_period: tune.period, vcpu_quota: tune.quota },
      flags: scopeFlags(scope),
    }).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (/cgroup/i.test(message))
        withHint(
          err,
          `The host has no usable cgroup CPU controller for this VM, which live CPU weight and caps need${c.persistent ? '. Apply to the next boot only' : ''}.`,
        );
      withHint(err, 'Nothing was changed. Check the values.');
    });
    const state = await this.read(hostId, c);
    const pick = (t: CpuTuneState | undefined) => (t ? { shares: t.shares, period: t.period, quota: t.quota } : undefined);
    const sides = scopeSides(scope);
    return {
      appliedTo: sides,
      state,
      differences: differences(sides, { ...tune }, { live: pick(state.cpu.live), config: pick(state.cpu.config) }),
    };
  }

  async setPinning(hostId: HostId, uuid: string, scope: ApplyScope, pinning: CpuPinning): Promise<QosApplied> {
    const c = await this.ctx(hostId, uuid);
    this.checkScope(c, scope);
    if (!pinning.vcpus.length && !pinning.emulator)
      throw new AppError('invalid-input', 'Nothing to pin', 'Pick host CPUs for a vCPU or the emulator.');
    const before = await this.read(hostId, c);
    const hostCpus = before.host.cpus;
    const outside = [...pinning.vcpus.flatMap((v) => v.cpus), ...(pinning.emulator ?? [])].filter((x) => x >= hostCpus);
    if (outside.length)
      throw new AppError(
        'invalid-input',
        `The host has CPUs 0–${hostCpus - 1} only (asked for ${[...new Set(outside)].join(', ')})`,
        'Nothing was changed.',
      );
    for (const s of scopeSides(scope)) {
      const count = before.cpu.vcpus[s] ?? 0;
      const bad = pinning.vcpus.filter((v) => v.vcpu >= count);
      if (bad.length) {
        throw new AppError(
          'invalid-input',
          `${c.dom.name} has ${count} vCPU${count === 1 ? '' : 's'} (${s === 'live' ? 'running' : 'next boot'}): no vCPU ${bad.map((v) => v.vcpu).join(', ')}`,
          'Nothing was changed.',
        );
      }
    }
    const flags = scopeFlags(scope);
    // One call per vCPU (libvirt has no call for several): say what a failure left in place.
    let done = 0;
    const hint = () =>
      done === 0
        ? 'Nothing was changed.'
        : `The ${done} pinning${done === 1 ? '' : 's'} before it were applied; the panel shows what is in effect now.`;
    for (const v of pinning.vcpus) {
      await domainPinVcpu(c.rpc, c.dom, { vcpu: v.vcpu, cpus: v.cpus, flags }).catch((err: unknown) => withHint(err, hint()));
      done++;
    }
    if (pinning.emulator)
      await domainPinEmulator(c.rpc, c.dom, { cpus: pinning.emulator, flags }).catch((err: unknown) => withHint(err, hint()));

    const state = await this.read(hostId, c);
    const requested: Record<string, number[]> = {};
    for (const v of pinning.vcpus) requested[`vcpu ${v.vcpu}`] = v.cpus;
    if (pinning.emulator) requested.emulator = pinning.emulator;
    const flat = (t: CpuTuneState | undefined) => {
      if (!t) return undefined;
      const r: Record<string, number[]> = { emulator: t.emulatorPin };
      t.vcpuPins.forEach((p, i) => {
        r[`vcpu ${i}`] = p;
      });
      return r;
    };
    const sides = scopeSides(scope);
    return {
      appliedTo: sides,
      state,
      differences: differences(sides, requested, { live: flat(state.cpu.live), config: flat(state.cpu.config) }),
    };
  }
}
