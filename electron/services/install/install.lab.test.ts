/**
 * Installs against the real lab, at the backend level: the lab's kernel + initrd with a new disk
 * (the console prints the guest's banner), a failing install that leaves nothing behind, a network
 * install fetched by the host from an HTTP server on the lab network, an ISO uploaded from this
 * computer through a byte channel, and hostile names. Everything made is named t-inst-*.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labSh, virshOn } from '../../../e2e/lab/lab';
import type { InstallSpec } from '../../../shared/api';
import { UPLOAD_WINDOW, uploadRoom } from '../../../shared/api';
import {
  BANNER,
  cleanup,
  consoleShows,
  domainNames,
  type Fixture,
  GUEST,
  jobEnd,
  lab,
  sha256On,
  startFixture,
  volumeNames,
} from '../install-clone.fixture';

const tag = Math.random().toString(16).slice(2, 8);
const made = { domains: [] as string[], volumes: [] as string[] };
let f: Fixture;

/** A spec on host A; what it would create is remembered for cleanup (unless `track` is false: a name that is not ours). */
function spec(name: string, over: Partial<InstallSpec> = {}, track = true): InstallSpec {
  const vol = `t-inst-${tag}-${made.volumes.length}.qcow2`;
  if (track) {
    made.domains.push(name);
    made.volumes.push(vol);
  }
  return {
    hostId: f.A,
    name,
    osVariant: 'linux2022',
    source: { kind: 'kernel', kernel: `${GUEST}/vmlinuz`, initrd: `${GUEST}/initrd.img`, cmdline: 'console=ttyS0 panic=-1' },
    vcpus: 1,
    memoryMiB: 192,
    disk: { kind: 'new', pool: 'default', name: vol, sizeMiB: 64, format: 'qcow2' },
    nic: { kind: 'bridge', name: 'labbr0' },
    graphics: true,
    serial: true,
    start: true,
    // The lab's hosts expose /dev/kvm, but nested KVM does not run guests here: software emulation.
    virtType: 'qemu',
    ...over,
  };
}

beforeAll(async () => {
  f = await startFixture('install-lab');
}, 120_000);

afterAll(async () => {
  await f?.backend.close();
  await cleanup('A', made.domains, made.volumes);
}, 180_000);

