/**
 * The install's pure plan from facts captured in the lab: disks and their buses, targets and boot
 * order, the new volume, the NIC and its MAC, the downloads of a network install, the defaults
 * chosen and why, the warnings, the exact definitions and the preview.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { InstallSpec } from '../../../shared/api';
import { buildDomainXml } from '../../xml/build';
import type { InstallFacts } from './facts';
import { BOOT_DIR, type InstallPlan, installPreview, planInstall, WHY, withVolumePath } from './plan';
import { installScenario, macSequence } from './scenario.fixture';
import { treeCandidates, treeLayout, urlJoin } from './tree';

function plan(name: string) {
  const s = installScenario(name);
  return { ...s, plan: planInstall(s.facts, s.spec, macSequence()) };
}
const DEFAULTS = ['Disk cache', 'CPU', 'Disk and NIC', 'Machine type', 'Acceleration', 'Serial console', 'Display', 'Guest agent channel'];

describe('install plan: kernel + initrd with a new disk', () => {
  // Planned in beforeEach, not while the file is collected: a mutation test activates its mutant per test.
  let p: InstallPlan;
  let facts: InstallFacts;
  let spec: InstallSpec;
  beforeEach(() => {
    ({ plan: p, facts, spec } = plan('kernel'));
  });

  it('a new qcow2 volume in the pool, sized in bytes, at the pool’s path; a virtio disk with no boot order (the kernel boots)', () => {
    expect({ ...p.newVolume, poolRef: p.newVolume?.poolRef.name }).toEqual({
      pool: 'default',
      name: 't-capt-inst.qcow2',
      capacity: 64 * 1024 * 1024,
      format: 'qcow2',
      poolRef: 'default',
      path: '/var/lib/libvirt/images/t-capt-inst.qcow2',
    });
    expect(p.final.disks).toEqual([
      { device: 'disk', type: 'file', path: '/var/lib/libvirt/images/t-capt-inst.qcow2', format: 'qcow2', bus: 'virtio', target: 'vda' },
    ]);
    expect(p.final.kernel).toEqual({
      kernel: spec.source.kind === 'kernel' ? spec.source.kernel : '',
      initrd: expect.stringMatching(/initrd.img$/),
      cmdline: 'console=ttyS0 panic=-1',
    });
    expect(p.firstBoot).toBeUndefined();
    expect(p.downloads).toEqual([]);
  });

  it('the hypervisor’s defaults, a virtio NIC with a MAC the host does not use, the VM as asked', () => {
    const h = facts.hypervisor;
    expect(p.final).toMatchObject({
      type: 'qemu',
      name: 't-capt-inst',
      uuid: facts.uuid,
      osinfoUri: 'http://libosinfo.org/linux/2022',
      memoryMiB: 192,
      vcpus: 1,
      arch: h?.arch,
      machine: h?.machine,
      emulator: h?.emulator,
      cpu: h?.cpu,
      windows: false,
      nic: { kind: 'bridge', name: 'labbr0', mac: '52:54:00:bb:00:00', model: 'virtio' },
      graphics: true,
      serial: true,
      agentChannel: true,
    });
    // The guest agent's channel by default, said why on the review page.
    expect(buildDomainXml(p.final)).toMatch(/<channel type="unix">\s*<target type="virtio" name="org\.qemu\.guest_agent\.0"\/>/);
    expect(p.mac).toBe('52:54:00:bb:00:00');
    expect(p.defaults.map((d) => d.setting)).toEqual(DEFAULTS);
    expect(p.defaults.find((d) => d.setting === 'Acceleration')).toEqual({
      setting: 'Acceleration',
      value: 'QEMU software emulation (TCG)',
      why: WHY.tcg,
    });
    expect(p.defaults.find((d) => d.setting === 'CPU')).toEqual({ setting: 'CPU', value: 'host-model', why: WHY.hostModel });
    expect(p.warnings).toEqual([]);
    expect(p).toMatchObject({ hostId: facts.hostId, label: 'lab-a', name: 't-capt-inst', uuid: facts.uuid, start: true });
  });

  it('a MAC the host uses is drawn again; a MAC the admin reviewed is kept', () => {
    const used = { ...facts, macs: [...facts.macs, '52:54:00:bb:00:00', '52:54:00:bb:00:01'] };
    expect(planInstall(used, spec, macSequence()).mac).toBe('52:54:00:bb:00:02');
    expect(planInstall(used, { ...spec, mac: '52:54:00:7e:57:07' }, macSequence()).mac).toBe('52:54:00:7e:57:07');
  });

  it('the preview: the redacted definition, the volume, the defaults, the console hint for a kernel', () => {
    const pv = installPreview(p);
    expect(pv.xml).toContain('<name>t-capt-inst</name>');
    expect(pv.xml).toMatch(/cache=["']none["']/);
    expect(pv.firstBootXml).toBeUndefined();
    expect(pv).toMatchObject({ uuid: facts.uuid, mac: '52:54:00:bb:00:00', warnings: [], defaults: p.defaults });
    expect(pv.volumes).toEqual([
      {
        pool: 'default',
        name: 't-capt-inst.qcow2',
        path: '/var/lib/libvirt/images/t-capt-inst.qcow2',
        capacity: 67108864,
        format: 'qcow2',
      },
    ]);
    expect(pv.consoleHint).toBe('The command line above must include console=ttyS0 for the kernel to print on the serial console.');
  });

  it('the new volume’s real path replaces the planned one in the definitions', () => {
    expect(withVolumePath(p, p.newVolume?.path ?? '').final).toBe(p.final);
    const moved = withVolumePath(p, '/elsewhere/d.qcow2');
    expect(moved.final.disks[0]?.path).toBe('/elsewhere/d.qcow2');
    expect(moved.firstBoot).toBeUndefined();
    expect(p.final.disks[0]?.path).toBe('/var/lib/libvirt/images/t-capt-inst.qcow2');
  });
});

describe('install plan: ISO, import, existing disk', () => {
  it('an ISO with a Windows variant: SATA disk booted first, the ISO a read-only CD-ROM booted second, an e1000e NIC, no serial', () => {
    const { plan: p } = plan('iso');
    expect(p.final.disks).toEqual([
      {
        device: 'disk',
        type: 'file',
        path: '/var/lib/libvirt/images/t-capt-inst.qcow2',
        format: 'qcow2',
        bus: 'sata',
        target: 'sda',
        bootOrder: 1,
      },
      {
        device: 'cdrom',
        type: 'file',
        path: '/var/lib/libvirt/images/t-capt.iso',
        format: 'raw',
        bus: 'sata',
        target: 'sdb',
        readonly: true,
        bootOrder: 2,
      },
    ]);
    expect(p.final).toMatchObject({ windows: true, nic: { model: 'e1000e' }, serial: false });
    expect(p.warnings).toEqual([]);
    expect(p.defaults.map((d) => [d.setting, d.value])).toContainEqual(['Disk and NIC', 'SATA disk, e1000e NIC']);
    expect(p.defaults.find((d) => d.setting === 'Disk and NIC')?.why).toBe(WHY.noVirtio);
    expect(p.defaults.map((d) => d.setting)).not.toContain('Serial console');
    expect(installPreview(p).consoleHint).toMatch(/^For a serial console, the installed system’s kernel needs console=ttyS0/);
    expect(p.start).toBe(false);
  });

  it('an ISO alone: booted first, no disk cache default, no NIC, and a warning', () => {
    const { plan: p } = plan('iso-only');
    expect(p.final.disks).toEqual([
      {
        device: 'cdrom',
        type: 'file',
        path: '/var/lib/libvirt/images/t-capt.iso',
        format: 'raw',
        bus: 'sata',
        target: 'sda',
        readonly: true,
        bootOrder: 1,
      },
    ]);
    expect(p.final.nic).toBeUndefined();
    expect(p.mac).toBeUndefined();
    expect(p.defaults.map((d) => d.setting)).toEqual(DEFAULTS.slice(1));
    expect(p.warnings).toEqual(['No disk to install onto: the VM boots the ISO only.']);
    expect(installPreview(p).volumes).toEqual([]);
  });

  it('an imported image: used in place with its format, booted first, no new volume', () => {
    const { plan: p } = plan('import');
    expect(p.final.disks).toEqual([
      {
        device: 'disk',
        type: 'file',
        path: '/var/lib/libvirt/images/t-capt-import.qcow2',
        format: 'qcow2',
        bus: 'virtio',
        target: 'vda',
        bootOrder: 1,
      },
    ]);
    expect(p.newVolume).toBeUndefined();
  });

  it('an existing disk under a kernel boot: no boot order; a block volume is a block disk; no format means raw', () => {
    const s = installScenario('existing-disk');
    const p = planInstall(s.facts, s.spec, macSequence());
    expect(p.final.disks).toEqual([
      { device: 'disk', type: 'file', path: '/var/lib/libvirt/images/t-capt-import.qcow2', format: 'qcow2', bus: 'virtio', target: 'vda' },
    ]);
    const block = {
      ...s.facts,
      pools: s.facts.pools.map((x) =>
        x.status === 'running' ? { ...x, volumes: x.volumes.map((v) => ({ ...v, vol: { path: '/dev/vg0/d', type: 'block' } })) } : x,
      ),
    };
    expect(planInstall(block, s.spec, macSequence()).final.disks[0]).toMatchObject({ type: 'block', path: '/dev/vg0/d', format: 'raw' });
  });

  it('a new disk in a logical pool is a block disk', () => {
    const s = installScenario('kernel');
    const lvm = { ...s.facts, pools: s.facts.pools.map((x) => (x.status === 'running' ? { ...x, type: 'logical', path: '/dev/vg0' } : x)) };
    expect(planInstall(lvm, s.spec, macSequence()).final.disks[0]).toMatchObject({ type: 'block', path: '/dev/vg0/t-capt-inst.qcow2' });
  });

  it('buses on a machine without q35: IDE for the CD-ROM (hdX), and for the disk of an OS without virtio', () => {
    const s = installScenario('iso');
    const pc = { ...s.facts, hypervisor: s.facts.hypervisor && { ...s.facts.hypervisor, machine: 'pc-i440fx-7.2' } };
    expect(planInstall(pc, s.spec, macSequence()).final.disks.map((d) => [d.bus, d.target])).toEqual([
      ['ide', 'hda'],
      ['ide', 'hdb'],
    ]);
    expect(planInstall(pc, { ...s.spec, osVariant: 'linux2022' }, macSequence()).final.disks.map((d) => [d.bus, d.target])).toEqual([
      ['virtio', 'vda'],
      ['ide', 'hda'],
    ]);
  });
});

describe('install plan: defaults from the hypervisor', () => {
  it('KVM when asked and offered; a custom CPU model when host-model is not supported', () => {
    const { plan: p } = plan('kvm');
    expect(p.final.type).toBe('kvm');
    expect(p.defaults.find((d) => d.setting === 'Acceleration')).toEqual({ setting: 'Acceleration', value: 'KVM', why: WHY.kvm });
    const s = installScenario('kvm');
    const custom = {
      ...s.facts,
      hypervisor: s.facts.hypervisor && { ...s.facts.hypervisor, cpu: { mode: 'custom' as const, model: 'qemu64' } },
    };
    expect(planInstall(custom, s.spec, macSequence()).defaults.find((d) => d.setting === 'CPU')).toEqual({
      setting: 'CPU',
      value: 'custom (qemu64)',
      why: WHY.customCpu,
    });
  });

  it('no display, no serial: neither default listed', () => {
    const s = installScenario('kernel');
    const p = planInstall(s.facts, { ...s.spec, graphics: false, serial: false }, macSequence());
    expect(p.defaults.map((d) => d.setting)).toEqual([...DEFAULTS.slice(0, 5), 'Guest agent channel']);
    expect(p.final).toMatchObject({ graphics: false, serial: false });
  });

  it('an OS id the host does not list: a generic variant of its family', () => {
    const s = installScenario('kernel');
    expect(planInstall(s.facts, { ...s.spec, osVariant: 'win2099' }, macSequence()).final.windows).toBe(true);
  });

  it('refuses facts whose hypervisor refused the spec, or whose volumes did not pass the checks', () => {
    const s = installScenario('kernel');
    expect(() => planInstall({ ...s.facts, hypervisor: null }, s.spec, macSequence())).toThrow(/hypervisor refused/);
    expect(() => planInstall({ ...s.facts, pools: [{ name: 'default', status: 'inactive' }] }, s.spec, macSequence())).toThrow(
      /did not pass the checks/,
    );
    const m = installScenario('missing-volumes');
    expect(() => planInstall(m.facts, m.spec, macSequence())).toThrow(/did not pass the checks/);
  });
});

describe('install plan: warnings', () => {
  it('a raw disk bigger than the pool’s room; a bridge the host lacks', () => {
    expect(plan('no-room').plan.warnings).toEqual([
      'The pool tcapt-small has 1 MiB free, less than the disk’s size.',
      'lab-a has no bridge tcaptbr9: the VM will not start.',
    ]);
  });

  it('a qcow2 disk bigger than the room is not warned about (it grows as written); a raw one that fits is not either', () => {
    const s = installScenario('no-room');
    expect(
      planInstall(s.facts, { ...s.spec, disk: { ...s.spec.disk, format: 'qcow2' } as typeof s.spec.disk }, macSequence()).warnings,
    ).toEqual(['lab-a has no bridge tcaptbr9: the VM will not start.']);
    expect(planInstall(s.facts, { ...s.spec, disk: { ...s.spec.disk, sizeMiB: 1 } as typeof s.spec.disk }, macSequence()).warnings).toEqual(
      ['lab-a has no bridge tcaptbr9: the VM will not start.'],
    );
  });

  it('a network that is not running; a kernel the host cannot read; no console=ttyS0 on the command line', () => {
    expect(plan('existing-disk').plan.warnings).toEqual([
      'The network default is not running on lab-a: start it before the VM (virsh net-start).',
      '/nonexistent/t-capt/vmlinuz is not readable on lab-a: the VM will not start.',
      'The command line has no console=ttyS0: the serial console will stay silent.',
    ]);
    const s = installScenario('existing-disk');
    expect(planInstall(s.facts, { ...s.spec, serial: false }, macSequence()).warnings).not.toContain(
      'The command line has no console=ttyS0: the serial console will stay silent.',
    );
  });

  it('an initrd the host cannot read is named too', () => {
    const s = installScenario('kernel');
    expect(planInstall({ ...s.facts, readable: s.facts.readable.slice(0, 1) }, s.spec, macSequence()).warnings).toEqual([
      `${s.facts.readable[1]} is not readable on lab-a: the VM will not start.`,
    ]);
  });
});

describe('install plan: a network install', () => {
  let p: InstallPlan;
  let facts: InstallFacts;
  let base: string;
  beforeEach(() => {
    ({ plan: p, facts } = plan('url'));
    base = p.downloads[0]?.url.replace(/vmlinuz$/, '') ?? '';
  });

  it('fetches the layout the host found into the boot directory, named after the VM and its UUID', () => {
    const tag = `t-capt-inst-${facts.uuid.slice(0, 8)}`;
    expect(p.downloads).toEqual([
      { url: `${base}vmlinuz`, dest: `${BOOT_DIR}/vireo-${tag}-kernel` },
      { url: `${base}initrd.img`, dest: `${BOOT_DIR}/vireo-${tag}-initrd` },
    ]);
    expect(facts.treeUrls).toEqual([`${base}vmlinuz`, `${base}initrd.img`]);
  });

  it('boots the fetched kernel once (console=ttyS0 added), then from the disk', () => {
    expect(p.firstBoot?.kernel).toEqual({ kernel: p.downloads[0]?.dest, initrd: p.downloads[1]?.dest, cmdline: 'panic=-1 console=ttyS0' });
    expect(p.firstBoot?.disks.map((d) => d.bootOrder)).toEqual([undefined]);
    expect(p.final.kernel).toBeUndefined();
    expect(p.final.disks.map((d) => d.bootOrder)).toEqual([1]);
    const pv = installPreview(p);
    expect(pv.firstBootXml).toContain('<kernel>');
    expect(pv.xml).not.toContain('<kernel>');
  });

  it('a moved volume path is fixed in both definitions', () => {
    const moved = withVolumePath(p, '/elsewhere/x.qcow2');
    expect([moved.final.disks[0]?.path, moved.firstBoot?.disks[0]?.path]).toEqual(['/elsewhere/x.qcow2', '/elsewhere/x.qcow2']);
  });

  it('a tree with no installer the host finds: the first layout, its own cmdline, and a warning', () => {
    const e = plan('url-empty').plan;
    expect(e.warnings).toEqual([
      expect.stringMatching(
        /^lab-a found no installer kernel \+ initrd under http:\/\/.*\/empty \(tried images\/pxeboot\/vmlinuz, .*, vmlinuz\): give their paths in the tree\.$/,
      ),
    ]);
    expect(e.downloads[0]?.url).toMatch(/\/empty\/images\/pxeboot\/vmlinuz$/);
    expect(e.firstBoot?.kernel?.cmdline).toMatch(/^inst\.repo=http:\/\/\S+\/empty console=ttyS0$/);
  });

  it('a console= already given is kept; no serial console: none added', () => {
    const s = installScenario('url');
    const src = s.spec.source.kind === 'url' ? s.spec.source : undefined;
    if (!src) throw new Error('not a url source');
    expect(planInstall(s.facts, { ...s.spec, source: { ...src, cmdline: 'console=tty0' } }, macSequence()).firstBoot?.kernel?.cmdline).toBe(
      'console=tty0',
    );
    expect(
      planInstall(s.facts, { ...s.spec, source: { ...src, cmdline: '' }, serial: false }, macSequence()).firstBoot?.kernel,
    ).not.toHaveProperty('cmdline');
  });
});

describe('install tree layouts', () => {
  const src = { kind: 'url' as const, url: 'http://h/t', cmdline: '' };

  it('joins a path under the tree whether or not the URL ends with /', () => {
    expect(urlJoin('http://h/t', 'a/b')).toBe('http://h/t/a/b');
    expect(urlJoin('http://h/t/', 'a/b')).toBe('http://h/t/a/b');
  });

  it('paths given: used as they are, no probe needed; one given: the other’s usual name', () => {
    expect(treeLayout({ ...src, kernel: 'k', initrd: 'i' }, [], 'h')).toEqual({ layout: { kernel: 'k', initrd: 'i' } });
    expect(treeCandidates({ ...src, kernel: 'k' })).toEqual([{ kernel: 'k', initrd: 'initrd.img' }]);
    expect(treeCandidates({ ...src, initrd: 'i' })).toEqual([{ kernel: 'vmlinuz', initrd: 'i' }]);
    expect(treeCandidates(src).length).toBe(5);
  });

  it('the first known layout whose kernel and initrd both answered, with its command line', () => {
    const answered = ['http://h/t/linux', 'http://h/t/boot/x86_64/loader/linux', 'http://h/t/boot/x86_64/loader/initrd'];
    const r = treeLayout(src, answered, 'h');
    expect(r.warning).toBeUndefined();
    expect(r.layout.kernel).toBe('boot/x86_64/loader/linux');
    expect(r.layout.cmdline?.('U')).toBe('install=U');
    expect(treeLayout(src, ['http://h/t/linux'], 'h').warning).toMatch(/^h found no installer/);
  });
});
