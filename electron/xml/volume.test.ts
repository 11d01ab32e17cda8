// Volume XML: what buildVolumeXml writes (libvirt 9 in the lab accepted exactly these — see
// fixtures/capture.sh) and what parseVolume reads from libvirt's answer.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml } from './dom';
import { buildVolumeXml, parseVolume } from './volume';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe('buildVolumeXml', () => {
  it('a qcow2 overlay on a base image', () => {
    expect(
      buildVolumeXml({
        name: 'xmlfix-overlay.qcow2',
        capacity: 16777216,
        format: 'qcow2',
        backingStore: { path: '/var/lib/libvirt/images/xmlfix-base.qcow2', format: 'qcow2' },
      }),
    ).toBe(`<volume>
  <name>xmlfix-overlay.qcow2</name>
  <capacity unit="bytes">16777216</capacity>
  <allocation unit="bytes">0</allocation>
  <target>
    <format type="qcow2"/>
  </target>
  <backingStore>
    <path>/var/lib/libvirt/images/xmlfix-base.qcow2</path>
    <format type="qcow2"/>
  </backingStore>
</volume>
`);
  });

  it('a fully allocated raw volume', () => {
    expect(buildVolumeXml({ name: 'd.raw', capacity: 1048576, allocation: 1048576, format: 'raw' })).toBe(`<volume>
  <name>d.raw</name>
  <capacity unit="bytes">1048576</capacity>
  <allocation unit="bytes">1048576</allocation>
  <target>
    <format type="raw"/>
  </target>
</volume>
`);
  });

  it('any name and path is text, never markup (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (name, path) => {
        const clean = (s: string) =>
          s
            .replace(/[^\t\n\x20-\uD7FF\uE000-\uFFFD]/g, '')
            .replace(/\s+/g, ' ')
            .trim();
        const n = clean(name) || 'n';
        const p = clean(path) || 'p';
        const xml = buildVolumeXml({ name: n, capacity: 1, format: 'qcow2', backingStore: { path: p, format: 'raw' } });
        expect(parseVolume(xml)).toEqual({ name: n, format: 'qcow2', backingStore: { path: p, format: 'raw' } });
        expect(parseXml(xml).documentElement?.childNodes.length).toBe(11);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseVolume', () => {
  it('libvirt’s answer for an overlay: format, path and the backing file', () => {
    expect(parseVolume(fixture('volume-overlay.xml'))).toStrictEqual({
      name: 'xmlfix-overlay.qcow2',
      type: 'file',
      format: 'qcow2',
      path: '/var/lib/libvirt/images/xmlfix-overlay.qcow2',
      backingStore: { path: '/var/lib/libvirt/images/xmlfix-base.qcow2', format: 'qcow2' },
    });
    expect(parseVolume(fixture('volume-data.xml'))).toStrictEqual({
      name: 'xmlfix-data.raw',
      type: 'file',
      format: 'raw',
      path: '/var/lib/libvirt/images/xmlfix-data.raw',
    });
  });

  it('what is missing stays missing; an empty backing path is no backing file', () => {
    expect(parseVolume('<volume/>')).toStrictEqual({});
    expect(parseVolume('<volume><target><path> </path></target><backingStore><path></path></backingStore></volume>')).toStrictEqual({});
    expect(parseVolume('<volume><backingStore><path>/b</path></backingStore></volume>')).toStrictEqual({ backingStore: { path: '/b' } });
    expect(() => parseVolume('<volume>')).toThrow(
      expect.objectContaining({ code: 'xml', message: expect.stringMatching(/the volume XML/) }),
    );
  });
});
