import { describe, expect, it } from 'vitest';
import { parseDomain } from '../../xml/parse';
import { settingsOf } from './vm-settings';

const dom = (o: { vcpu?: string; mem?: number; cur?: number; title?: string }) =>
  parseDomain(`<domain type='qemu'><name>vm</name><uuid>7e570000-0000-4000-8000-0000000000aa</uuid>${o.title ? `<title>${o.title}</title>` : ''}
  <memory unit='KiB'>${o.mem ?? 196608}</memory><currentMemory unit='KiB'>${o.cur ?? o.mem ?? 196608}</currentMemory>${o.vcpu ?? "<vcpu placement='static'>1</vcpu>"}
  <os><type arch='x86_64'>hvm</type></os></domain>`);
const base = {
  hostId: 'lab-a',
  uuid: '7e570000-0000-4000-8000-0000000000aa',
  name: 'vm',
  running: true,
  persistent: true,
  autostart: false,
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
});
