/**
 * Clones against the real lab, at the backend level: `stopped` cloned on A (libvirt's create-from)
 * and to B (download on A piped into upload on B, sha256-verified), each booting to the guest's
 * banner; a cross-host clone cancelled mid-copy leaves nothing on B; a running VM is refused; the
 * source's definition and disk are byte-for-byte what they were. Everything made is t-clone-*.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labSh, virshOn } from '../../../e2e/lab/lab';
import type { CloneOptions, CloneSpec, HostId, Job } from '../../../shared/api';
import {
  BANNER,
  cleanup,
  consoleShows,
  domainNames,
  type Fixture,
  jobEnd,
  jobWhen,
  lab,
  sha256On,
  startFixture,
  volumeNames,
} from '../install-clone.fixture';

const tag = Math.random().toString(16).slice(2, 8);
const stopped = lab.guests.stopped;
if (!stopped) throw new Error('the lab has no guest "stopped"');
const STOPPED = stopped;
const made = { A: { domains: [] as string[], volumes: [] as string[] }, B: { domains: [] as string[], volumes: [] as string[] } };
let f: Fixture;
let sourceXml: string;
let sourceSum: string;

/** The spec the wizard would send with its defaults, for a clone named `name`. */
function defaults(o: CloneOptions, source: { hostId: HostId; uuid: string }, name: string, volume: string): CloneSpec {
  return {
    hostId: source.hostId,
    uuid: source.uuid,
    targetHostId: o.targetHostId,
    name,
    disks: o.disks.map((d) =>
      d.defaultMode === 'copy'
        ? { target: d.target, mode: 'copy', pool: o.target.defaultPool ?? 'default', volume }
        : { target: d.target, mode: d.defaultMode },
    ),
    nics: o.nics.map((n) => ({ mac: n.mac, ...(n.suggested ? { target: n.suggested } : {}) })),
    start: true,
    verify: 'sha256',
  };
}

beforeAll(async () => {
  f = await startFixture('clone-lab');
  sourceXml = await virshOn('A', ['dumpxml', '--inactive', 'stopped']);
  sourceSum = await sha256On('A', STOPPED.disk);
}, 120_000);

afterAll(async () => {
  await f?.backend.close();
  await cleanup('A', made.A.domains, made.A.volumes);
  await cleanup('B', made.B.domains, made.B.volumes);
}, 180_000);

