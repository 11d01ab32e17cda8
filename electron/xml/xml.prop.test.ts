/**
 * Issue 11, property tests of our libvirt XML handling (fast-check): a domain definition from a
 * host, with elements and attributes Vireo has never heard of (hostile text included), keeps every
 * one of them through parse → edit → serialize; random XML-ish input never crashes a reader or an
 * edit with anything but a clear error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { serialDevicesOf, withSerialConsole } from '../services/console';
import { disksOf, usbControllerOf, usbDevicesOf } from '../services/usb';
import { vncTargetOf } from '../services/vnc';
import { rewriteForClone, sourceDisks, sourceNics } from './build';
import { children, type Element, parseXml, serializeXml } from './dom';
import { parseDomainXml } from './domain';

/** The lab's `stopped` guest as libvirt 9 returns it (dumpxml --inactive). */
const BASE = `<domain type='qemu'>
  <name>stopped</name>
  <uuid>7e570000-0000-4000-8000-000000000003</uuid>
  <description>Vireo lab initial guest (lab.sh)</description>
  <memory unit='KiB'>196608</memory>
  <currentMemory unit='KiB'>196608</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>
    <kernel>/tmp/vireo-lab/guest/vmlinuz</kernel>
    <boot dev='hd'/>
  </os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='/var/lib/libvirt/images/stopped.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <controller type='usb' index='0' model='qemu-xhci'/>
    <interface type='bridge'>
      <mac address='52:54:00:20:00:03'/>
      <source bridge='labbr0'/>
      <model type='virtio'/>
    </interface>
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
  </devices>
</domain>`;

/** Where unknown elements go: the root, <os>, <devices>, a <disk>, an <interface>. */
const SLOTS = ['domain', 'os', 'devices', 'disk', 'interface'] as const;
type Slot = (typeof SLOTS)[number];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

// Text an admin (or an attacker naming things) could put in a definition: quotes, markup, shell,
// RTL, emoji, astral characters. XML 1.0 forbids most control characters; we keep to legal ones.
const hostileText = fc.oneof(
  fc.constantFrom(`"q" 'a'`, '<b>&amp;</b>', '$(id); `id`', 'שלום', '\u202Eevil', '🦜🖥️', 'a\tb', ']]>', '&#x1F99C;', 'x'.repeat(300)),
  // XML 1.0 forbids control characters other than tab, LF and CR (and U+FFFE/U+FFFF).
  fc
    .string({ unit: 'grapheme', maxLength: 30 })
    .map((s) => [...s].filter((c) => !((c < ' ' && !'\t\n\r'.includes(c)) || c === '\ufffe' || c === '\uffff')).join('')),
);
const unknownName = fc.constantFrom(
  'vireo-unknown',
  'x-future',
  'qemu:commandline',
  'acpi-extra',
  'metadata2',
  'zzz',
  'launchSecurity2',
  'ns0:item',
);

interface Unknown {
  name: string;
  attrs: [string, string][];
  text: string;
  kids: Unknown[];
}
const leafEl = (kids: fc.Arbitrary<Unknown[]>): fc.Arbitrary<Unknown> =>
  fc.record({
    name: unknownName,
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b-c', 'mode', 'x:y', 'data_1'), hostileText), {
      maxLength: 3,
      selector: ([k]) => k,
    }),
    text: hostileText,
    kids,
  });
/** Up to three levels deep, a few children each. */
const unknownEl: fc.Arbitrary<Unknown> = leafEl(fc.array(leafEl(fc.array(leafEl(fc.constant([])), { maxLength: 2 })), { maxLength: 2 }));

