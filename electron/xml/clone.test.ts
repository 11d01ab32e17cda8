// What a clone reads from its source (the lab's virt-manager-style VM) and the edge cases of its
// rewrite that the whole tests (clone-rewrite.whole.test.ts, build.test.ts) do not reach.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CloneRewrite, rewriteForClone, sourceDisks, sourceNics } from './clone';

const LIVE = readFileSync(new URL('fixtures/virt-manager.live.xml', import.meta.url), 'utf8');

const base: CloneRewrite = { name: 'dst', uuid: 'u', sourceName: 'src', disks: new Map(), nics: [] };
const devices = (inner: string) => `<domain><name>src</name><devices>${inner}</devices></domain>`;
const rewrite = (inner: string, r: Partial<CloneRewrite> = {}) => rewriteForClone(devices(inner), { ...base, ...r });
const out = (inner: string) => `<domain><name>dst</name><uuid>u</uuid>${inner ? `<devices>${inner}</devices>` : '<devices/>'}</domain>`;

describe('what a clone reads from its source', () => {
  it('the disks and NICs of the running virt-manager-style VM', () => {
    expect(sourceDisks(LIVE)).toStrictEqual([
      {
        target: 'vda',
        device: 'disk',
        type: 'file',
        bus: 'virtio',
        path: '/var/lib/libvirt/images/xmlfix-overlay.qcow2',
        format: 'qcow2',
        readonly: false,
        shareable: false,
      },
      {
        target: 'vdb',
        device: 'disk',
        type: 'volume',
        bus: 'virtio',
        pool: 'default',
        volume: 'xmlfix-data.raw',
        format: 'raw',
        readonly: false,
        shareable: true,
      },
      { target: 'sda', device: 'cdrom', type: 'file', bus: 'sata', readonly: true, shareable: false },
    ]);
    expect(sourceNics(LIVE)).toStrictEqual([{ mac: '52:54:00:7e:a0:01', type: 'bridge', source: 'labbr0', model: 'virtio' }]);
  });

  it('a disk without target or source; a MAC in upper case; a NIC without MAC', () => {
    expect(sourceDisks(devices("<disk type='volume'/>"))).toStrictEqual([
      { target: '', device: 'disk', type: 'volume', readonly: false, shareable: false },
    ]);
    expect(sourceNics(devices("<interface type='user'><mac address='52:54:00:AB:CD:EF'/></interface><interface/>"))).toStrictEqual([
      { mac: '52:54:00:ab:cd:ef', type: 'user' },
      { mac: '', type: '' },
    ]);
  });
});

describe('rewriteForClone edges', () => {
  it('a disk without a target is rewritten under the empty target; a tap name goes, a bare <target/> stays', () => {
    expect(rewrite('<disk><source file="/a"/></disk>', { disks: new Map([['', { mode: 'detach' }]]) }).xml).toBe(out(''));
    expect(rewrite('<interface type="user"><target/></interface>', { nics: [{ mac: 'm' }] }).xml).toBe(
      out('<interface type="user"><mac address="m"/><target/></interface>'),
    );
  });

  it('the same emulator with spaces around it is no change; without an emulator nothing is added', () => {
    expect(rewrite('<emulator> /usr/bin/q </emulator>', { emulator: '/usr/bin/q' })).toStrictEqual({
      xml: out('<emulator> /usr/bin/q </emulator>'),
      notes: [],
    });
    expect(rewrite('', { emulator: '/usr/bin/q' })).toStrictEqual({ xml: out(''), notes: [] });
  });

  it('log files of every char device follow the name; a file source too, a pty’s path not', () => {
    expect(
      rewrite(
        '<parallel type="file"><source path="/var/log/src.par"/><log file="/var/log/src-par.log"/></parallel>' +
          '<serial type="pty"><source path="/dev/pts/src"/><log/></serial>' +
          '<channel type="unix"><source path="/run/src.sock"/></channel>',
      ).xml,
    ).toBe(
      out(
        '<parallel type="file"><source path="/var/log/dst.par"/><log file="/var/log/dst-par.log"/></parallel>' +
          '<serial type="pty"><source path="/dev/pts/src"/><log/></serial>' +
          '<channel type="unix"><source path="/run/src.sock"/></channel>',
      ),
    );
  });

  it('files named after the source: exactly, with a separator, or not at all', () => {
    const log = (file: string) => rewrite(`<serial><log file="${file}"/></serial>`).xml.match(/file="([^"]*)"/)?.[1];
    expect(log('/l/src')).toBe('/l/dst');
    expect(log('/l/src_1.log')).toBe('/l/dst_1.log');
    expect(log('/l/srcx.log')).toBe('/l/srcx-dst.log');
    expect(log('/l/srcx-1.log')).toBe('/l/srcx-1-dst.log');
    expect(log('/l/other')).toBe('/l/other-dst');
    expect(log('/l/.hidden')).toBe('/l/.hidden-dst');
    expect(log('plain.log')).toBe('plain-dst.log');
  });

  it('only a fixed display port becomes automatic', () => {
    const g = (attrs: string) => rewrite(`<graphics type="vnc" ${attrs}/>`);
    expect(g('autoport="no"')).toStrictEqual({
      xml: out('<graphics type="vnc" autoport="yes"/>'),
      notes: ['The vnc display port is now chosen automatically (the source’s was fixed).'],
    });
    expect(g('port="5901" autoport="yes" websocket="5701"').xml).toBe(out('<graphics type="vnc" autoport="yes"/>'));
    expect(g('port="-1" autoport="yes"')).toStrictEqual({ xml: out('<graphics type="vnc" port="-1" autoport="yes"/>'), notes: [] });
    expect(g('')).toStrictEqual({ xml: out('<graphics type="vnc"/>'), notes: [] });
    expect(rewrite('<graphics autoport="no"/>').notes).toEqual(['The  display port is now chosen automatically (the source’s was fixed).']);
  });
});
