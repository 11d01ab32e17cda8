import { describe, expect, it } from 'vitest';
import { LibvirtError, TimeoutError } from '../../libvirt/errors';
import { IpAddrType } from '../../libvirt/guest';
import { LifecycleDetail, LifecycleEvent } from '../../libvirt/protocol';
import {
  addressesAfter,
  agentFailure,
  clockReason,
  explainAgent,
  fallbackWhy,
  guestFactsOf,
  hintAfter,
  isHidden,
  settled,
  sourcesToTry,
  visibleAddresses,
} from './decide';
import { guestInfoOf } from './facts';
import lab from './fixtures/lab-guestinfo.json';

const lverr = (code: number, message: string) => new LibvirtError({ code, domain: 10, message, level: 2, int1: 0, int2: 0 });

describe('address sources', () => {
  it('asks the agent first unless it is known to be absent or disconnected', () => {
    expect(sourcesToTry('unknown')).toEqual(['agent', 'lease', 'arp']);
    expect(sourcesToTry('connected')).toEqual(['agent', 'lease', 'arp']);
    expect(sourcesToTry('none')).toEqual(['lease', 'arp']);
    expect(sourcesToTry('disconnected')).toEqual(['lease', 'arp']);
  });

  it('hides loopback and link-local addresses, keeps the rest with IPv4 first', () => {
    expect(isHidden('ipv4', '127.0.0.1')).toBe(true);
    expect(isHidden('ipv4', '169.254.3.4')).toBe(true);
    expect(isHidden('ipv4', '10.203.110.50')).toBe(false);
    expect(isHidden('ipv4', '169.255.0.1')).toBe(false);
    expect(isHidden('ipv6', 'fe80::5054:ff:fe12:3456')).toBe(true);
    expect(isHidden('ipv6', 'FEBF::1')).toBe(true);
    expect(isHidden('ipv6', '::1')).toBe(true);
    expect(isHidden('ipv6', 'fec0::1')).toBe(false);
    expect(isHidden('ipv6', '2001:db8::5')).toBe(false);
    const v = visibleAddresses([
      {
        name: 'lo',
        addrs: [
          { type: IpAddrType.IPV4, addr: '127.0.0.1', prefix: 8 },
          { type: IpAddrType.IPV6, addr: '::1', prefix: 128 },
        ],
      },
      {
        name: 'eth0',
        mac: '52:54:00:20:00:01',
        addrs: [
          { type: IpAddrType.IPV6, addr: '2001:db8::5', prefix: 64 },
          { type: IpAddrType.IPV6, addr: 'fe80::5054:ff:fe20:1', prefix: 64 },
          { type: IpAddrType.IPV4, addr: '10.203.110.50', prefix: 24 },
        ],
      },
      { name: 'eth1', addrs: [{ type: IpAddrType.IPV4, addr: '169.254.9.9', prefix: 16 }] },
    ]);
    expect(v).toEqual([
      { family: 'ipv4', address: '10.203.110.50', prefix: 24, iface: 'eth0', mac: '52:54:00:20:00:01' },
      { family: 'ipv6', address: '2001:db8::5', prefix: 64, iface: 'eth0', mac: '52:54:00:20:00:01' },
    ]);
  });

  it("reads libvirt's agent errors: no channel, not connected, not answering, paused", () => {
    expect(agentFailure(lverr(74, 'argument unsupported: QEMU guest agent is not configured'))).toBe('no-channel');
    expect(agentFailure(lverr(86, 'Guest agent is not responding: QEMU guest agent is not connected'))).toBe('not-connected');
    expect(agentFailure(lverr(86, 'Guest agent is not responding: Guest agent not available for now'))).toBe('not-answering');
    expect(agentFailure(lverr(55, 'Requested operation is not valid: domain is not running'))).toBe('not-running');
    expect(agentFailure(new TimeoutError('lab-a', 353, 0x20008086, 10_000))).toBe('not-answering');
    expect(agentFailure(lverr(1, 'internal error'))).toBe('other');
    expect(agentFailure(new Error('x'))).toBe('other');
    expect(hintAfter('no-channel', 'unknown')).toBe('none');
    expect(hintAfter('not-connected', 'connected')).toBe('disconnected');
    expect(hintAfter('not-answering', 'connected')).toBe('connected');
    expect(fallbackWhy('not-connected')).toBe('the guest agent is not connected');
    expect(fallbackWhy('skipped-none')).toBe('the VM has no guest agent channel');
  });

  it('stops retrying once the agent gave an address (or there is no agent and another source did)', () => {
    expect(settled({ source: 'agent', addresses: [1] }, 'connected')).toBe(true);
    expect(settled({ source: 'lease', addresses: [1] }, 'connected')).toBe(false);
    expect(settled({ source: 'lease', addresses: [1] }, 'none')).toBe(true);
    expect(settled({ addresses: [] }, 'none')).toBe(false);
  });
});

