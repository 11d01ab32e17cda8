// Deleting a VM with its volumes against the lab: a volume that another VM uses is never deleted.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLabHosts, inProcess } from '../../e2e/lab/hosts';
import { labSh, readLab, virshOn } from '../../e2e/lab/lab';
import { type Backend, createBackend } from '../backend';
import { throwawayXml } from '../libvirt/lab-fixture';

const lab = readLab();
const dataDir = mkdtempSync(join(tmpdir(), 'vireo-domains-lab-'));
const tag = randomBytes(3).toString('hex');
const first = `t-share-1-${tag}`;
const second = `t-share-2-${tag}`;
const vol = `t-share-${tag}.qcow2`;
const disk = `/var/lib/libvirt/images/${vol}`;
const baseUser = `t-base-1-${tag}`;
const overlayUser = `t-ovl-1-${tag}`;
const baseVol = `t-base-${tag}.qcow2`;
const base = `/var/lib/libvirt/images/${baseVol}`;
const overlayVol = `t-ovl-${tag}.qcow2`;
const overlay = `/var/lib/libvirt/images/${overlayVol}`;
const inactPool = `t-inact-${tag}`;
const inactVol = `t-inact-${tag}.qcow2`;
const inactFile = `/var/lib/libvirt/images/${inactVol}`;
const inactUser = `t-inact-1-${tag}`;
const inactOwner = `t-inact-2-${tag}`;
// review 10 item 4: an inactive logical pool (no device: defining needs none) and an inactive iscsi pool
const lvPool = `t-lv-${tag}`;
const lvUser = `t-lv-1-${tag}`;
const iscsiPool = `t-iscsi-${tag}`;
const iscsiUser = `t-iscsi-1-${tag}`;
const freeVol = `t-free-${tag}.qcow2`;
const freeFile = `/var/lib/libvirt/images/${freeVol}`;
const freeOwner = `t-free-1-${tag}`;
let b: Backend;
let idA = '';

const defined = async (name: string): Promise<boolean> =>
  virshOn('A', ['domuuid', name]).then(
    () => true,
    () => false,
  );

async function define(name: string, path: string | { pool: string; volume: string } = disk): Promise<string> {
  mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
  const f = join(lab.dir, 'tmp', `${name}.xml`);
  const xml = throwawayXml(name, { disk: typeof path === 'string' ? path : '/x' }).replace("type='raw'", "type='qcow2'");
  writeFileSync(
    f,
    typeof path === 'string'
      ? xml
      : xml
          .replace("<disk type='file'", "<disk type='volume'")
          .replace("<source file='/x'/>", `<source pool='${path.pool}' volume='${path.volume}'/>`),
  );
  await virshOn('A', ['define', f]);
  return (await virshOn('A', ['domuuid', name])).trim();
}

beforeAll(async () => {
  b = createBackend({ mode: 'web', dataDir });
  await connectLabHosts(inProcess(b), lab);
  idA = b.hosts.list().find((h) => h.spec.address === lab.hosts[0]?.address)?.id ?? '';
});

