/**
 * The install's refusals from facts captured in the lab (fixtures/*.json, made by
 * e2e/lab/capture-clone-install-facts.ts), each from the scenario that shows it.
 */
import { describe, expect, it } from 'vitest';
import { installRefusals } from './checks';
import { installScenario } from './scenario.fixture';

const refusals = (name: string, creating = false) => {
  const s = installScenario(name);
  return installRefusals(s.facts, s.spec, { creating });
};

describe('install checks', () => {
  it('the clean scenarios pass, previewed or created', () => {
    for (const n of ['kernel', 'iso', 'iso-only', 'import', 'existing-disk', 'no-room', 'kvm', 'url', 'url-empty'])
      for (const creating of [false, true]) expect([n, creating, refusals(n, creating)]).toEqual([n, creating, []]);
  });

  it('a taken name, UUID, disk name and MAC; too many vCPUs; a network the host lacks — in that order, each with its field', () => {
    const s = installScenario('taken');
    expect(installRefusals(s.facts, s.spec)).toEqual([
      { code: 'exists', field: 'name', message: 'A VM named “t-capt-src” already exists on lab-a', hint: 'Choose another name.' },
      {
        code: 'exists',
        field: 'uuid',
        message: `A VM with UUID ${s.facts.uuid} already exists on lab-a`,
        hint: 'Go back and review again for a new UUID.',
      },
      {
        code: 'invalid-input',
        field: 'vcpus',
        message: `lab-a allows at most ${s.facts.hypervisor?.maxVcpus} vCPUs for this machine type`,
      },
      {
        code: 'exists',
        field: 'disk',
        message: 'The pool default on lab-a already has a volume “t-capt-src.qcow2”',
        hint: 'Choose another disk name; existing volumes are never overwritten.',
      },
      {
        code: 'exists',
        field: 'mac',
        message: `Another VM on lab-a has the MAC ${s.spec.mac}`,
        hint: 'Go back and review again for a new MAC.',
      },
      { code: 'not-found', field: 'nic', message: 'lab-a has no network “tcapt-nonet”', hint: 'Pick a network or a bridge from the list.' },
    ]);
  });

  it('vCPUs: the maximum passes, one more is refused', () => {
    const s = installScenario('kernel');
    const max = s.facts.hypervisor?.maxVcpus ?? 0;
    expect(installRefusals(s.facts, { ...s.spec, vcpus: max })).toEqual([]);
    expect(installRefusals(s.facts, { ...s.spec, vcpus: max + 1 }).map((r) => r.field)).toEqual(['vcpus']);
  });

  it('a pool that is not running (the new disk), one that does not exist (the ISO)', () => {
    expect(refusals('pool-off')).toEqual([
      {
        code: 'pool-inactive',
        field: 'disk',
        message: 'The storage pool "tcapt-off" on lab-a is not running',
        hint: 'Start the pool on the host (virsh pool-start), then try again.',
      },
      { code: 'not-found', field: 'source', message: 'lab-a has no storage pool "tcapt-nopool"', hint: 'Pick another pool.' },
    ]);
  });

  it('an existing disk and an ISO the pool does not have', () => {
    expect(refusals('missing-volumes')).toEqual([
      {
        code: 'not-found',
        field: 'disk',
        message: 'The pool default on lab-a has no volume “t-capt-none.qcow2”',
        hint: 'Pick a volume from the list.',
      },
      {
        code: 'not-found',
        field: 'source',
        message: 'The pool default on lab-a has no volume “t-capt-none.iso”',
        hint: 'Pick a volume from the list.',
      },
    ]);
  });

  it('an image to import from a pool that is not running, or that is not there', () => {
    const s = installScenario('import');
    const off = { ...s.facts, pools: s.facts.pools.map((p) => ({ name: p.name, status: 'inactive' as const })) };
    expect(installRefusals(off, s.spec).map((r) => [r.code, r.field])).toEqual([['pool-inactive', 'source']]);
    const gone = {
      ...s.facts,
      pools: s.facts.pools.map((p) => (p.status === 'running' ? { ...p, volumes: p.volumes.map((v) => ({ ...v, vol: null })) } : p)),
    };
    expect(installRefusals(gone, s.spec).map((r) => [r.code, r.field])).toEqual([['not-found', 'source']]);
  });

  it('an existing disk in a pool that does not exist', () => {
    const s = installScenario('existing-disk');
    const none = { ...s.facts, pools: s.facts.pools.map((p) => ({ name: p.name, status: 'missing' as const })) };
    expect(installRefusals(none, s.spec)).toEqual([
      { code: 'not-found', field: 'disk', message: 'lab-a has no storage pool "default"', hint: 'Pick another pool.' },
    ]);
  });

  it('a hypervisor that refused the acceleration asked for (variant of the kvm capture: the host without KVM)', () => {
    const s = installScenario('kvm');
    const refused = {
      ...s.facts,
      hypervisor: null,
      virtTypeRefused: { message: 'This host offers no KVM domains for x86_64', hint: 'Choose software emulation (QEMU).' },
    };
    expect(installRefusals(refused, s.spec)).toEqual([
      {
        code: 'invalid-input',
        field: 'virtType',
        message: 'This host offers no KVM domains for x86_64',
        hint: 'Choose software emulation (QEMU).',
      },
    ]);
    expect(installRefusals({ ...refused, virtTypeRefused: { message: 'm' } }, s.spec)).toEqual([
      { code: 'invalid-input', field: 'virtType', message: 'm' },
    ]);
  });

  it('a network install that would not start: refused when created, not when previewed', () => {
    const s = installScenario('url');
    const stopped = { ...s.spec, start: false };
    expect(installRefusals(s.facts, stopped)).toEqual([]);
    expect(installRefusals(s.facts, stopped, { creating: true })).toEqual([
      {
        code: 'invalid-input',
        field: 'start',
        message: 'A network install boots the installer right away',
        hint: 'Keep “Start after creating” on for a network install.',
      },
    ]);
    const kernel = installScenario('kernel');
    expect(installRefusals(kernel.facts, { ...kernel.spec, start: false }, { creating: true })).toEqual([]);
  });

  it('a MAC is checked only for a VM with a NIC; a network named is checked only for a NIC on a network', () => {
    const s = installScenario('taken');
    const noNic = { ...s.spec, nic: { kind: 'none' as const } };
    expect(installRefusals(s.facts, noNic).map((r) => r.field)).toEqual(['name', 'uuid', 'vcpus', 'disk']);
    const bridge = { ...s.spec, nic: { kind: 'bridge' as const, name: 'tcapt-nonet' } };
    expect(installRefusals(s.facts, bridge).map((r) => r.field)).toEqual(['name', 'uuid', 'vcpus', 'disk', 'mac']);
    const reviewedFree = { ...s.spec, mac: '52:54:00:7e:57:77' };
    expect(installRefusals(s.facts, reviewedFree).map((r) => r.field)).toEqual(['name', 'uuid', 'vcpus', 'disk', 'nic']);
  });

  it('needs facts for every pool the spec names', () => {
    const s = installScenario('kernel');
    expect(() => installRefusals({ ...s.facts, pools: [] }, s.spec)).toThrow(/no facts read for the pool default/);
  });
});
