import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDomainXml, buildVolumeXml, type DomainPlan, rewriteForClone, sourceDisks, sourceNics } from './build';
import { attr, child, children, type Element, parseXml, serializeXml, text } from './dom';
import { parseDomainXml } from './domain';
import { parseDomain } from './parse';

const PLAN: DomainPlan = {
  type: 'qemu',
  name: 'web',
  uuid: '11111111-2222-4333-8444-555555555555',
  osinfoUri: 'http://libosinfo.org/linux/2022',
  memoryMiB: 192,
  vcpus: 1,
  arch: 'x86_64',
  machine: 'pc-q35-7.2',
  emulator: '/usr/bin/qemu-system-x86_64',
  cpu: { mode: 'host-model' },
  windows: false,
  kernel: { kernel: '/boot/vmlinuz', initrd: '/boot/initrd.img', cmdline: 'console=ttyS0 quiet' },
  disks: [{ device: 'disk', type: 'file', path: '/var/lib/libvirt/images/web.qcow2', format: 'qcow2', bus: 'virtio', target: 'vda' }],
  nic: { kind: 'bridge', name: 'br0', mac: '52:54:00:aa:bb:cc', model: 'virtio' },
  graphics: true,
  serial: true,
};

/** The lab's `stopped` guest, as libvirt 9.0 prints its inactive definition (plus a few extras). */
const SOURCE = `<domain type='qemu'>
  <name>stopped</name>
  <uuid>7e570000-0000-4000-8000-000000000003</uuid>
  <description>Vireo lab initial guest (lab.sh)</description>
  <memory unit='KiB'>196608</memory>
  <currentMemory unit='KiB'>196608</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <sysinfo type='smbios'>
    <system>
      <entry name='manufacturer'>Vireo</entry>
      <entry name='uuid'>7e570000-0000-4000-8000-000000000003</entry>
    </system>
  </sysinfo>
  <os>
    <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>
    <kernel>/tmp/vireo-lab/guest/vmlinuz</kernel>
    <initrd>/tmp/vireo-lab/guest/initrd.img</initrd>
    <cmdline>console=ttyS0 quiet panic=-1</cmdline>
    <boot dev='hd'/>
  </os>
  <features>
    <acpi/>
  </features>
  <cpu mode='custom' match='exact' check='none'>
    <model fallback='forbid'>qemu64</model>
  </cpu>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='/var/lib/libvirt/images/stopped.qcow2'/>
      <target dev='vda' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='/var/lib/libvirt/images/debian.iso'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <controller type='usb' index='0' model='qemu-xhci'/>
    <interface type='bridge'>
      <mac address='52:54:00:20:00:03'/>
      <source bridge='labbr0'/>
      <target dev='vnet7'/>
      <model type='virtio'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
    </interface>
    <interface type='network'>
      <mac address='52:54:00:20:00:04'/>
      <source network='default' portgroup='pg1'/>
      <model type='virtio'/>
    </interface>
    <serial type='pty'>
      <log file='/var/log/libvirt/qemu/stopped-serial.log' append='off'/>
      <target type='isa-serial' port='0'/>
    </serial>
    <console type='pty'>
      <log file='/var/log/libvirt/qemu/stopped-serial.log' append='off'/>
      <target type='serial' port='0'/>
    </console>
    <graphics type='vnc' port='5907' autoport='no' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
  </devices>
</domain>`;

const REWRITE = {
  name: 'copy',
  uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  sourceName: 'stopped',
  disks: new Map([
    ['vda', { mode: 'copy' as const, type: 'file' as const, path: '/pool/copy.qcow2' }],
    ['hdc', { mode: 'share' as const }],
  ]),
  nics: [{ mac: '52:54:00:00:00:01' }, { mac: '52:54:00:00:00:02' }],
};

/** Names libvirt accepts: anything but "/" and control characters (and not empty). */
const vmName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter((s) => !s.includes('/') && ![...s].some((c) => c.charCodeAt(0) < 0x20) && s.trim() === s && s.length > 0);

