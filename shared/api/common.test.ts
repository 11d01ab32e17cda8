/**
 * The primitive validators, one rule each: table tests of what passes and what is refused (with the
 * words the forms show), the cases where the contract used to disagree with itself, and properties
 * over generated values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloneSpec } from './clone';
import {
  AbsPath,
  BridgeName,
  DiskTarget,
  HostAddress,
  HostId,
  MacAddress,
  NicMacAddress,
  NodeDeviceName,
  ObjectName,
  OneLine,
  OsShortId,
  TreePath,
  Uuid,
  VolumeFileName,
} from './common';
import { requests } from './contract';
import { InstallSpec } from './install';
import { EmulatedUsbSpec } from './usb';

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } };

function messages(s: Schema, v: unknown): string[] {
  return s.safeParse(v).error?.issues.map((i) => i.message) ?? [];
}

const TABLE: [name: string, schema: Schema, ok: string[], bad: [string, RegExp][]][] = [
  [
    'ObjectName',
    ObjectName,
    ['a', 'vm "q" <a> & b', 'שלום', '🦜', 'x'.repeat(1024), 'a.b_c-d+e'],
    [
      ['', /empty/],
      ['a/b', /must not contain "\/"/],
      ['a\nb', /control characters/],
      ['x'.repeat(1025), /longer than 1024/],
    ],
  ],
  [
    'HostId',
    HostId,
    ['lab-a', 'a', '0', 'x'.repeat(63)],
    [
      ['Lab', /Invalid host id/],
      ['-a', /Invalid/],
      ['a b', /Invalid/],
      ['x'.repeat(64), /Invalid/],
    ],
  ],
  [
    'HostAddress',
    HostAddress,
    ['10.203.0.1', 'host.example.org', 'fe80::1', 'a_b-c'],
    [
      ['', /empty/],
      ['-oProxyCommand=id', /only letters/],
      ['a b', /only letters/],
      ['ä.example', /only letters/],
      ['x'.repeat(254), /too long/],
    ],
  ],
  [
    'Uuid',
    Uuid,
    ['0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5', '0D3C6A4E-1B2F-4C5D-8E9F-A0B1C2D3E4F5'],
    [
      ['0d3c6a4e1b2f4c5d8e9fa0b1c2d3e4f5', /Not a UUID/],
      ['0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f', /Not a UUID/],
      ['0d3c6a4g-1b2f-4c5d-8e9f-a0b1c2d3e4f5', /Not a UUID/],
    ],
  ],
  [
    'MacAddress',
    MacAddress,
    ['52:54:00:aa:bb:cc', '52:54:00:AA:BB:CC', '01:00:5e:00:00:01'],
    [
      ['52-54-00-aa-bb-cc', /Not a MAC address/],
      ['52:54:00:aa:bb', /Not a MAC address/],
      ['52:54:00:aa:bb:cg', /Not a MAC address/],
    ],
  ],
  [
    'NicMacAddress',
    NicMacAddress,
    ['52:54:00:aa:bb:cc', '52:54:00:AA:BB:CC', '02:00:00:00:00:00'],
    [
      ['01:00:5e:00:00:01', /unicast/],
      ['FF:FF:FF:FF:FF:FF', /unicast/],
      ['52:54:00:aa:bb', /Not a MAC address/],
    ],
  ],
  [
    'DiskTarget',
    DiskTarget,
    ['vda', 'sdb', 'hdc', 'fda', 'xvdaa', 'ubda', 'vdzzz', 'sda1'],
    [
      ['VDA', /Not a disk target/],
      ['vd', /Not a disk target/],
      ['nvme0n1', /Not a disk target/],
      ['vda-1', /Not a disk target/],
      ['../etc', /Not a disk target/],
    ],
  ],
  [
    'VolumeFileName',
    VolumeFileName,
    ['disk.qcow2', 'a', 'web_prod_1_.qcow2', 'c++.img', 'x'.repeat(128)],
    [
      ['.hidden', /Use letters, digits/],
      ['a/b', /Use letters, digits/],
      ['a b', /Use letters, digits/],
      ['x'.repeat(129), /up to 128/],
    ],
  ],
  [
    'AbsPath',
    AbsPath,
    ['/boot/vmlinuz', '/a b'],
    [
      ['boot/vmlinuz', /absolute path/],
      ['/a\nb', /control characters/],
    ],
  ],
  [
    'TreePath',
    TreePath,
    ['images/pxeboot/vmlinuz', 'linux', 'a+b/c.d'],
    [
      ['/abs', /relative path/],
      ['a/../b', /relative path/],
      ['a b', /relative path/],
    ],
  ],
  ['OneLine', OneLine, ['console=ttyS0 quiet', ''], [['a\nb', /control characters/]]],
  [
    'NodeDeviceName',
    NodeDeviceName,
    ['usb_1_3', 'pci_0000_00_1f_2'],
    [
      ['a b', /node device/],
      ['', /node device/],
    ],
  ],
  [
    'BridgeName',
    BridgeName,
    ['br0', 'labbr0', 'x'.repeat(15)],
    [
      ['x'.repeat(16), /bridge/],
      ['br 0', /bridge/],
    ],
  ],
  [
    'OsShortId',
    OsShortId,
    ['debian12', 'win11', 'linux2022', 'centos-stream9'],
    [
      ['', /OS short id/],
      ['a b', /OS short id/],
      ['-x', /OS short id/],
    ],
  ],
];

describe('primitive validators: what each takes and refuses, with the words the forms show', () => {
  for (const [name, schema, ok, bad] of TABLE) {
    it(`${name}`, () => {
      for (const v of ok) expect(schema.safeParse(v).success, `${name} ${JSON.stringify(v.slice(0, 40))}`).toBe(true);
      for (const [v, why] of bad) {
        const m = messages(schema, v);
        expect(m.length, `${name} accepted ${JSON.stringify(v.slice(0, 40))}`).toBeGreaterThan(0);
        expect(m.join(' | ')).toMatch(why);
      }
      for (const v of [42, null, undefined, {}, ['vda']]) expect(schema.safeParse(v).success).toBe(false);
    });
  }
});

describe('the cases where the contract used to disagree with itself', () => {
  const U = '0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5';
  const clone = { hostId: 'lab-a', uuid: U, targetHostId: 'lab-b', name: 'c', disks: [] };
  const install = {
    hostId: 'lab-a',
    name: 'vm',
    osVariant: 'debian12',
    source: { kind: 'iso', pool: 'default', volume: 'd.iso' },
    vcpus: 1,
    memoryMiB: 256,
    disk: { kind: 'none' },
    nic: { kind: 'none' },
  };

  it('a MAC in upper case is taken everywhere (qos, clone source and new MAC, install) and arrives in lower case', () => {
    const up = '52:54:00:AA:BB:CC';
    const c = CloneSpec.parse({ ...clone, nics: [{ mac: up, newMac: up }] });
    expect(c.nics[0]).toMatchObject({ mac: '52:54:00:aa:bb:cc', newMac: '52:54:00:aa:bb:cc' });
    expect(InstallSpec.parse({ ...install, mac: up }).mac).toBe('52:54:00:aa:bb:cc');
    const q = requests['qos.setNic'].input.parse({
      hostId: 'lab-a',
      uuid: U,
      scope: 'live',
      mac: up,
      bandwidth: { inbound: { average: 0, peak: 0, burst: 0 }, outbound: { average: 0, peak: 0, burst: 0 } },
    });
    expect(q.mac).toBe('52:54:00:aa:bb:cc');
  });

  it('a new NIC gets no multicast MAC; an existing NIC is found by whatever MAC it has', () => {
    expect(messages(CloneSpec, { ...clone, nics: [{ mac: '52:54:00:aa:bb:cc', newMac: '01:00:5e:00:00:01' }] }).join()).toMatch(/unicast/);
    expect(messages(InstallSpec, { ...install, mac: '03:00:00:00:00:00' }).join()).toMatch(/unicast/);
    expect(CloneSpec.safeParse({ ...clone, nics: [{ mac: '01:00:5e:00:00:01' }] }).success).toBe(true);
  });

  it('disk targets: the same rule for QoS and clone (vda yes, upper case and odd prefixes no)', () => {
    const tune = { total_bytes_sec: 0, read_bytes_sec: 0, write_bytes_sec: 0, total_iops_sec: 0, read_iops_sec: 0, write_iops_sec: 0 };
    const qos = (disk: string) => requests['qos.setDisk'].input.safeParse({ hostId: 'lab-a', uuid: U, scope: 'live', disk, tune }).success;
    const cl = (target: string) => CloneSpec.safeParse({ ...clone, disks: [{ target, mode: 'share' }] }).success;
    for (const t of ['vda', 'sdb', 'xvdaa', 'hdc']) expect([qos(t), cl(t)], t).toEqual([true, true]);
    for (const t of ['VDA', 'disk_1', 'nvme0n1', 'vd']) expect([qos(t), cl(t)], t).toEqual([false, false]);
  });

  it('volume names: install, clone, upload and an emulated USB disk take the same characters ("+" included)', () => {
    const name = 'c++.img';
    expect(InstallSpec.safeParse({ ...install, disk: { kind: 'new', pool: 'p', name, sizeMiB: 1 } }).success).toBe(true);
    expect(CloneSpec.safeParse({ ...clone, disks: [{ target: 'vda', mode: 'copy', pool: 'p', volume: name }] }).success).toBe(true);
    expect(requests['install.upload'].input.safeParse({ hostId: 'lab-a', pool: 'p', name, size: 1 }).success).toBe(true);
    expect(EmulatedUsbSpec.safeParse({ kind: 'disk', pool: 'p', volume: name, create: { sizeMiB: 1 } }).success).toBe(true);
    const usbBad = messages(EmulatedUsbSpec, { kind: 'disk', pool: 'p', volume: 'a b', create: { sizeMiB: 1 } });
    expect(usbBad).toEqual(messages(VolumeFileName, 'a b'));
    // An existing volume is named as libvirt names it (any object name), created or not.
    expect(EmulatedUsbSpec.safeParse({ kind: 'disk', pool: 'p', volume: 'a b' }).success).toBe(true);
  });

  it('UUIDs: the same rule for every request that names a VM, upper case arriving in lower case', () => {
    const up = U.toUpperCase();
    expect(requests['domains.details'].input.parse({ hostId: 'lab-a', uuid: up }).uuid).toBe(U);
    expect(CloneSpec.parse({ ...clone, uuid: up, newUuid: up }).newUuid).toBe(U);
    expect(InstallSpec.parse({ ...install, uuid: up }).uuid).toBe(U);
  });
});

describe('properties', () => {
  const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`));
  const mac = fc.array(hex(2), { minLength: 6, maxLength: 6 }).map((p) => p.join(':'));

  it('every well-formed MAC passes and comes out as its lower-case self; unicast ones also for a new NIC', () => {
    fc.assert(
      fc.property(mac, (m) => {
        expect(MacAddress.parse(m)).toBe(m.toLowerCase());
        const unicast = (Number.parseInt(m.slice(0, 2), 16) & 1) === 0;
        expect(NicMacAddress.safeParse(m).success).toBe(unicast);
      }),
    );
  });

  it('a MAC with any character changed to a non-hex, non-colon one is refused', () => {
    fc.assert(
      fc.property(mac, fc.nat(16), fc.constantFrom('g', 'z', '-', ' ', '\n', 'G', '.'), (m, i, c) => {
        const bad = m.slice(0, i) + c + m.slice(i + 1);
        expect(MacAddress.safeParse(bad).success).toBe(false);
      }),
    );
  });

  it('every UUID passes in either case and comes out lower case; cut or extended it is refused', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), fc.nat(35), (u, upper, cut) => {
        const v = upper ? u.toUpperCase() : u;
        expect(Uuid.parse(v)).toBe(u.toLowerCase());
        expect(Uuid.safeParse(v.slice(0, cut)).success).toBe(false);
        expect(Uuid.safeParse(`${v}0`).success).toBe(false);
      }),
    );
  });

  it('object names: any string without "/" or control characters, 1–1024 long, passes unchanged; with either it is refused', () => {
    const clean = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .filter((s) => !s.includes('/') && ![...s].some((c) => c.charCodeAt(0) < 0x20) && s.length <= 1024);
    fc.assert(
      fc.property(clean, fc.constantFrom('/', '\n', '\t', '\u0000', '\u001f'), fc.nat(), (s, bad, at) => {
        expect(ObjectName.parse(s)).toBe(s);
        const i = at % (s.length + 1);
        expect(ObjectName.safeParse(s.slice(0, i) + bad + s.slice(i)).success).toBe(false);
      }),
    );
  });

  it('disk targets: prefix + letters (+ partition digits) pass; anything with another character is refused', () => {
    const target = fc
      .tuple(fc.constantFrom('fd', 'hd', 'sd', 'vd', 'xvd', 'ubd'), fc.stringMatching(/^[a-z]{1,4}$/), fc.stringMatching(/^[0-9]{0,3}$/))
      .map(([p, l, d]) => p + l + d);
    fc.assert(
      fc.property(target, fc.constantFrom('/', '.', ' ', 'A', '_', '-', '\n'), (t, c) => {
        expect(DiskTarget.safeParse(t).success).toBe(true);
        expect(DiskTarget.safeParse(t + c).success).toBe(false);
        expect(DiskTarget.safeParse(c + t).success).toBe(false);
      }),
    );
  });

  const pieces = (...p: string[]) => fc.array(fc.constantFrom(...p), { maxLength: 12 }).map((a) => a.join(''));

  it('volume file names never hold "/", "..", a leading dot or spaces; what passes is a plain file name', () => {
    fc.assert(
      fc.property(pieces('a', 'Z', '0', '.', '_', '+', '-', '/', ' ', '..', 'é'), (s) => {
        const ok = VolumeFileName.safeParse(s).success;
        expect(ok).toBe(s.length > 0 && !/[/\sé]/.test(s) && /^[A-Za-z0-9]/.test(s));
        if (ok) expect(ObjectName.safeParse(s).success).toBe(true);
      }),
    );
  });

  it('tree paths never start with "/" nor climb out with ".."; absolute paths start with "/" and hold no control characters', () => {
    fc.assert(
      fc.property(pieces('a', '0', '/', '.', '..', ' ', '+', '\n'), (s) => {
        const tree = TreePath.safeParse(s).success;
        if (tree) {
          expect(s).not.toContain('..');
          expect(s.startsWith('/')).toBe(false);
          expect(s).not.toMatch(/\s/);
        }
        expect(AbsPath.safeParse(s).success).toBe(s.length >= 2 && s.startsWith('/') && !s.includes('\n'));
      }),
    );
  });

  it('host addresses never start with "-" and hold nothing a shell would split or expand', () => {
    fc.assert(
      fc.property(pieces('a', '1', '.', ':', '-', '_', ' ', ';', '$', '`', '|', '(', "'", '\n', 'ä'), (s) => {
        const ok = HostAddress.safeParse(s).success;
        if (ok) {
          expect(s.startsWith('-')).toBe(false);
          expect(s).not.toMatch(/[\s;$`|('ä]/);
        }
        if (s.length > 0 && /^[a-z0-9][a-z0-9.:_-]*$/i.test(s)) expect(ok).toBe(true);
      }),
    );
  });
});
