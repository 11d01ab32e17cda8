/**
 * An install's refusals, from facts only (no I/O, no clock): each with the field of the spec it
 * is about, in the order the wizard shows them (the first one is what the admin sees).
 */
import type { InstallSpec } from '../../../shared/api';
import type { InstallFacts, InstallPoolFacts } from './facts';
import { firmwareOffer } from './firmware';

export interface Refusal {
  code: 'invalid-input' | 'exists' | 'not-found' | 'pool-inactive';
  /** The spec's field: name, uuid, vcpus, source, disk, mac, nic, start, virtType, firmware, tpm. */
  field: string;
  message: string;
  hint?: string;
}

function poolRefusal(pools: readonly InstallPoolFacts[], name: string, host: string, field: string): Refusal | 'running' {
  const p = pools.find((x) => x.name === name);
  if (!p) throw new Error(`no facts read for the pool ${name}`);
  if (p.status === 'missing')
    return { code: 'not-found', field, message: `${host} has no storage pool "${name}"`, hint: 'Pick another pool.' };
  if (p.status === 'inactive')
    return {
      code: 'pool-inactive',
      field,
      message: `The storage pool "${name}" on ${host} is not running`,
      hint: 'Start the pool on the host (virsh pool-start), then try again.',
    };
  return 'running';
}

/** The volume a spec names in a pool (a refusal when the pool or the volume is not there). */
function volumeRefusal(f: InstallFacts, pool: string, volume: string, field: string): Refusal | undefined {
  const bad = poolRefusal(f.pools, pool, f.label, field);
  if (bad !== 'running') return bad;
  const p = f.pools.find((x) => x.name === pool);
  const v = p?.status === 'running' ? p.volumes.find((x) => x.name === volume) : undefined;
  if (!v?.vol)
    return {
      code: 'not-found',
      field,
      message: `The pool ${pool} on ${f.label} has no volume “${volume}”`,
      hint: 'Pick a volume from the list.',
    };
  return undefined;
}

/** Everything that refuses this install; `creating`: the spec is to be made now (not only previewed). */
export function installRefusals(f: InstallFacts, spec: InstallSpec, opts: { creating: boolean } = { creating: false }): Refusal[] {
  const host = f.label;
  const out: Refusal[] = [];
  const add = (r: Refusal | undefined) => {
    if (r) out.push(r);
  };
  if (f.virtTypeRefused)
    out.push({
      code: 'invalid-input',
      field: 'virtType',
      message: f.virtTypeRefused.message,
      ...(f.virtTypeRefused.hint ? { hint: f.virtTypeRefused.hint } : {}),
    });
  if (!f.nameFree)
    out.push({
      code: 'exists',
      field: 'name',
      message: `A VM named “${spec.name}” already exists on ${host}`,
      hint: 'Choose another name.',
    });
  if (!f.uuidFree)
    out.push({
      code: 'exists',
      field: 'uuid',
      message: `A VM with UUID ${f.uuid} already exists on ${host}`,
      hint: 'Go back and review again for a new UUID.',
    });
  if (f.hypervisor && spec.vcpus > f.hypervisor.maxVcpus)
    out.push({
      code: 'invalid-input',
      field: 'vcpus',
      message: `${host} allows at most ${f.hypervisor.maxVcpus} vCPUs for this machine type`,
    });
  const src = spec.source;
  if (src.kind === 'import') add(volumeRefusal(f, src.pool, src.volume, 'source'));
  const disk = spec.disk;
  if (disk.kind === 'new') {
    const bad = poolRefusal(f.pools, disk.pool, host, 'disk');
    const p = f.pools.find((x) => x.name === disk.pool);
    if (bad !== 'running') out.push(bad);
    else if (p?.status === 'running' && p.newNameTaken)
      out.push({
        code: 'exists',
        field: 'disk',
        message: `The pool ${disk.pool} on ${host} already has a volume “${disk.name}”`,
        hint: 'Choose another disk name; existing volumes are never overwritten.',
      });
  } else if (disk.kind === 'existing') add(volumeRefusal(f, disk.pool, disk.volume, 'disk'));
  if (src.kind === 'iso') add(volumeRefusal(f, src.pool, src.volume, 'source'));
  if (spec.nic.kind !== 'none') {
    if (spec.mac && f.macs.includes(spec.mac))
      out.push({
        code: 'exists',
        field: 'mac',
        message: `Another VM on ${host} has the MAC ${spec.mac}`,
        hint: 'Go back and review again for a new MAC.',
      });
    const nic = spec.nic;
    if (nic.kind === 'network' && !f.networks?.some((n) => n.name === nic.name))
      out.push({
        code: 'not-found',
        field: 'nic',
        message: `${host} has no network “${nic.name}”`,
        hint: 'Pick a network or a bridge from the list.',
      });
  }
  const fw = spec.firmware ?? 'bios';
  if ((fw !== 'bios' || spec.tpm) && f.firmware && f.hypervisor) {
    const offer = firmwareOffer(f.firmware, host, f.hypervisor.machine);
    const why = fw === 'uefi-secure' ? offer.secureBoot : fw === 'uefi' ? offer.uefi : undefined;
    if (why && !why.offered)
      out.push({
        code: 'invalid-input',
        field: 'firmware',
        message: why.reason ?? '',
        hint: 'Choose BIOS, or install the firmware first.',
      });
    if (spec.tpm && !offer.tpm.offered)
      out.push({
        code: 'invalid-input',
        field: 'tpm',
        message: offer.tpm.reason ?? '',
        hint: 'Leave the TPM off, or install swtpm first.',
      });
  }
  if (opts.creating && src.kind === 'url' && !spec.start)
    out.push({
      code: 'invalid-input',
      field: 'start',
      message: 'A network install boots the installer right away',
      hint: 'Keep “Start after creating” on for a network install.',
    });
  return out;
}