describe('buildDomainXml', () => {
  it('lays out a migration-friendly definition that libvirt’s own parser reads back', () => {
    const xml = buildDomainXml(PLAN);
    const d = parseDomainXml(xml);
    expect(d.disks).toEqual([
      expect.objectContaining({
        target: 'vda',
        cache: 'none',
        format: 'qcow2',
        bus: 'virtio',
        source: '/var/lib/libvirt/images/web.qcow2',
      }),
    ]);
    expect(d.nics).toEqual([{ mac: '52:54:00:aa:bb:cc', type: 'bridge', source: 'br0', model: 'virtio' }]);
    expect(d.cpu.mode).toBe('host-model');
    expect(d.os).toMatchObject({
      machine: 'pc-q35-7.2',
      osinfo: 'http://libosinfo.org/linux/2022',
      kernel: '/boot/vmlinuz',
      cmdline: 'console=ttyS0 quiet',
    });
    expect(d.graphics).toEqual([expect.objectContaining({ type: 'vnc', listen: '127.0.0.1', autoport: true })]);
    expect(d.serial).toEqual([{ type: 'pty', port: 0 }]);
    expect(xml).toContain('\n  <devices>\n');
  });

  it('a CD-ROM is read-only, boots second, and carries no cache mode', () => {
    const xml = buildDomainXml({
      ...PLAN,
      kernel: undefined,
      disks: [
        { ...(PLAN.disks[0] as DomainPlan['disks'][number]), bootOrder: 1 },
        { device: 'cdrom', type: 'file', path: '/isos/x.iso', format: 'raw', bus: 'sata', target: 'sda', bootOrder: 2 },
      ],
    });
    const cd = parseDomainXml(xml).disks[1];
    expect(cd).toMatchObject({ device: 'cdrom', readonly: true, bus: 'sata' });
    expect(cd?.cache).toBeUndefined();
    expect(xml).toMatch(/<boot order="2"\/>/);
  });

  it('a Windows guest gets local time and Hyper-V enlightenments', () => {
    const xml = buildDomainXml({ ...PLAN, windows: true });
    expect(xml).toContain('<clock offset="localtime">');
    expect(xml).toContain('<relaxed state="on"/>');
  });

  it('UEFI by libvirt’s firmware autoselection: secure boot with enrolled keys and SMM, or explicitly without; a TPM 2.0 emulated by swtpm', () => {
    const secure = parseDomain(buildDomainXml({ ...PLAN, uefi: { secureBoot: true }, tpm: 'tpm-crb' }));
    expect(secure.os.firmware).toBe('efi');
    expect(secure.os.firmwareFeatures).toStrictEqual({ 'secure-boot': true, 'enrolled-keys': true });
    expect(secure.tpms).toStrictEqual([{ model: 'tpm-crb', backend: 'emulator', version: '2.0' }]);
    expect(buildDomainXml({ ...PLAN, uefi: { secureBoot: true } })).toContain('<smm state="on"/>');
    const plain = buildDomainXml({ ...PLAN, uefi: { secureBoot: false } });
    expect(parseDomain(plain).os.firmwareFeatures).toStrictEqual({ 'secure-boot': false });
    expect(plain).not.toContain('smm');
    const bios = parseDomain(buildDomainXml(PLAN));
    expect(bios.os.firmware).toBeUndefined();
    expect(bios.tpms).toStrictEqual([]);
  });

  it('any legal name, command line and path is text, never markup (property)', () => {
    fc.assert(
      fc.property(
        vmName,
        fc.string({ maxLength: 60 }).filter((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20)),
        (name, cmdline) => {
          const xml = buildDomainXml({ ...PLAN, name, kernel: { kernel: `/k/${name.replace(/\//g, '')}`, cmdline } });
          const root = parseXml(xml).documentElement as Element;
          expect(text(child(root, 'name'))).toBe(name.trim());
          expect(child(root, 'name')?.textContent).toBe(name);
          expect(child(child(root, 'os'), 'cmdline')?.textContent ?? '').toBe(cmdline);
          // Exactly the elements we built: a name with "<b>" adds none.
          expect(root.getElementsByTagName('b').length).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a name holding a line or paragraph separator (U+2028, U+2029, NEL) reads back unchanged', () => {
    for (const name of ['a\u2028b', 'a\u2029b', 'a\u0085b']) {
      const xml = buildDomainXml({ ...PLAN, name });
      expect(xml).not.toMatch(/[\u0085\u2028\u2029]/);
      expect(child(parseXml(xml).documentElement as Element, 'name')?.textContent).toBe(name);
    }
  });

  it('a volume definition in bytes', () => {
    const v = parseXml(buildVolumeXml({ name: 'a "b" <c>.qcow2', capacity: 67108864, format: 'qcow2' })).documentElement as Element;
    expect(text(child(v, 'name'))).toBe('a "b" <c>.qcow2');
    expect(attr(child(v, 'capacity'), 'unit')).toBe('bytes');
    expect(text(child(v, 'allocation'))).toBe('0');
  });
});

describe('rewriteForClone', () => {
  it('new name, UUID (SMBIOS too), MACs, disk paths and per-VM files; shared disks and the rest untouched', () => {
    const { xml, notes } = rewriteForClone(SOURCE, REWRITE);
    const d = parseDomainXml(xml);
    const root = parseXml(xml).documentElement as Element;
    expect(text(child(root, 'name'))).toBe('copy');
    expect(text(child(root, 'uuid'))).toBe(REWRITE.uuid);
    expect(xml).toContain(`<entry name="uuid">${REWRITE.uuid}</entry>`);
    expect(d.disks.map((x) => x.source)).toEqual(['/pool/copy.qcow2', '/var/lib/libvirt/images/debian.iso']);
    expect(d.nics.map((n) => n.mac)).toEqual(['52:54:00:00:00:01', '52:54:00:00:00:02']);
    expect(d.nics.map((n) => n.target)).toEqual([undefined, undefined]); // the fixed tap name is gone
    expect(xml).toContain('/var/log/libvirt/qemu/copy-serial.log');
    expect(xml).not.toContain('stopped-serial.log');
    expect(d.graphics[0]).toMatchObject({ autoport: true });
    expect(d.graphics[0]?.port).toBeUndefined();
    expect(notes.join(' ')).toMatch(/display port/);
    // Untouched: the kernel boot, description, address elements.
    expect(d.os.cmdline).toBe('console=ttyS0 quiet panic=-1');
    expect(d.description).toBe('Vireo lab initial guest (lab.sh)');
    expect(xml.match(/<address type='pci'/g)?.length ?? xml.match(/<address type="pci"/g)?.length).toBe(2);
  });

  it('detaches disks, drops NICs, moves a NIC between network and bridge, sets the target’s emulator', () => {
    const { xml } = rewriteForClone(SOURCE, {
      ...REWRITE,
      disks: new Map([
        ['vda', { mode: 'copy' as const, type: 'block' as const, path: '/dev/vg/copy' }],
        ['hdc', { mode: 'detach' as const }],
      ]),
      nics: [
        { mac: '52:54:00:00:00:01', target: { kind: 'network' as const, name: 'lan' } },
        { mac: '52:54:00:00:00:02', target: { kind: 'none' as const } },
      ],
      emulator: '/usr/libexec/qemu-kvm',
    });
    const d = parseDomainXml(xml);
    expect(d.disks).toEqual([expect.objectContaining({ target: 'vda', type: 'block', source: '/dev/vg/copy' })]);
    expect(d.nics).toEqual([expect.objectContaining({ type: 'network', source: 'lan', mac: '52:54:00:00:00:01' })]);
    const src = child(children(child(parseXml(xml).documentElement, 'devices') as Element, 'interface')[0], 'source');
    expect(attr(src, 'bridge')).toBeUndefined();
    expect(xml).toContain('<emulator>/usr/libexec/qemu-kvm</emulator>');
  });

  it('empties a UEFI variable store path so the clone gets its own', () => {
    const uefi = SOURCE.replace(
      "<boot dev='hd'/>",
      "<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader><nvram template='/usr/share/OVMF/OVMF_VARS.fd'>/var/lib/libvirt/qemu/nvram/stopped_VARS.fd</nvram>",
    );
    const { xml, notes } = rewriteForClone(uefi, REWRITE);
    expect(xml).toMatch(
      /<nvram template="\/usr\/share\/OVMF\/OVMF_VARS.fd"\/>|<nvram template="\/usr\/share\/OVMF\/OVMF_VARS.fd"><\/nvram>/,
    );
    expect(notes.join(' ')).toMatch(/UEFI/);
  });

  it('reads the disks and NICs it will rewrite', () => {
    expect(sourceDisks(SOURCE).map((d) => [d.target, d.device, d.path, d.readonly])).toEqual([
      ['vda', 'disk', '/var/lib/libvirt/images/stopped.qcow2', false],
      ['hdc', 'cdrom', '/var/lib/libvirt/images/debian.iso', true],
    ]);
    expect(sourceNics(SOURCE)).toEqual([
      { mac: '52:54:00:20:00:03', type: 'bridge', source: 'labbr0', model: 'virtio' },
      { mac: '52:54:00:20:00:04', type: 'network', source: 'default', model: 'virtio' },
    ]);
  });

  // Elements and attributes Vireo does not know, at random places, must come out exactly as they went in.
  const KNOWN = new Set(
    'name uuid mac source target log nvram emulator disk interface graphics backingStore genid entry system sysinfo devices os features serial console channel parallel controller cpu memory vcpu clock metadata description title address driver model readonly shareable boot type kernel cmdline initrd loader listen host'.split(
      ' ',
    ),
  );
  const tagName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/).filter((t) => !KNOWN.has(t));
  const attrValue = fc.string({ maxLength: 20 }).filter((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 && c !== '\t'));
  const unknown = fc.record({
    tag: tagName,
    attrs: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/), attrValue, { maxKeys: 3 }),
    text: fc.option(
      fc.string({ maxLength: 30 }).filter((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20)),
      { nil: undefined },
    ),
    where: fc.constantFrom('domain', 'devices', 'disk', 'interface', 'os', 'features', 'serial', 'graphics'),
  });

  it('keeps every unknown element, attribute and text where it was (property)', () => {
    fc.assert(
      fc.property(fc.array(unknown, { minLength: 1, maxLength: 8 }), vmName, (extras, name) => {
        const doc = parseXml(SOURCE);
        const root = doc.documentElement as Element;
        const probes = new Map<string, { parent: string; xml: string }>();
        extras.forEach((x, i) => {
          const parent = x.where === 'domain' ? root : (root.getElementsByTagName(x.where)[0] as Element);
          const e = doc.createElement(x.tag);
          for (const [k, v] of Object.entries(x.attrs)) if (k !== 'probe') e.setAttribute(k, v);
          e.setAttribute('probe', String(i));
          if (x.text !== undefined) e.textContent = x.text;
          // Somewhere among the parent's children.
          const kids = parent.childNodes;
          parent.insertBefore(e, kids.item(i % (kids.length + 1)) ?? null);
          probes.set(String(i), { parent: x.where, xml: serializeXml(e as never) });
        });
        // A random unknown attribute on known elements, too.
        (root.getElementsByTagName('disk')[0] as Element).setAttribute('xvendor', name);
        const { xml } = rewriteForClone(serializeXml(doc), { ...REWRITE, name });
        const out = parseXml(xml).documentElement as Element;
        const all = out.getElementsByTagName('*');
        const found = new Map<string, Element>();
        for (let k = 0; k < all.length; k++) {
          const e = all.item(k) as Element;
          const p = attr(e, 'probe');
          if (p !== undefined) found.set(p, e);
        }
        expect(found.size).toBe(probes.size);
        for (const [id, want] of probes) {
          const e = found.get(id) as Element;
          expect((e.parentNode as Element).tagName).toBe(want.parent);
          expect(serializeXml(e as never)).toBe(want.xml);
        }
        expect(attr(out.getElementsByTagName('disk')[0] as Element, 'xvendor')).toBe(name);
        // …and the rewrite still did its job around them.
        expect(sourceDisks(xml).map((d) => d.path)).toEqual(['/pool/copy.qcow2', '/var/lib/libvirt/images/debian.iso']);
        expect(sourceNics(xml).map((n) => n.mac)).toEqual(['52:54:00:00:00:01', '52:54:00:00:00:02']);
        expect(text(child(out, 'name'))).toBe(name.trim());
        expect(child(out, 'name')?.textContent).toBe(name);
      }),
      { numRuns: 200 },
    );
  });

  it('changes nothing but what it must (property: same elements, same order, except the rewritten ones)', () => {
    fc.assert(
      fc.property(vmName, (name) => {
        const { xml } = rewriteForClone(SOURCE, {
          ...REWRITE,
          name,
          disks: new Map(),
          nics: [{ mac: '52:54:00:20:00:03' }, { mac: '52:54:00:20:00:04' }],
        });
        const tags = (s: string) => {
          const all = (parseXml(s).documentElement as Element).getElementsByTagName('*');
          return Array.from({ length: all.length }, (_, k) => (all.item(k) as Element).tagName).filter((t) => t !== 'target');
        };
        // Only the interface's fixed tap <target> went away.
        expect(tags(xml)).toEqual(tags(SOURCE));
      }),
      { numRuns: 100 },
    );
  });
});