function render(u: Unknown, top = true): string {
  // Prefixed names need their namespace declared; a top-level element declares all we use.
  const ns = top ? ` xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0" xmlns:ns0="urn:x-vireo-test" xmlns:x="urn:x-x"` : '';
  const attrs = u.attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<${u.name}${ns}${attrs}>${esc(u.text)}${u.kids.map((k) => render(k, false)).join('')}</${u.name}>`;
}

/** The base definition with unknown elements appended at their slots. */
function withUnknowns(extra: [Slot, Unknown][]): string {
  const doc = parseXml(BASE);
  const root = doc.documentElement as Element;
  const at: Record<Slot, Element> = {
    domain: root,
    os: children(root, 'os')[0] as Element,
    devices: children(root, 'devices')[0] as Element,
    disk: children(children(root, 'devices')[0] as Element, 'disk')[0] as Element,
    interface: children(children(root, 'devices')[0] as Element, 'interface')[0] as Element,
  };
  for (const [slot, u] of extra) {
    const frag = parseXml(render(u)).documentElement as Element;
    at[slot].appendChild(doc.importNode(frag, true));
  }
  return serializeXml(doc);
}

/** Each unknown element of a serialized definition, serialized on its own. */
function unknownsOf(xml: string): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (/^(vireo-unknown|x-future|qemu:commandline|acpi-extra|metadata2|zzz|launchSecurity2|ns0:item)$/.test(e.tagName)) {
        const clone = e.cloneNode(true) as Element;
        // Namespace declarations may be inherited: compare the element's own content.
        out.push(serializeXml(clone as never).replace(/ xmlns:[a-z0-9]+="[^"]*"/g, ''));
      } else walk(e);
    }
  };
  walk(parseXml(xml).documentElement as Element);
  return out.sort();
}

const placed = fc.array(fc.tuple(fc.constantFrom(...SLOTS), unknownEl), { minLength: 1, maxLength: 6 });

describe('unknown elements survive our edits (issue 11)', { timeout: 60_000 }, () => {
  it('parse → serialize is stable and keeps every unknown element and attribute', () => {
    fc.assert(
      fc.property(placed, (extra) => {
        const xml = withUnknowns(extra);
        const once = serializeXml(parseXml(xml));
        expect(serializeXml(parseXml(once))).toBe(once);
        expect(unknownsOf(once)).toEqual(unknownsOf(xml));
        expect(unknownsOf(once)).toHaveLength(extra.length);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a serial console changes only <devices> additions', () => {
    fc.assert(
      fc.property(placed, (extra) => {
        const xml = withUnknowns(extra);
        const { xml: out, changed } = withSerialConsole(xml);
        expect(changed).toBe(true);
        expect(unknownsOf(out)).toEqual(unknownsOf(xml));
        expect(serialDevicesOf(out)).toEqual([{ type: 'pty', port: 0 }]);
        // Applying it again is a no-op.
        const again = withSerialConsole(out);
        expect(again.changed).toBe(false);
        expect(again.xml).toBe(out);
      }),
      { numRuns: 200 },
    );
  });

  it('rewriting for a clone keeps unknown elements, and hostile names are escaped, not injected', () => {
    fc.assert(
      fc.property(
        placed,
        hostileText.filter((s) => s.trim().length > 0),
        (extra, name) => {
          const xml = withUnknowns(extra);
          const { xml: out } = rewriteForClone(xml, {
            name,
            uuid: '0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5',
            sourceName: 'stopped',
            disks: new Map([['vda', { mode: 'copy', type: 'file', path: `/var/lib/libvirt/images/${name}.qcow2` }]]),
            nics: [{ mac: '52:54:00:aa:bb:cc', target: { kind: 'network', name } }],
          });
          expect(unknownsOf(out)).toEqual(unknownsOf(xml));
          const parsed = parseDomainXml(out);
          const root = parseXml(out).documentElement as Element;
          expect(children(root, 'name')[0]?.textContent).toBe(name);
          expect(parsed.disks[0]?.source).toBe(`/var/lib/libvirt/images/${name}.qcow2`);
          expect(parsed.nics[0]).toMatchObject({ mac: '52:54:00:aa:bb:cc', type: 'network', source: name });
          // The name did not become markup: still exactly one <name>, one <devices>.
          expect(children(root, 'name')).toHaveLength(1);
          expect(children(root, 'devices')).toHaveLength(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the readers see the same disks and NICs with unknown elements around them', () => {
    const plain = { disks: sourceDisks(BASE), nics: sourceNics(BASE), parsed: parseDomainXml(BASE) };
    fc.assert(
      fc.property(placed, (extra) => {
        const xml = withUnknowns(extra);
        expect(sourceDisks(xml)).toEqual(plain.disks);
        expect(sourceNics(xml)).toEqual(plain.nics);
        const p = parseDomainXml(xml);
        expect(p.disks).toEqual(plain.parsed.disks);
        expect(p.nics).toEqual(plain.parsed.nics);
        expect(p.memory).toEqual(plain.parsed.memory);
      }),
      { numRuns: 100 },
    );
  });
});

/** Readers and edits that take XML from a host. */
const READERS: [string, (xml: string) => unknown][] = [
  ['parseDomainXml', parseDomainXml],
  ['sourceDisks', sourceDisks],
  ['sourceNics', sourceNics],
  ['serialDevicesOf', serialDevicesOf],
  ['withSerialConsole', withSerialConsole],
  ['usbDevicesOf', usbDevicesOf],
  ['usbControllerOf', usbControllerOf],
  ['disksOf', disksOf],
  ['vncTargetOf', vncTargetOf],
  [
    'rewriteForClone',
    (x) =>
      rewriteForClone(x, {
        name: 'c',
        uuid: '0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5',
        sourceName: 's',
        disks: new Map([['vda', { mode: 'detach' }]]),
        nics: [{ mac: '52:54:00:aa:bb:cc' }],
      }),
  ],
];

/** A clear error: ours (AppError), or an Error whose message says what was wrong; never a TypeError from deep inside. */
function expectClear(err: unknown, what: string): void {
  expect(err, what).toBeInstanceOf(Error);
  const e = err as Error;
  expect(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError'], `${what}: ${e.name}: ${e.message}`).not.toContain(e.name);
  expect(e.message.length, what).toBeGreaterThan(0);
}

// Mutations of real definitions: cut, duplicated, tags swapped, attributes dropped.
const xmlish = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(fc.nat(BASE.length), fc.nat(BASE.length)).map(([a, b]) => BASE.slice(0, Math.min(a, b)) + BASE.slice(Math.max(a, b))),
  fc
    .tuple(
      fc.nat(BASE.length),
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        '</devices>',
        '<disk>',
        '<!DOCTYPE x [<!ENTITY e "e">]>',
        '<?xml version="1.0"?>',
        '\u0000',
        ']]>',
      ),
    )
    .map(([at, s]) => BASE.slice(0, at) + s + BASE.slice(at)),
  fc.constantFrom(
    '',
    '<domain/>',
    '<domain><devices/></domain>',
    '<domain><devices><disk/><interface/><graphics/><serial/><console/><hostdev type="usb"/></devices></domain>',
    '<domain><devices><disk><source/><target/></disk></devices></domain>',
    '<pool/>',
    '<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><domain><name>&b;</name></domain>',
    '<domain xmlns="urn:other"><devices/></domain>',
  ),
);

describe('XML-ish input never crashes a reader or an edit (issue 11)', { timeout: 60_000 }, () => {
  it('parseXml either parses or throws an AppError("xml") naming what it read', () => {
    fc.assert(
      fc.property(xmlish, (s) => {
        try {
          const doc = parseXml(s, 'the domain XML');
          expect(doc.documentElement).toBeTruthy();
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('xml');
          expect((err as AppError).message).toMatch(/^Cannot parse the domain XML/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  for (const [name, fn] of READERS) {
    it(`${name}: returns or fails with a clear error on random and mutated definitions`, () => {
      fc.assert(
        fc.property(xmlish, (s) => {
          try {
            fn(s);
          } catch (err) {
            expectClear(err, `${name}(${JSON.stringify(s.slice(0, 80))})`);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