afterAll(async () => {
  await b?.close();
  for (const n of [first, second, baseUser, overlayUser, inactUser, inactOwner, lvUser, iscsiUser, freeOwner]) {
    await virshOn('A', ['undefine', n, '--nvram']).catch(() => {});
    rmSync(join(lab.dir, 'tmp', `${n}.xml`), { force: true });
  }
  for (const p of [inactPool, lvPool, iscsiPool]) await virshOn('A', ['pool-undefine', p]).catch(() => {});
  for (const v of [vol, overlayVol, baseVol, inactVol, freeVol]) await virshOn('A', ['vol-delete', '--pool', 'default', v]).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

describe('delete a VM (lab)', () => {
  it('low delete shared disk two VMs share a disk: deleting one with its volume is refused, naming the other; nothing is deleted', async () => {
    await virshOn('A', ['vol-create-as', 'default', vol, '16M', '--format', 'qcow2']);
    const uuid1 = await define(first);
    await define(second);
    const r = await b.dispatch('domains.delete', { hostId: idA, uuid: uuid1, confirmName: first, deleteVolumes: [disk] });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk-shared' } });
    if (r.ok) return;
    expect(r.error.message).toContain(`${disk} is also a disk of ${second}`);
    expect(r.error.hint).toMatch(/^Nothing was deleted/);
    expect(await defined(first)).toBe(true);
    expect(await defined(second)).toBe(true);
    await labSh(['exec', 'A', 'test', '-e', disk]);

    // Without the volume the VM goes; then the other one may take the volume with it.
    expect(await b.dispatch('domains.delete', { hostId: idA, uuid: uuid1, confirmName: first, deleteVolumes: [] })).toMatchObject({
      ok: true,
    });
    const uuid2 = (await virshOn('A', ['domuuid', second])).trim();
    expect(await b.dispatch('domains.delete', { hostId: idA, uuid: uuid2, confirmName: second, deleteVolumes: [disk] })).toEqual({
      ok: true,
      value: { deletedVolumes: [disk] },
    });
    expect(await defined(second)).toBe(false);
    await expect(labSh(['exec', 'A', 'test', '-e', disk])).rejects.toThrow();
  });

  it("low delete shared disk a base image under another VM's overlay (shut off) is refused, naming that VM", async () => {
    await virshOn('A', ['vol-create-as', 'default', baseVol, '16M', '--format', 'qcow2']);
    await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', '-b', base, '-F', 'qcow2', overlay]);
    await virshOn('A', ['pool-refresh', 'default']);
    const uuid = await define(baseUser, base);
    await define(overlayUser, overlay);
    const r = await b.dispatch('domains.delete', { hostId: idA, uuid, confirmName: baseUser, deleteVolumes: [base] });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk-shared' } });
    if (r.ok) return;
    expect(r.error.message).toContain(`${base} is also a disk of ${overlayUser}`);
    expect(await defined(baseUser)).toBe(true);
    await labSh(['exec', 'A', 'test', '-e', base]);
  });

  it("low delete shared disk another VM's volume disk in an inactive pool (an fs pool on the default pool's directory): its file counts as used, the delete is refused", async () => {
    await virshOn('A', ['vol-create-as', 'default', inactVol, '16M', '--format', 'qcow2']);
    const pf = join(lab.dir, 'tmp', `${inactPool}.xml`);
    writeFileSync(
      pf,
      `<pool type='fs'><name>${inactPool}</name><source><device path='/dev/${inactPool}'/><format type='ext4'/></source><target><path>/var/lib/libvirt/images</path></target></pool>`,
    );
    await virshOn('A', ['pool-define', pf]);
    rmSync(pf, { force: true });
    await define(inactUser, { pool: inactPool, volume: inactVol });
    const uuid = await define(inactOwner, inactFile);
    const r = await b.dispatch('domains.delete', { hostId: idA, uuid, confirmName: inactOwner, deleteVolumes: [inactFile] });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk-shared' } });
    if (r.ok) return;
    expect(r.error.message).toContain(`${inactFile} is also a disk of ${inactUser}`);
    expect(await defined(inactOwner)).toBe(true);
    await labSh(['exec', 'A', 'test', '-e', inactFile]);
  });
  it("low delete shared disk another VM's volume disk in an inactive logical pool (review 10 item 4): its path is <target>/<lv>, so it no longer refuses the delete of an unrelated file; an inactive iscsi pool still refuses", async () => {
    const pf = join(lab.dir, 'tmp', `${lvPool}.xml`);
    writeFileSync(
      pf,
      `<pool type='logical'><name>${lvPool}</name><source><name>tlv${tag}</name><format type='lvm2'/></source><target><path>/dev/tlv${tag}</path></target></pool>`,
    );
    await virshOn('A', ['pool-define', pf]);
    expect(await virshOn('A', ['pool-dumpxml', lvPool])).toContain(`<path>/dev/tlv${tag}</path>`);
    await define(lvUser, { pool: lvPool, volume: 'lv0' });
    await virshOn('A', ['vol-create-as', 'default', freeVol, '16M', '--format', 'qcow2']);
    let uuid = await define(freeOwner, freeFile);
    const r = await b.dispatch('domains.delete', { hostId: idA, uuid, confirmName: freeOwner, deleteVolumes: [freeFile] });
    expect(r, 'before: "Could not tell which file volume “lv0” of the inactive logical pool"').toMatchObject({ ok: true });
    expect(await defined(freeOwner)).toBe(false);
    await expect(labSh(['exec', 'A', 'test', '-e', freeFile])).rejects.toThrow();

    // an iscsi LUN's path only the started pool knows (a dummy portal: defining reaches no target)
    writeFileSync(
      pf,
      `<pool type='iscsi'><name>${iscsiPool}</name><source><host name='192.0.2.1'/><device path='iqn.2000-01.invalid:${tag}'/></source><target><path>/dev/disk/by-path</path></target></pool>`,
    );
    await virshOn('A', ['pool-define', pf]);
    rmSync(pf, { force: true });
    try {
      await define(iscsiUser, { pool: iscsiPool, volume: 'lun0' });
      await virshOn('A', ['vol-create-as', 'default', freeVol, '16M', '--format', 'qcow2']);
      uuid = await define(freeOwner, freeFile);
      const refused = await b.dispatch('domains.delete', { hostId: idA, uuid, confirmName: freeOwner, deleteVolumes: [freeFile] });
      expect(refused).toMatchObject({ ok: false });
      if (refused.ok) return;
      expect(refused.error.message).toContain(`Could not tell the path of volume “lun0” of the inactive iscsi pool “${iscsiPool}”`);
      expect(refused.error.message).toContain('is not active');
      expect(await defined(freeOwner)).toBe(true);
      await labSh(['exec', 'A', 'test', '-e', freeFile]);
    } finally {
      // not left for the next test: it would refuse every file delete on host A
      await virshOn('A', ['undefine', iscsiUser]).catch(() => {});
      await virshOn('A', ['pool-undefine', iscsiPool]).catch(() => {});
    }
  });
});