describe('install', () => {
  it('offers the host’s pools, bridges and a migration-friendly hypervisor setup', async () => {
    const o = await f.call('install.options', { hostId: f.A });
    expect(o.pools.map((p) => p.name)).toContain('default');
    expect(o.bridges).toContain('labbr0');
    expect(o.domainTypes).toContain('qemu');
    expect(o.osinfoSource).toMatch(/osinfo-query|built-in/);
    expect(o.osVariants.length).toBeGreaterThan(5);
    expect(o.suggested.pool).toBe('default');
  });

  it('kernel + initrd with a new disk: volume, definition, start, banner on the serial console', async () => {
    const s = spec(`t-inst-${tag} "q" <b> & 'x'`);
    const preview = await f.call('install.preview', s);
    expect(preview.warnings).toEqual([]);
    expect(preview.xml).toContain('&lt;b&gt; &amp;');
    expect(preview.defaults.map((d) => d.setting)).toEqual(expect.arrayContaining(['Disk cache', 'CPU', 'Disk and NIC', 'Serial console']));
    expect(preview.volumes).toEqual([expect.objectContaining({ pool: 'default', capacity: 64 * 1024 * 1024, format: 'qcow2' })]);

    const started = await f.call('install.create', { ...s, uuid: preview.uuid, ...(preview.mac ? { mac: preview.mac } : {}) });
    expect(started.uuid).toBe(preview.uuid);
    const job = await jobEnd(f.backend, started.job.id);
    expect(job.error?.message).toBeUndefined();
    expect(job.status).toBe('succeeded');
    const text = await consoleShows(f.backend, f.A, started.uuid, BANNER);
    expect(text).toContain(BANNER);

    const xml = await virshOn('A', ['dumpxml', '--inactive', s.name]);
    expect(xml).toContain(`<uuid>${preview.uuid}</uuid>`);
    expect(xml).toContain(`<mac address='${preview.mac}'/>`);
    expect(xml).toContain("cache='none'");
    expect(xml).toContain("mode='host-model'");
  });

  it('a failing install (a kernel path that does not exist) is warned about, then rolled back: no VM, no volume', async () => {
    const s = spec(`t-inst-${tag}-bad`, { source: { kind: 'kernel', kernel: `/nonexistent/${tag}/vmlinuz`, cmdline: 'console=ttyS0' } });
    const preview = await f.call('install.preview', s);
    expect(preview.warnings.join(' ')).toContain(`/nonexistent/${tag}/vmlinuz is not readable`);
    const started = await f.call('install.create', s);
    const job = await jobEnd(f.backend, started.job.id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/vmlinuz/);
    expect(await domainNames('A')).not.toContain(s.name);
    expect(await volumeNames('A')).not.toContain((s.disk as { name: string }).name);
  });

  it('a network install: the host fetches the installer kernel + initrd, boots it once, then the definition boots from disk', async () => {
    const files: Record<string, Buffer> = {
      '/tree/vmlinuz': readFileSync(`${GUEST}/vmlinuz`),
      '/tree/initrd.img': readFileSync(`${GUEST}/initrd.img`),
    };
    const server: Server = createServer((req, res) => {
      const body = files[req.url ?? ''];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((r) => server.listen(0, lab.rootIp, () => r()));
    try {
      const url = `http://${lab.rootIp}:${(server.address() as AddressInfo).port}/tree/`;
      const s = spec(`t-inst-${tag}-net`, { source: { kind: 'url', url, cmdline: 'panic=-1' } });
      const preview = await f.call('install.preview', s);
      expect(preview.warnings).toEqual([]);
      expect(preview.firstBootXml).toMatch(/<kernel>\/var\/lib\/libvirt\/boot\/vireo-[^<]*-kernel<\/kernel>/);
      expect(preview.firstBootXml).toContain('console=ttyS0');
      expect(preview.xml).not.toContain('<kernel>');
      const started = await f.call('install.create', { ...s, uuid: preview.uuid });
      const job = await jobEnd(f.backend, started.job.id);
      expect(job.error?.message).toBeUndefined();
      expect(await consoleShows(f.backend, f.A, started.uuid, BANNER)).toContain(BANNER);
      // The next boot is from the disk; the fetched files are gone from the host.
      expect(await virshOn('A', ['dumpxml', '--inactive', s.name])).not.toContain('<kernel>');
      expect(await virshOn('A', ['dumpxml', s.name])).toContain('<kernel>');
      const left = (await labSh(['exec', 'A', 'sh', '-c', 'ls /var/lib/libvirt/boot/ 2>/dev/null; true'])).stdout;
      expect(left).not.toContain(preview.uuid.slice(0, 8));
    } finally {
      server.close();
    }
  });

  it('an existing disk image is imported in place as the boot disk; an ISO is a read-only CD-ROM booted after the disk', async () => {
    const image = `t-inst-${tag}-import.qcow2`;
    made.volumes.push(image);
    await virshOn('A', ['vol-create-as', 'default', image, '64M', '--format', 'qcow2']);
    const imported = spec(`t-inst-${tag}-import`, {
      source: { kind: 'import', pool: 'default', volume: image },
      disk: { kind: 'none' },
      start: false,
    });
    const pi = await f.call('install.preview', imported);
    expect(pi.volumes).toEqual([]);
    const job1 = await jobEnd(f.backend, (await f.call('install.create', imported)).job.id);
    expect(job1.error?.message).toBeUndefined();
    const xml1 = await virshOn('A', ['dumpxml', '--inactive', imported.name]);
    expect(xml1).toContain(`<source file='/var/lib/libvirt/images/${image}'/>`);
    expect(xml1).toMatch(/<driver name='qemu' type='qcow2' cache='none'[^>]*\/>/);
    expect(xml1).toContain("<boot order='1'/>");

    const iso = `t-inst-${tag}-boot.iso`;
    made.volumes.push(iso);
    await virshOn('A', ['vol-create-as', 'default', iso, '2M', '--format', 'raw']);
    const fromIso = spec(`t-inst-${tag}-iso`, { source: { kind: 'iso', pool: 'default', volume: iso }, start: false });
    const job2 = await jobEnd(f.backend, (await f.call('install.create', fromIso)).job.id);
    expect(job2.error?.message).toBeUndefined();
    const xml2 = await virshOn('A', ['dumpxml', '--inactive', fromIso.name]);
    expect(xml2).toMatch(
      /<disk type='file' device='cdrom'>[\s\S]*?<source file='\/var\/lib\/libvirt\/images\/[^']*-boot\.iso'\/>[\s\S]*?<readonly\/>[\s\S]*?<boot order='2'\/>/,
    );
    expect(xml2).toMatch(/<disk type='file' device='disk'>[\s\S]*?<boot order='1'\/>/);
  });

  it('uploads a local file into a pool through a byte channel, with back-pressure, and verifies it', async () => {
    // Over twice the window: the client waits for the host's acknowledgements, as the renderer does.
    const data = randomBytes(2 * UPLOAD_WINDOW + 4321);
    const name = `t-inst-${tag}-upload.iso`;
    made.volumes.push(name);
    const up = await f.call('install.upload', { hostId: f.A, pool: 'default', name, size: data.length });
    let acked = 0;
    let sent = 0;
    let wake: (() => void) | null = null;
    const att = f.backend.streams.attach(up.channel, {
      data: (b) => {
        for (let i = 0; i + 8 <= b.length; i += 8) acked = Number(b.readBigUInt64BE(i));
        wake?.();
      },
      close: () => wake?.(),
    });
    if (!att) throw new Error('could not attach to the upload channel');
    while (sent < data.length) {
      const room = uploadRoom(sent, acked);
      if (room === 0) {
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      const chunk = data.subarray(sent, sent + room);
      att.write(chunk);
      sent += chunk.length;
    }
    const job = await jobEnd(f.backend, up.job.id);
    expect(job.error?.message).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(acked).toBe(data.length);
    expect(await sha256On('A', up.volume.path)).toBe(createHash('sha256').update(data).digest('hex'));
    const vols = await f.call('install.volumes', { hostId: f.A, pool: 'default' });
    expect(vols.find((v) => v.name === name)).toMatchObject({ capacity: data.length });
  });

  it('low upload window: a client that sends beyond its window gets the channel closed with the reason; the job fails and leaves no partial volume', async () => {
    const name = `t-inst-${tag}-greedy.iso`;
    made.volumes.push(name);
    const up = await f.call('install.upload', { hostId: f.A, pool: 'default', name, size: 4 * UPLOAD_WINDOW });
    let closed: string | null = null;
    const att = f.backend.streams.attach(up.channel, {
      data: () => {},
      close: (reason) => {
        closed = reason;
      },
    });
    if (!att) throw new Error('could not attach to the upload channel');
    // One window and one byte, without waiting for any acknowledgement.
    att.write(Buffer.alloc(UPLOAD_WINDOW + 1));
    const job = await jobEnd(f.backend, up.job.id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/^Upload window exceeded: \d+ bytes sent beyond the last acknowledgement, window 8388608$/);
    expect(closed).toBe(job.error?.message);
    expect(await volumeNames('A')).not.toContain(name);
  });

  it('an upload whose viewer goes away leaves no partial volume', async () => {
    const name = `t-inst-${tag}-gone.iso`;
    made.volumes.push(name);
    const up = await f.call('install.upload', { hostId: f.A, pool: 'default', name, size: 8 * 1024 * 1024 });
    const att = f.backend.streams.attach(up.channel, { data: () => {}, close: () => {} });
    att?.write(randomBytes(1024 * 1024));
    att?.detach();
    const job = await jobEnd(f.backend, up.job.id);
    expect(job.status).toBe('failed');
    expect(await volumeNames('A')).not.toContain(name);
  });

  it('refuses names with "/" or control characters at the boundary, and a taken name clearly', async () => {
    for (const name of ['a/b', 'tab\there', 'nl\nx', '']) {
      const r = await f.backend.dispatch('install.preview', { ...spec('x', {}, false), name });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-input');
    }
    const r = await f.backend.dispatch('install.preview', spec('stopped', {}, false));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/already exists/);
  });
});