describe('lifecycle events', () => {
  it('set the clock after a resume, a migration or a restore — not after a boot', () => {
    expect(clockReason(LifecycleEvent.RESUMED, LifecycleDetail.RESUMED.UNPAUSED)).toBe('resume');
    expect(clockReason(LifecycleEvent.RESUMED, LifecycleDetail.RESUMED.MIGRATED)).toBe('migration');
    expect(clockReason(LifecycleEvent.RESUMED, LifecycleDetail.RESUMED.POSTCOPY)).toBe('migration');
    expect(clockReason(LifecycleEvent.STARTED, LifecycleDetail.STARTED.MIGRATED)).toBe('migration');
    expect(clockReason(LifecycleEvent.STARTED, LifecycleDetail.STARTED.RESTORED)).toBe('restore');
    expect(clockReason(LifecycleEvent.STARTED, LifecycleDetail.STARTED.BOOTED)).toBeUndefined();
    expect(clockReason(LifecycleEvent.SUSPENDED, 0)).toBeUndefined();
  });

  it('read addresses after a start (with retries) or a resume, drop them on a stop', () => {
    expect(addressesAfter(LifecycleEvent.STARTED)).toBe('read-with-retries');
    expect(addressesAfter(LifecycleEvent.RESUMED)).toBe('read');
    expect(addressesAfter(LifecycleEvent.STOPPED)).toBe('drop');
    expect(addressesAfter(LifecycleEvent.UNDEFINED)).toBe('drop');
    expect(addressesAfter(LifecycleEvent.SUSPENDED)).toBe('keep');
  });
});

describe('guest facts', () => {
  it("turn virDomainGetGuestInfo's keys into facts, leaving out what the agent did not answer", () => {
    const f = guestFactsOf({
      hostname: 'tinyguest',
      'os.name': 'Vireo tiny guest',
      'os.kernel-release': '6.1.0-57-amd64',
      'timezone.name': 'UTC',
      'timezone.offset': 0,
      'user.count': 1,
      'user.0.name': 'root',
      'user.0.login-time': 1700000000000,
      'fs.count': 2,
      'fs.0.mountpoint': '/mnt',
      'fs.0.name': 'vda',
      'fs.0.fstype': 'ext2',
      'fs.0.total-bytes': 61629440,
      'fs.0.used-bytes': 14336,
      'fs.0.disk.count': 1,
      'fs.0.disk.0.alias': 'vda',
      'fs.1.name': 'no mountpoint: skipped',
    });
    expect(f).toEqual({
      hostname: 'tinyguest',
      os: { name: 'Vireo tiny guest', kernelRelease: '6.1.0-57-amd64' },
      timezone: { name: 'UTC', offsetSec: 0 },
      users: [{ name: 'root', loginTime: 1700000000000 }],
      filesystems: [{ mountpoint: '/mnt', name: 'vda', type: 'ext2', totalBytes: 61629440, usedBytes: 14336, disks: ['vda'] }],
    });
    expect(guestFactsOf({ 'user.count': 0 })).toEqual({ users: [] });
    expect(guestFactsOf({})).toEqual({});
  });

  it('explain each agent state with what to install', () => {
    expect(explainAgent('no-channel').hint).toMatch(/Add the channel.*qemu-guest-agent/);
    expect(explainAgent('not-connected').hint).toMatch(/qemu-guest-agent/);
    expect(explainAgent('not-answering', 'timed out').message).toContain('libvirt: timed out');
    expect(explainAgent('answering')).toEqual({});
  });
});

describe('the guest card from the raw answers', () => {
  const base = { name: 'a20', running: true, channel: { present: true, state: 'connected' } } as const;
  it('says which agent state, and keeps only what the agent answered', () => {
    expect(guestInfoOf('h', 'u', { ...base, running: false, channel: { present: false } }).agent.state).toBe('off');
    expect(guestInfoOf('h', 'u', { ...base, channel: { present: false } }).agent).toMatchObject({
      state: 'no-channel',
      hint: expect.stringContaining('Add the channel'),
    });
    expect(guestInfoOf('h', 'u', { ...base, channel: { present: true, state: 'disconnected' } }).agent.state).toBe('not-connected');
    expect(guestInfoOf('h', 'u', { ...base, failure: { kind: 'not-answering', message: 'timed out' } }).agent.message).toContain(
      'timed out',
    );
    const ok = guestInfoOf('h', 'u', { ...base, info: { hostname: 'tinyguest', 'user.count': 0 } });
    expect(ok).toEqual({ hostId: 'h', uuid: 'u', name: 'a20', agent: { state: 'answering' }, hostname: 'tinyguest', users: [] });
  });
});

describe('the lab guest as libvirt reported it', () => {
  it('gives the host name, OS, time zone, nobody logged in and the ext2 file system on vda', () => {
    const f = guestFactsOf(lab.params);
    expect(f).toEqual({
      hostname: 'tinyguest',
      os: {
        name: 'Vireo tiny guest',
        prettyName: 'Vireo tiny guest (busybox)',
        version: '1 (busybox initramfs)',
        id: 'vireo-tiny',
        kernelRelease: '6.1.0-57-amd64',
        kernelVersion: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (2026-11-26)',
        machine: 'x86_64',
      },
      timezone: { name: 'UTC', offsetSec: 0 },
      users: [],
      filesystems: [{ mountpoint: '/mnt', name: 'vda', type: 'ext2', totalBytes: 61629440, usedBytes: 14336, disks: ['vda'] }],
    });
  });
});
