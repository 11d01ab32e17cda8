import { describe, expect, it } from 'vitest';
import { parseDomain } from '../../xml/parse';
import { pendingOf, settingsOf } from './vm-settings';

const dom = (o: { vcpu?: string; mem?: number; cur?: number; title?: string; cpu?: string; devices?: string }) =>
  parseDomain(`<domain type='qemu'><name>vm</name><uuid>7e570000-0000-4000-8000-0000000000aa</uuid>${o.title ? `<title>${o.title}</title>` : ''}
  <memory unit='KiB'>${o.mem ?? 196608}</memory><currentMemory unit='KiB'>${o.cur ?? o.mem ?? 196608}</currentMemory>${o.vcpu ?? "<vcpu placement='static'>1</vcpu>"}
  <os><type arch='x86_64'>hvm</type></os>${o.cpu ?? ''}<devices>${o.devices ?? ''}</devices></domain>`);
const base = {
  hostId: 'lab-a',
  uuid: '7e570000-0000-4000-8000-0000000000aa',
  name: 'vm',
  running: true,
  persistent: true,
  autostart: false,
  managedSave: false,
};

describe('settingsOf: the next boot, the running VM, and what is pending', () => {
  it('no pending change when both agree', () => {
    const s = settingsOf(base, dom({}), dom({}));
    expect(s.pending).toEqual([]);
    expect(s.vcpus).toEqual({ max: 1, current: 1, live: 1 });
    expect(s.memory).toEqual({
      maxKiB: 196608,
      currentKiB: 196608,
      liveKiB: 196608,
      liveMaxKiB: 196608,
      hugepages: false,
      nosharepages: false,
    });
  });
  it('lists each value that differs, running value beside the next boot’s', () => {
    const config = dom({ vcpu: "<vcpu current='2'>3</vcpu>", mem: 262144, cur: 163840, title: 'new' });
    const live = dom({ vcpu: "<vcpu current='2'>2</vcpu>" });
    expect(settingsOf(base, config, live).pending).toEqual([
      { field: 'maxVcpus', live: '2', next: '3' },
      { field: 'memory', live: '196608', next: '163840' },
      { field: 'maxMemory', live: '196608', next: '262144' },
      { field: 'title', live: '', next: 'new' },
    ]);
  });
  it('a shut-off VM has no running values and nothing pending', () => {
    const s = settingsOf({ ...base, running: false }, dom({ title: 't' }), undefined);
    expect(s.pending).toEqual([]);
    expect(s.vcpus.live).toBeUndefined();
    expect(s.memory.liveKiB).toBeUndefined();
    expect(s.title).toBe('t');
    expect(s.description).toBe('');
  });
  it('a CPU mode or a device on one side only is pending; a running host-model VM (expanded to custom) is not', () => {
    const nic = (mac: string) => `<interface type='bridge'><mac address='${mac}'/><source bridge='br0'/></interface>`;
    const disk = (t: string) => `<disk type='file' device='disk'><source file='/x/${t}'/><target dev='${t}' bus='virtio'/></disk>`;
    const config = dom({ cpu: "<cpu mode='host-passthrough'/>", devices: disk('vda') + nic('52:54:00:00:00:01') });
    const live = dom({ cpu: "<cpu mode='custom'><model>qemu64</model></cpu>", devices: disk('vda') + disk('vdb') });
    expect(pendingOf(config, live)).toEqual([
      { field: 'cpuMode', live: 'custom qemu64', next: 'host-passthrough' },
      { field: 'devices', live: 'vdb', next: '52:54:00:00:00:01' },
    ]);
    expect(pendingOf(dom({ cpu: "<cpu mode='host-model'/>" }), dom({ cpu: "<cpu mode='custom'><model>Skylake</model></cpu>" }))).toEqual(
      [],
    );
  });
});
