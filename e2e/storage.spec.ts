/**
 * Issue 18, storage pools and volumes end to end in Chromium against lab host A — the seed's
 * sequence (virsh pool-define-as / pool-build / pool-autostart / pool-start, a volume resized like
 * `qemu-img resize`), each step checked with virsh on the host as well as in the UI:
 * a dir pool with a hostile name defined at a new path (a relative path refused at its field first),
 * built, autostarted, started; a qcow2 volume (hostile name) created, resized offline, an overlay
 * created on it and deleted, cloned within the pool and into default (the build and each clone a
 * job awaited in the panel); 192 MiB of random data cloned as a job with byte progress, shown in
 * the Jobs drawer, the copy's sha256 equal; a file made behind libvirt's back appears after
 * Refresh and is wiped (a job) to zeroes; a file uploaded from this computer lands in the pool
 * with the same bytes and downloads back (a browser download) with the same sha256; the volume
 * attached (virsh) to a running throwaway guest and resized live — the guest's /sys/block size
 * changes; its delete and the pool's undefine refused naming the guest (the pool stopped with virsh:
 * the list follows libvirt's pool event); after the detach the
 * delete goes through; the pool stopped, its storage deleted and undefined.
 * A logical pool on a loop device (a file under the lab dir, attached in host A; `lab.sh down`
 * detaches any left): defined, built (vgcreate), started with its size shown, stopped, deleted
 * (vgremove), undefined; an fs pool on the same loop device and a netfs pool defined (not
 * started; wrong device and server named at their fields) and read back with virsh pool-dumpxml,
 * then undefined. The lab's kernel has no device-mapper, so no logical volume can be
 * created there: volumes of logical pools are not exercised. Everything made is named st18-e2e-*
 * and removed at the end, also on failure.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { throwawayXml } from '../electron/libvirt/lab-fixture';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { guestExec, LabCommandError, labDir, labSh, virshOn, waitForDomainState } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { StoragePage } from './pages/storage';

const tag = randomBytes(3).toString('hex');
const POOL = `st18-e2e-${tag} "quoted" <&> ünï`;
const DIR = `/var/lib/libvirt/st18-e2e-${tag}`;
const VOL = `d "1" <&> ü.qcow2`;
const VM = `st18-e2e-vm-${tag}`;
const XML_FILE = `/tmp/st18-e2e-${tag}.xml`;
const COPY_IN_DEFAULT = `st18-e2e-${tag}-copy.qcow2`;
const MiB = 1024 * 1024;
// The guest has no other virtio disk: the volume attached as vdb on the host is its vda (in 512-byte sectors).
const GUEST_SIZE = 'cat /sys/block/vda/size 2>/dev/null || echo none';

const virshStatus = (args: string[]) =>
  virshOn('A', args).then(
    () => 0,
    (e: unknown) => (e instanceof LabCommandError ? (e.code ?? 1) : Promise.reject(e)),
  );
const volBytes = async (name: string) =>
  Number(/Capacity:\s+(\d+) bytes/.exec(await virshOn('A', ['vol-info', '--pool', POOL, name, '--bytes']))?.[1]);

test.afterAll(async () => {
  await virshStatus(['destroy', VM]);
  await virshStatus(['pool-destroy', POOL]);
  await virshStatus(['pool-undefine', POOL]);
  await virshStatus(['vol-delete', '--pool', 'default', COPY_IN_DEFAULT]);
  await labSh(['exec', 'A', 'rm', '-rf', DIR]);
  rmSync(XML_FILE, { force: true });
});

test('storage: define, build (job), autostart, start a dir pool; create, resize offline and live, clone and wipe (jobs), upload and download, delete a volume; refusals name the VM', async ({
  page,
  server,
}) => {
  test.setTimeout(300_000);
  // The guest the volume is attached to boots meanwhile (transient: gone when destroyed).
  writeFileSync(XML_FILE, throwawayXml(VM));
  const booted = virshOn('A', ['create', XML_FILE]).then(() => waitForDomainState('A', VM, 'running'));
  booted.catch(() => {});

  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  backend.close();
  const app = new VireoApp(page);
  const storage = new StoragePage(page);
  await openApp(page, server);
  const idA = await app.expectConnected('lab-a');
  await storage.openFromTree(idA, 'lab-a');
  const pool = storage.pool(POOL);

  await test.step('define: a relative path is refused at its field, then the pool is defined inactive', async () => {
    await page.getByTestId('storage-define-pool').click();
    const form = page.getByTestId('storage-pool-form').getByRole('dialog');
    // The other types the host's libvirt supports, as virsh pool-capabilities says.
    const others = [...(await virshOn('A', ['pool-capabilities'])).matchAll(/<pool type='([^']+)' supported='yes'>/g)]
      .map((m) => m[1])
      .filter((t) => t !== undefined && !['dir', 'fs', 'netfs', 'logical'].includes(t));
    expect(others.length).toBeGreaterThan(0);
    await expect(form.getByTestId('storage-pool-types-other')).toHaveText(
      `This host’s libvirt also supports ${others.join(', ')} pools: define those with virsh pool-define for now.`,
    );
    await form.getByTestId('storage-pool-name-input').fill(POOL);
    await form.getByTestId('storage-pool-path-input').fill('var/lib/x');
    await form.getByTestId('storage-pool-submit').click();
    await expect(form).toContainText('Must be an absolute path on the host');
    await expect(form.getByTestId('form-summary')).toHaveText('Check this field: Directory. Nothing was sent.');
    await page.keyboard.press('Escape');
    await storage.definePool(POOL, DIR);
    await expect(pool.getByTestId('storage-pool-name')).toHaveText(POOL);
    await expect(pool.getByTestId('storage-pool-where')).toHaveText(`dir · ${DIR}`);
    await expect(pool).toHaveAttribute('data-state', 'inactive');
    expect(await virshOn('A', ['pool-info', POOL])).toMatch(/State:\s+inactive/);
    expect((await virshOn('A', ['pool-list', '--all', '--name'])).split('\n').map((l) => l.trim())).toContain(POOL);
  });

  await test.step('build, autostart, start', async () => {
    await storage.buildPool(POOL);
    await expect
      .poll(() =>
        labSh(['exec', 'A', 'test', '-d', DIR]).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await pool.getByTestId('storage-pool-autostart').click();
    await expect(pool.getByTestId('storage-pool-autostart')).toBeChecked();
    await expect.poll(async () => await virshOn('A', ['pool-info', POOL])).toMatch(/Autostart:\s+yes/);
    await storage.poolAction(POOL, 'start');
    await expect(pool).toHaveAttribute('data-state', 'running');
    expect(await virshOn('A', ['pool-info', POOL])).toMatch(/State:\s+running/);
    await expect(pool.getByTestId('storage-pool-usage')).toHaveAttribute('data-capacity', /^[1-9]\d*$/);
    await pool.click();
    await expect(storage.volumes.getByTestId('storage-volumes-title')).toHaveText(`Volumes of ${POOL}`);
    await expect(storage.volumes.getByTestId('storage-volumes-empty')).toBeVisible();
  });

  await test.step('a qcow2 volume: created, resized offline; an overlay on it created and deleted', async () => {
    await storage.createVolume({ name: VOL, format: 'qcow2', sizeMiB: 16 });
    const vol = storage.volume(VOL);
    await expect(vol.getByTestId('storage-volume-name')).toHaveText(VOL);
    await expect(vol.getByTestId('storage-volume-format')).toHaveText('qcow2');
    await expect(vol.getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(16 * MiB));
    expect(await volBytes(VOL)).toBe(16 * MiB);
    await storage.resize(VOL, 32, /^Offline/);
    await expect(vol.getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(32 * MiB));
    expect(await volBytes(VOL)).toBe(32 * MiB);

    await storage.createVolume({ name: 'st18-overlay.qcow2', format: 'qcow2', sizeMiB: 32, backing: VOL });
    await expect(storage.volume('st18-overlay.qcow2')).toContainText(`on ${DIR}/${VOL}`);
    expect(await virshOn('A', ['vol-dumpxml', '--pool', POOL, 'st18-overlay.qcow2'])).toMatch(
      /<backingStore>\s*<path>[^<]*d &quot;1&quot; &lt;&amp;&gt; ü\.qcow2<\/path>/,
    );
    await storage.deleteVolume('st18-overlay.qcow2');
    await expect(storage.volume('st18-overlay.qcow2')).toHaveCount(0);
    expect(await virshOn('A', ['vol-list', POOL])).not.toContain('st18-overlay');
  });

  await test.step('cloned within the pool and into default', async () => {
    await storage.cloneVolume(VOL, 'st18-copy.qcow2');
    await expect(storage.volume('st18-copy.qcow2').getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(32 * MiB));
    expect(await volBytes('st18-copy.qcow2')).toBe(32 * MiB);
    await storage.cloneVolume(VOL, COPY_IN_DEFAULT, 'default');
    expect(await virshOn('A', ['vol-info', '--pool', 'default', COPY_IN_DEFAULT, '--bytes'])).toMatch(
      new RegExp(`Capacity:\\s+${32 * MiB} bytes`),
    );
    await virshOn('A', ['vol-delete', '--pool', 'default', COPY_IN_DEFAULT]);
    await storage.deleteVolume('st18-copy.qcow2');
    await expect(storage.volume('st18-copy.qcow2')).toHaveCount(0);
  });

  await test.step('a 192 MiB raw volume cloned as a job: progress in bytes, shown in the Jobs panel, ends succeeded with the same bytes', async () => {
    const big = `${DIR}/st18-big.raw`;
    const size = 192 * MiB;
    await labSh(['exec', 'A', 'sh', '-c', `head -c ${size} /dev/urandom > "$1"`, 'sh', big]);
    await storage.poolAction(POOL, 'refresh');
    await expect(storage.volume('st18-big.raw').getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(size));
    const job = storage.volumeJob;
    const before = (await job.count()) ? await job.getAttribute('data-job') : null;
    await storage.startClone('st18-big.raw', 'st18-big-copy.raw');
    await expect(job).toBeVisible();
    if (before !== null) await expect(job).not.toHaveAttribute('data-job', before);
    await expect(job.getByTestId('storage-volume-job-phase')).toHaveText(/libvirt copies the volume|done/);
    // The progress as the panel showed it while the copy ran (the new volume's allocation, read every 300 ms).
    const seen: number[] = [];
    while ((await job.getAttribute('data-status')) === 'running') {
      seen.push(Number(await job.getAttribute('data-progress')));
      await page.waitForTimeout(50);
    }
    test.info().annotations.push({ type: 'clone progress seen (%)', description: seen.join(' ') });
    await expect(job).toHaveAttribute('data-status', 'succeeded');
    await expect(job).toHaveAttribute('data-progress', '100');
    await expect(job.getByTestId('storage-volume-job-figures')).toContainText('192 MiB of 192 MiB');
    const jobId = (await job.getAttribute('data-job')) ?? '';
    await page.getByTestId('jobs-button').click();
    const card = page.getByTestId('jobs-drawer').getByTestId(`job-${jobId}`);
    await expect(card).toContainText('Clone st18-big.raw to');
    await expect(card).toContainText('succeeded');
    await page.keyboard.press('Escape');
    await expect(storage.volume('st18-big-copy.raw').getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(size));
    const sums = (await labSh(['exec', 'A', 'sha256sum', big, `${DIR}/st18-big-copy.raw`])).stdout.split('\n').map((l) => l.split(' ')[0]);
    expect(sums[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(sums[1]).toBe(sums[0]);
    await storage.deleteVolume('st18-big-copy.raw');
    await storage.deleteVolume('st18-big.raw');
    await expect(storage.volume('st18-big.raw')).toHaveCount(0);
  });

  await test.step('a file made behind libvirt’s back appears after Refresh; wiped, it holds zeroes', async () => {
    const file = `${DIR}/st18-behind.img`;
    await labSh(['exec', 'A', 'sh', '-c', 'head -c 1048576 /dev/urandom > "$1"', 'sh', file]);
    await storage.poolAction(POOL, 'refresh');
    await expect(storage.volume('st18-behind.img').getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(MiB));
    await expect(labSh(['exec', 'A', 'cmp', '-s', '-n', String(MiB), file, '/dev/zero'])).rejects.toBeInstanceOf(LabCommandError);
    await storage.wipeVolume('st18-behind.img');
    await expect
      .poll(() =>
        labSh(['exec', 'A', 'cmp', '-s', '-n', String(MiB), file, '/dev/zero']).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await storage.deleteVolume('st18-behind.img');
    await expect(storage.volume('st18-behind.img')).toHaveCount(0);
  });

  await test.step('a file from this computer uploaded into the pool (the install wizard’s upload), same bytes on the host', async () => {
    const buffer = randomBytes(MiB + 123);
    await storage.volumes
      .getByTestId('storage-upload-input')
      .setInputFiles({ name: 'st18 up.img', mimeType: 'application/octet-stream', buffer });
    await expect(storage.volumes.getByTestId('storage-upload-job')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    const up = storage.volume('st18_up.img');
    await expect(up.getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(MiB + 123));
    const onHost = (await labSh(['exec', 'A', 'sha256sum', `${DIR}/st18_up.img`])).stdout.split(' ')[0];
    expect(onHost).toBe(createHash('sha256').update(buffer).digest('hex'));

    // Downloaded back to this computer (a job; the browser saves the file): the same bytes as on the host.
    const before = (await storage.volumeJob.count()) ? await storage.volumeJob.getAttribute('data-job') : null;
    const [download] = await Promise.all([page.waitForEvent('download'), up.getByTestId('storage-volume-download').click()]);
    expect(download.suggestedFilename()).toBe('st18_up.img');
    const saved = await download.path();
    expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(onHost);
    await storage.expectNewJob(storage.volumeJob, before);
    await expect(storage.volumeJob).toContainText(`Download ${POOL}/st18_up.img`);
    await expect(storage.volumeJob.getByTestId('storage-volume-job-figures')).toContainText('1.0 MiB of 1.0 MiB');
    await storage.deleteVolume('st18_up.img');
    await expect(up).toHaveCount(0);
  });

  await test.step('attached to a running guest: resized live, the guest sees it; delete and undefine refused naming the guest', async () => {
    await booted;
    await virshOn('A', ['attach-disk', VM, `${DIR}/${VOL}`, 'vdb', '--live', '--driver', 'qemu', '--subdriver', 'qcow2']);
    const vol = storage.volume(VOL);
    await expect(vol.getByTestId('storage-volume-users')).toHaveText(VM); // domain.changed (device added)
    await expect.poll(async () => (await guestExec('A', VM, GUEST_SIZE)).trim(), { timeout: 60_000 }).toBe(String((32 * MiB) / 512));
    await storage.resize(VOL, 48, new RegExp(`^Live: through the running ${VM}`));
    await expect(vol.getByTestId('storage-volume-capacity')).toHaveAttribute('data-bytes', String(48 * MiB));
    expect((await guestExec('A', VM, GUEST_SIZE)).trim()).toBe(String((48 * MiB) / 512));

    await storage.deleteVolume(VOL);
    await expect(storage.volumes.getByTestId('error-alert')).toContainText(`Cannot delete volume ${VOL}: it is a disk of ${VM}`);
    expect(await virshOn('A', ['vol-list', POOL])).toContain(VOL);

    // Stopped with virsh on the host: the list follows libvirt's pool event by itself.
    await virshOn('A', ['pool-destroy', POOL]);
    await expect(pool).toHaveAttribute('data-state', 'inactive');
    await storage.poolAction(POOL, 'undefine');
    await expect(page.getByTestId('storage-pools').locator('..').getByTestId('error-alert')).toContainText(
      `Cannot undefine pool ${POOL}: its volumes are disks of ${VM}`,
    );
    expect(await virshOn('A', ['pool-info', POOL])).toMatch(/State:\s+inactive/);
    await storage.poolAction(POOL, 'start');
    await expect(pool).toHaveAttribute('data-state', 'running');
  });

  await test.step('detached: the delete goes through', async () => {
    await virshOn('A', ['detach-disk', VM, 'vdb', '--live']);
    const vol = storage.volume(VOL);
    await expect(vol.getByTestId('storage-volume-users')).toHaveText('—', { timeout: 30_000 });
    await storage.deleteVolume(VOL);
    await expect(vol).toHaveCount(0);
    await expect(storage.volumes.getByTestId('storage-volumes-empty')).toBeVisible();
    expect(await virshOn('A', ['vol-list', POOL])).not.toContain('d "1"');
  });

  await test.step('stopped, its storage deleted, undefined', async () => {
    await storage.poolAction(POOL, 'stop');
    await expect(pool).toHaveAttribute('data-state', 'inactive');
    await storage.poolAction(POOL, 'delete');
    await expect
      .poll(() =>
        labSh(['exec', 'A', 'test', '-e', DIR]).then(
          () => true,
          () => false,
        ),
      )
      .toBe(false);
    await storage.poolAction(POOL, 'undefine');
    await expect(pool).toHaveCount(0);
    expect(await virshStatus(['pool-info', POOL])).not.toBe(0);
  });
});

test('a logical pool on a loop device: defined, built (vgcreate), started with its size; stopped, deleted (vgremove), undefined; fs and netfs pools defined', async ({
  page,
  server,
}) => {
  const LV_POOL = `st18-e2e-lvm-${tag} <&> ü`;
  const FS_POOL = `st18-e2e-fs-${tag}`;
  const NFS_POOL = `st18-e2e-nfs-${tag} "n"`;
  const VG = `st18vg${tag}`;
  const img = `${labDir()}/st18-e2e-lvm-${tag}.img`;
  const loop = (await labSh(['exec', 'A', 'sh', '-c', 'truncate -s 64M "$1" && losetup -f --show "$1"', 'sh', img])).stdout.trim();
  expect(loop).toMatch(/^\/dev\/loop\d+$/);
  const vgExists = () =>
    labSh(['exec', 'A', 'vgs', '--noheadings', '-o', 'vg_name', VG]).then(
      () => true,
      () => false,
    );
  try {
    const backend = await BackendClient.connect(server);
    await connectLabHosts(backend);
    backend.close();
    const app = new VireoApp(page);
    const storage = new StoragePage(page);
    await openApp(page, server);
    await storage.openFromTree(await app.expectConnected('lab-a'), 'lab-a');

    await page.getByTestId('storage-define-pool').click();
    const form = page.getByTestId('storage-pool-form').getByRole('dialog');
    await form.getByTestId('storage-pool-type-logical').click();
    await form.getByTestId('storage-pool-name-input').fill(LV_POOL);
    await form.getByTestId('storage-pool-vg-input').fill(`-${VG}`);
    await form.getByTestId('storage-pool-devices-input').fill(loop);
    await form.getByTestId('storage-pool-submit').click();
    await expect(form.getByTestId('form-summary')).toHaveText('Check this field: Volume group. Nothing was sent.');
    await form.getByTestId('storage-pool-vg-input').fill(VG);
    await form.getByTestId('storage-pool-submit').click();
    await expect(form).toBeHidden();
    const pool = storage.pool(LV_POOL);
    await expect(pool.getByTestId('storage-pool-where')).toHaveText(`logical · /dev/${VG}`);
    await expect(pool).toHaveAttribute('data-state', 'inactive');
    expect(await virshOn('A', ['pool-dumpxml', LV_POOL])).toContain(`<device path='${loop}'/>`);

    await storage.buildPool(LV_POOL);
    await expect.poll(vgExists).toBe(true);
    await storage.poolAction(LV_POOL, 'start');
    await expect(pool).toHaveAttribute('data-state', 'running');
    expect(await virshOn('A', ['pool-info', LV_POOL])).toMatch(/State:\s+running/);
    // 64 MiB less LVM's metadata, in whole 4 MiB extents.
    await expect(pool.getByTestId('storage-pool-usage')).toHaveAttribute('data-capacity', String(60 * MiB));
    await pool.click();
    await expect(storage.volumes.getByTestId('storage-volumes-empty')).toBeVisible();

    await storage.poolAction(LV_POOL, 'stop');
    await expect(pool).toHaveAttribute('data-state', 'inactive');
    await storage.poolAction(LV_POOL, 'delete');
    await expect.poll(vgExists).toBe(false);
    await storage.poolAction(LV_POOL, 'undefine');
    await expect(pool).toHaveCount(0);
    expect(await virshStatus(['pool-info', LV_POOL])).not.toBe(0);

    // A file system on the same loop device, and an NFS export: defined (not started), read back with virsh.
    await page.getByTestId('storage-define-pool').click();
    await form.getByTestId('storage-pool-type-fs').click();
    await form.getByTestId('storage-pool-name-input').fill(FS_POOL);
    await form.getByTestId('storage-pool-device-input').fill(img);
    await form.getByTestId('storage-pool-path-input').fill(`/mnt/st18-fs-${tag}`);
    await form.getByTestId('storage-pool-submit').click();
    await expect(form.getByTestId('form-summary')).toHaveText('Check this field: Block device. Nothing was sent.');
    await expect(form).toContainText('Must be a block device under /dev');
    await form.getByTestId('storage-pool-device-input').fill(loop);
    await form.getByTestId('storage-pool-format-input').click();
    await page.getByRole('option', { name: 'ext4', exact: true }).click();
    await form.getByTestId('storage-pool-submit').click();
    await expect(form).toBeHidden();
    await expect(storage.pool(FS_POOL).getByTestId('storage-pool-where')).toHaveText(`fs · /mnt/st18-fs-${tag}`);
    const fsXml = await virshOn('A', ['pool-dumpxml', FS_POOL]);
    expect(fsXml).toContain(`<pool type='fs'>`);
    expect(fsXml).toContain(`<device path='${loop}'/>`);
    expect(fsXml).toContain(`<format type='ext4'/>`);
    expect(fsXml).toContain(`<path>/mnt/st18-fs-${tag}</path>`);

    await page.getByTestId('storage-define-pool').click();
    await form.getByTestId('storage-pool-type-netfs').click();
    await form.getByTestId('storage-pool-name-input').fill(NFS_POOL);
    await form.getByTestId('storage-pool-host-input').fill('nas; rm -rf /');
    await form.getByTestId('storage-pool-source-input').fill('export/vms');
    await form.getByTestId('storage-pool-path-input').fill(`/mnt/st18-nfs-${tag}`);
    await form.getByTestId('storage-pool-submit').click();
    await expect(form.getByTestId('form-summary')).toHaveText('Check these 2 fields: Server, Exported directory. Nothing was sent.');
    await form.getByTestId('storage-pool-host-input').fill('10.203.0.2');
    await form.getByTestId('storage-pool-source-input').fill('/export/st18 vms');
    await form.getByTestId('storage-pool-format-input').click();
    await page.getByRole('option', { name: 'nfs', exact: true }).click();
    await form.getByTestId('storage-pool-submit').click();
    await expect(form).toBeHidden();
    await expect(storage.pool(NFS_POOL).getByTestId('storage-pool-where')).toHaveText(`netfs · /mnt/st18-nfs-${tag}`);
    const nfsXml = await virshOn('A', ['pool-dumpxml', NFS_POOL]);
    expect(nfsXml).toContain(`<pool type='netfs'>`);
    expect(nfsXml).toContain(`<host name='10.203.0.2'/>`);
    expect(nfsXml).toContain(`<dir path='/export/st18 vms'/>`);
    expect(nfsXml).toContain(`<format type='nfs'/>`);
    for (const p of [FS_POOL, NFS_POOL]) {
      await expect(storage.pool(p)).toHaveAttribute('data-state', 'inactive');
      await storage.poolAction(p, 'undefine');
      await expect(storage.pool(p)).toHaveCount(0);
      expect(await virshStatus(['pool-info', p])).not.toBe(0);
    }
  } finally {
    await virshStatus(['pool-destroy', LV_POOL]);
    await virshStatus(['pool-undefine', LV_POOL]);
    await virshStatus(['pool-undefine', FS_POOL]);
    await virshStatus(['pool-undefine', NFS_POOL]);
    await labSh(['exec', 'A', 'sh', '-c', 'vgremove -f "$1"; losetup -d "$2"; rm -f "$3"', 'sh', VG, loop, img]).catch(() => {});
  }
});