describe('clone', () => {
  it('on the same host: new name, UUID and MAC, disk copied with create-from, and the clone boots', async () => {
    const o = await f.call('clone.options', { hostId: f.A, uuid: STOPPED.uuid, targetHostId: f.A });
    expect(o.source).toMatchObject({ name: 'stopped', state: 'shutoff', cloneable: true });
    expect(o.crossHost).toBe(false);
    expect(o.disks).toEqual([expect.objectContaining({ target: 'vda', defaultMode: 'copy', modes: ['copy', 'detach'] })]);
    const name = `t-clone-${tag}-local`;
    const volume = `t-clone-${tag}-local.qcow2`;
    made.A.domains.push(name);
    made.A.volumes.push(volume);
    const spec = defaults(o, { hostId: f.A, uuid: STOPPED.uuid }, name, volume);
    const preview = await f.call('clone.preview', spec);
    expect(preview.macs).toEqual([{ from: STOPPED.mac, to: expect.stringMatching(/^52:54:00:/) }]);
    expect(preview.macs[0]?.to).not.toBe(STOPPED.mac);
    expect(preview.uuid).not.toBe(STOPPED.uuid);
    expect(preview.xml).toContain(`/var/lib/libvirt/images/${volume}`);
    expect(preview.xml).toContain(`${name}-serial.log`);

    const started = await f.call('clone.start', {
      ...spec,
      newUuid: preview.uuid,
      nics: spec.nics.map((n, i) => ({ ...n, newMac: preview.macs[i]?.to })),
    });
    const job = await jobEnd(f.backend, started.job.id);
    expect(job.error?.message).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(await consoleShows(f.backend, f.A, started.uuid, BANNER)).toContain(BANNER);
    const xml = await virshOn('A', ['dumpxml', '--inactive', name]);
    expect(xml).toContain(`<uuid>${preview.uuid}</uuid>`);
    expect(xml).toContain(`<mac address='${preview.macs[0]?.to}'/>`);
    // The source: same definition, same disk bytes.
    expect(await virshOn('A', ['dumpxml', '--inactive', 'stopped'])).toBe(sourceXml);
    expect(await sha256On('A', STOPPED.disk)).toBe(sourceSum);
  });

  it('to another host: the disk streams A → B, verified, the definition is rewritten for B, and it boots on B', async () => {
    const o = await f.call('clone.options', { hostId: f.A, uuid: STOPPED.uuid, targetHostId: f.B });
    expect(o.crossHost).toBe(true);
    expect(o.nics).toEqual([expect.objectContaining({ mac: STOPPED.mac, suggested: { kind: 'bridge', name: 'labbr0' }, remapped: false })]);
    const name = `t-clone-${tag}-b "q" <x>`;
    const volume = `t-clone-${tag}-b.qcow2`;
    made.B.domains.push(name);
    made.B.volumes.push(volume);
    const spec = defaults(o, { hostId: f.A, uuid: STOPPED.uuid }, name, volume);
    const preview = await f.call('clone.preview', spec);
    expect(preview.copies).toEqual([expect.objectContaining({ target: 'vda', pool: 'default', name: volume, from: STOPPED.disk })]);
    const started = await f.call('clone.start', spec);
    const job = await jobEnd(f.backend, started.job.id);
    expect(job.error?.message).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(job.kind === 'clone' ? job.detail.figures.bytes : undefined).toBe(preview.copies[0]?.bytes);
    expect(await consoleShows(f.backend, f.B, started.uuid, BANNER)).toContain(BANNER);
    expect(await sha256On('B', `/var/lib/libvirt/images/${volume}`)).toBe(sourceSum);
    expect(await virshOn('A', ['dumpxml', '--inactive', 'stopped'])).toBe(sourceXml);
    expect(await sha256On('A', STOPPED.disk)).toBe(sourceSum);
  });

  it('a cross-host clone cancelled mid-copy leaves nothing on B and never touches A', async () => {
    // A source with a disk big enough to cancel mid-way at a capped rate: 64 MiB of random data.
    const src = `t-clone-${tag}-big`;
    const srcVol = `${src}.raw`;
    made.A.domains.push(src);
    made.A.volumes.push(srcVol);
    await labSh(['exec', 'A', 'sh', '-c', 'head -c 67108864 /dev/urandom > "$1"', 'sh', `/var/lib/libvirt/images/${srcVol}`]);
    await virshOn('A', ['pool-refresh', 'default']);
    const xml = sourceXml
      .replace(/<name>stopped<\/name>/, `<name>${src}</name>`)
      .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
      .replace(/\s*<mac address=[^>]*\/>/, '')
      .replace(/\s*<log file=[^>]*\/>/g, '')
      .replace(/type='qcow2'/, "type='raw'")
      .replace(STOPPED.disk, `/var/lib/libvirt/images/${srcVol}`);
    const file = join(mkdtempSync(join(tmpdir(), 'vireo-clone-')), 'big.xml');
    writeFileSync(file, xml);
    await virshOn('A', ['define', file]);
    const uuid = (await virshOn('A', ['domuuid', src])).trim();
    const before = await sha256On('A', `/var/lib/libvirt/images/${srcVol}`);
    const srcXml = await virshOn('A', ['dumpxml', '--inactive', src]);

    const o = await f.call('clone.options', { hostId: f.A, uuid, targetHostId: f.B });
    const name = `t-clone-${tag}-cancel`;
    const volume = `t-clone-${tag}-cancel.img`;
    made.B.domains.push(name);
    made.B.volumes.push(volume);
    const volsBefore = await volumeNames('B');
    const started = await f.call('clone.start', { ...defaults(o, { hostId: f.A, uuid }, name, volume), bandwidthMiBps: 8 });
    // Mid-copy: some bytes moved, far from all.
    const copied = (j: Job) => (j.kind === 'clone' ? (j.detail.figures.bytes ?? 0) : 0);
    const mid = await jobWhen(f.backend, started.job.id, (j) => copied(j) > 8 * 1024 * 1024);
    expect(copied(mid)).toBeLessThan(48 * 1024 * 1024);
    expect(await volumeNames('B')).toContain(volume);
    await f.call('jobs.cancel', { jobId: started.job.id });
    const job = await jobEnd(f.backend, started.job.id);
    expect(job.status).toBe('canceled');
    expect(await volumeNames('B')).toEqual(volsBefore);
    expect(await domainNames('B')).not.toContain(name);
    expect(await sha256On('A', `/var/lib/libvirt/images/${srcVol}`)).toBe(before);
    expect(await virshOn('A', ['dumpxml', '--inactive', src])).toBe(srcXml);
  });

  it('a paused VM is cloned as it is, and stays paused', async () => {
    const src = `t-clone-${tag}-paused`;
    made.A.domains.push(src);
    made.A.volumes.push(`${src}.qcow2`);
    await virshOn('A', ['vol-clone', '--pool', 'default', 'stopped.qcow2', `${src}.qcow2`]);
    const xml = sourceXml
      .replace('<name>stopped</name>', `<name>${src}</name>`)
      .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
      .replace(/\s*<mac address=[^>]*\/>/, '')
      .replace(/\s*<log file=[^>]*\/>/g, '')
      .replace(STOPPED.disk, `/var/lib/libvirt/images/${src}.qcow2`);
    const file = join(mkdtempSync(join(tmpdir(), 'vireo-clone-')), 'paused.xml');
    writeFileSync(file, xml);
    await virshOn('A', ['define', file]);
    await virshOn('A', ['start', '--paused', src]);
    const uuid = (await virshOn('A', ['domuuid', src])).trim();
    const o = await f.call('clone.options', { hostId: f.A, uuid, targetHostId: f.A });
    expect(o.source).toMatchObject({ state: 'paused', cloneable: true });
    const name = `t-clone-${tag}-from-paused`;
    made.A.domains.push(name);
    made.A.volumes.push(`${name}.qcow2`);
    const spec = { ...defaults(o, { hostId: f.A, uuid }, name, `${name}.qcow2`), start: false };
    const preview = await f.call('clone.preview', spec);
    expect(preview.notes.join(' ')).toMatch(/paused/);
    const job = await jobEnd(f.backend, (await f.call('clone.start', spec)).job.id);
    expect(job.error?.message).toBeUndefined();
    expect((await virshOn('A', ['domstate', src])).trim()).toBe('paused');
    expect((await virshOn('A', ['domstate', name])).trim()).toBe('shut off');
  });

  it('refuses a running VM, a taken name, and a writable disk shared between two VMs', async () => {
    const tiny = lab.guests['tiny-local'];
    if (!tiny) throw new Error('no tiny-local');
    const o = await f.call('clone.options', { hostId: f.A, uuid: tiny.uuid, targetHostId: f.A });
    expect(o.source.cloneable).toBe(false);
    expect(o.source.reason).toMatch(/running/);
    const r1 = await f.backend.dispatch(
      'clone.preview',
      defaults(o, { hostId: f.A, uuid: tiny.uuid }, `t-clone-${tag}-x`, `t-clone-${tag}-x.qcow2`),
    );
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.error.message).toMatch(/running/);

    const so = await f.call('clone.options', { hostId: f.A, uuid: STOPPED.uuid, targetHostId: f.A });
    const base = defaults(so, { hostId: f.A, uuid: STOPPED.uuid }, 'tiny', `t-clone-${tag}-y.qcow2`);
    const r2 = await f.backend.dispatch('clone.preview', base);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toMatch(/already exists/);
    const r3 = await f.backend.dispatch('clone.preview', { ...base, name: `t-clone-${tag}-y`, disks: [{ target: 'vda', mode: 'share' }] });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.error.message).toMatch(/cannot be shared/);
    const r4 = await f.backend.dispatch('clone.preview', { ...base, name: 'a/b' });
    expect(r4.ok).toBe(false);
    if (!r4.ok) expect(r4.error.code).toBe('invalid-input');
  });
});
