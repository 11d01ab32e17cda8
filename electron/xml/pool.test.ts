// Pool XML: what buildPoolXml writes (libvirt 9 in the lab defined it: services/storage/storage.lab.test.ts)
// and what parsePool reads from libvirt's answers.
import { describe, expect, it } from 'vitest';
import { buildPoolXml, parsePool, parsePoolCapabilities } from './pool';

describe('buildPoolXml', () => {
  it('a dir pool, a hostile name escaped by the DOM, read back verbatim', () => {
    const name = `s "q" <&> ' ünï`;
    const xml = buildPoolXml({ type: 'dir', name, targetPath: '/var/lib/x y' });
    expect(xml).toBe(`<pool type="dir">
  <name>s "q" &lt;&amp;&gt; ' ünï</name>
  <target>
    <path>/var/lib/x y</path>
  </target>
</pool>
`);
    expect(parsePool(xml)).toEqual({ name, type: 'dir', targetPath: '/var/lib/x y', sourceDevices: [] });
  });
});

describe('buildPoolXml, logical', () => {
  it('a volume group on a loop device: source devices, name, lvm2, /dev target', () => {
    const xml = buildPoolXml({ type: 'logical', name: 'vg "p"', sourceName: 'st18vg', devices: ['/dev/loop7'] });
    expect(xml).toBe(`<pool type="logical">
  <name>vg "p"</name>
  <source>
    <device path="/dev/loop7"/>
    <name>st18vg</name>
    <format type="lvm2"/>
  </source>
  <target>
    <path>/dev/st18vg</path>
  </target>
</pool>
`);
    expect(parsePool(xml)).toEqual({
      name: 'vg "p"',
      type: 'logical',
      targetPath: '/dev/st18vg',
      sourceName: 'st18vg',
      sourceDevices: ['/dev/loop7'],
      sourceFormat: 'lvm2',
    });
  });
});

describe('buildPoolXml, fs and netfs', () => {
  it('a file system on a block device: device, format, mount point; read back', () => {
    const xml = buildPoolXml({ type: 'fs', name: 'f <&>', device: '/dev/loop3', format: 'ext4', targetPath: '/mnt/f' });
    expect(xml).toBe(`<pool type="fs">
  <name>f &lt;&amp;&gt;</name>
  <source>
    <device path="/dev/loop3"/>
    <format type="ext4"/>
  </source>
  <target>
    <path>/mnt/f</path>
  </target>
</pool>
`);
    expect(parsePool(xml)).toEqual({
      name: 'f <&>',
      type: 'fs',
      targetPath: '/mnt/f',
      sourceDevices: ['/dev/loop3'],
      sourceFormat: 'ext4',
    });
  });

  it('an NFS export: server, exported directory, format, mount point; read back', () => {
    const xml = buildPoolXml({
      type: 'netfs',
      name: 'n',
      host: 'nas.example',
      sourcePath: '/export/a "b"',
      format: 'nfs',
      targetPath: '/mnt/n',
    });
    expect(xml).toBe(`<pool type="netfs">
  <name>n</name>
  <source>
    <host name="nas.example"/>
    <dir path="/export/a &quot;b&quot;"/>
    <format type="nfs"/>
  </source>
  <target>
    <path>/mnt/n</path>
  </target>
</pool>
`);
    expect(parsePool(xml)).toMatchObject({ type: 'netfs', sourceHost: 'nas.example', sourceDir: '/export/a "b"', sourceFormat: 'nfs' });
  });
});

describe('parsePool', () => {
  it('a logical pool as libvirt 9 prints it: volume group, devices, /dev target', () => {
    const xml = `<pool type='logical'>
  <name>vg</name>
  <uuid>1b6a5d4e-0000-4000-8000-000000000001</uuid>
  <capacity unit='bytes'>62914560</capacity>
  <allocation unit='bytes'>0</allocation>
  <available unit='bytes'>62914560</available>
  <source>
    <device path='/dev/loop7'/>
    <name>s18vg</name>
    <format type='lvm2'/>
  </source>
  <target>
    <path>/dev/s18vg</path>
  </target>
</pool>`;
    expect(parsePool(xml)).toEqual({
      name: 'vg',
      type: 'logical',
      targetPath: '/dev/s18vg',
      sourceName: 's18vg',
      sourceDevices: ['/dev/loop7'],
      sourceFormat: 'lvm2',
    });
  });

  it('a netfs pool: its server', () => {
    const xml = `<pool type='netfs'><name>n</name><source><host name='nas'/><dir path='/export'/><format type='nfs'/></source><target><path>/mnt/n</path></target></pool>`;
    expect(parsePool(xml)).toEqual({
      name: 'n',
      type: 'netfs',
      targetPath: '/mnt/n',
      sourceHost: 'nas',
      sourceDir: '/export',
      sourceFormat: 'nfs',
      sourceDevices: [],
    });
  });
});

describe('parsePoolCapabilities', () => {
  it('the pool types and whether each is supported (libvirt 9 prints options under each)', () => {
    const xml = `<storagepoolCapabilities>
  <pool type='dir' supported='yes'><volOptions><defaultFormat type='raw'/></volOptions></pool>
  <pool type='logical' supported='yes'><poolOptions><defaultFormat type='lvm2'/></poolOptions></pool>
  <pool type='rbd' supported='no'/>
</storagepoolCapabilities>`;
    expect(parsePoolCapabilities(xml)).toEqual([
      { type: 'dir', supported: true },
      { type: 'logical', supported: true },
      { type: 'rbd', supported: false },
    ]);
  });
});
