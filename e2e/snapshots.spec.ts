/**
 * Issue 22, snapshots end to end in Chromium against the lab's libvirt 9.0, on a VM of the spec's
 * own (s22-e2e-…, a copy of tiny with its own qcow2 disk, removed afterwards even on failure).
 * The guest writes to its disk with dd; every check reads the disk back from inside the guest.
 *
 * - internal: a marker, a snapshot with memory (hostile name), the marker changed, a revert that
 *   first snapshots the current state (the tree shows it as a child), the marker back; quiesce
 *   refused without an agent and an external kind refused as a mixed chain, both explained;
 * - external, the VM running: three snapshots, the middle one merged by Vireo's block jobs
 *   (blockcommit); the top one's slow merge (an I/O limit) cancelled from the dialog, the chain as it
 *   was; the first one with its child by libvirt's own delete; the sha256 of blocks written before,
 *   between and after reads back each time;
 * - external revert, which libvirt 9.0 refuses: done by Vireo (VM off, fresh overlay), the marker
 *   back; the clone wizard says the snapshots are not copied (the disk flattened) and lists their
 *   files; the snapshot the VM was reverted away from deleted (its old overlay removed, no merge);
 * - a tree of five external snapshots, four with the guest's memory in a file: Vireo's reverts
 *   restore the memory (a RAM marker and the disk marker back, the uptime continues from the
 *   snapshot), a live-plugged second disk left out of one snapshot (no overlay for it), the branch
 *   reverted away from deleted with its child, a middle one alone (its child moves up), the rest by
 *   libvirt's own delete (libvirt 9.0 leaves the memory files: Vireo removes them); memory files and
 *   overlays gone from the pool;
 * - delete the VM: while another VM cannot be read (a volume disk in an inactive iscsi pool) the
 *   dialog offers none of its snapshots' files, saying why; then it lists the files its snapshots
 *   keep (the layers under its disk) and removes them with it (virt-manager#810).
 */

import { rmSync, writeFileSync } from 'node:fs';
import { throwawayXml } from '../electron/libvirt/lab-fixture';
import {
  IMAGES,
  type LabVm,
  makeLabVm,
  readMarker,
  readSum,
  removeLabVm,
  startLabVm,
  writeData,
} from '../electron/services/snapshots/lab-vm.fixture';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { guestExec, labSh, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { CloneWizard } from './pages/clone';
import { SnapshotsTab } from './pages/snapshots';

const name = `z22-e2e-${Math.random().toString(16).slice(2, 8)}`;
let vm: LabVm;

let booted: Promise<void>;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  // defined and started here; its boot goes on while the app opens (waited for before the first write)
  vm = await makeLabVm(name, { start: false });
  booted = startLabVm(name);
  booted.catch(() => {});
});
test.afterAll(async () => {
  await removeLabVm(name);
});

test('snapshots: internal and external made, reverted and deleted through the UI; the guest reads its data back', async ({
  page,
  server,
}) => {
  test.setTimeout(600_000);
  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  backend.close();
  const app = new VireoApp(page);
  await openApp(page, server);
  const idA = await app.expectConnected('lab-a');
  await app.showAllVms();
  await app.table.openDetails(name, idA);
  const tab = new SnapshotsTab(page);
  await tab.open();
  await expect(tab.root).toHaveAttribute('data-count', '0');
  await booted;

  const I1 = `i1 'q' <&> ü`;
  await test.step('internal with memory; quiesce without an agent explained; revert with "snapshot the current state first"', async () => {
    await writeData(name, 10, { marker: 'INT-ONE' });
    const d = await tab.openCreate();
    await expect(d.getByTestId('snapshot-quiesce')).toBeDisabled();
    await expect(d.getByTestId('snapshot-quiesce-why')).toContainText('No guest agent');
    // QEMU's text monitor (libvirt 9.0) drops internal names with a double quote: refused, the field named
    await d.getByTestId('snapshot-name').fill('a"b');
    await d.getByTestId('snapshot-create-submit').click();
    await expect(d.getByTestId('error-alert')).toContainText('Name: an internal snapshot');
    await d.getByRole('button', { name: 'Cancel' }).click();
    await tab.create({ name: I1, description: 'before the change', kind: 'internal' });
    await expect(tab.row(I1).getByTestId('snapshot-captured')).toContainText('running, with memory');
    await expect(tab.row(I1).getByTestId('snapshot-description-text')).toHaveText('before the change');
    const d2 = await tab.openCreate();
    await expect(d2.getByTestId('snapshot-kind-external')).toBeDisabled();
    await expect(d2.getByTestId('snapshot-kind-external-why')).toContainText('mixed chain');
    await d2.getByRole('button', { name: 'Cancel' }).click();

    await writeData(name, 10, { marker: 'INT-TWO' });
    await tab.revert(I1, { saveCurrentAs: 'kept state', expectByVireo: false });
    expect(await tab.tree()).toEqual([`${I1}:0`, 'kept state:1']);
    await expect(tab.row('kept state')).toHaveAttribute('data-parent', I1);
    await expect(tab.row(I1).getByTestId('snapshot-current')).toHaveText('you are here');
    expect(await readMarker(name, 10, 7)).toBe('INT-ONE');
    await expect(tab.row(I1).getByTestId('snapshot-size')).toContainText('inside the qcow2 image');

    // (a tree of five built with internal reverts, then deleted, segfaulted libvirtd 9.0 in the lab twice: not here)
    await tab.delete('kept state');
    await tab.delete(I1);
    await expect(tab.root).toHaveAttribute('data-count', '0');
  });

  await test.step('external, running: middle merged by blockcommit, top by active commit, the last by libvirt; all data reads back', async () => {
    const sums = [await writeData(name, 20, { blocks: 8 })];
    await tab.create({ name: 'm1', kind: 'external' });
    await expect(tab.row('m1').getByTestId('snapshot-disk').first()).toContainText(vm.disk);
    sums.push(await writeData(name, 30, { blocks: 8 }));
    await tab.create({ name: 'm2', kind: 'external' });
    sums.push(await writeData(name, 40, { blocks: 8 }));
    await tab.create({ name: 'm3', kind: 'external' });
    sums.push(await writeData(name, 50, { blocks: 8 }));
    expect(await tab.tree()).toEqual(['m1:0', 'm2:1', 'm3:2']);
    const read = () => Promise.all([readSum(name, 20, 8), readSum(name, 30, 8), readSum(name, 40, 8), readSum(name, 50, 8)]);

    await tab.delete('m2', 'blockjobs');
    expect(await tab.tree()).toEqual(['m1:0', 'm3:1']);
    expect(await read()).toEqual(sums);

    // m3's overlay holds 8 MiB: merged at 1 MiB/s it takes 8 s, cancelled from the dialog midway
    const big = await writeData(name, 60, { blocks: 128 });
    const d = await tab.openDelete('m3');
    await d.getByTestId('snapshot-delete-method-blockjobs').check();
    await d.getByTestId('snapshot-delete-bandwidth').fill('1');
    await d.getByTestId('snapshot-delete-confirm').click();
    await expect(d.getByTestId('snapshot-job-phase')).toHaveText('merging vda', { timeout: 30_000 });
    await d.getByTestId('snapshot-job-cancel').click();
    await expect(d.getByTestId('snapshot-job')).toHaveAttribute('data-status', 'canceled', { timeout: 30_000 });
    await expect(d.getByTestId('snapshot-delete-canceled')).toBeVisible();
    await d.getByTestId('snapshot-delete-close').click();
    expect(await tab.tree()).toEqual(['m1:0', 'm3:1']);
    const overlay = (await tab.row('m3').getByTestId('snapshot-disk').textContent()) ?? '';
    expect((await virshOn('A', ['domblklist', name])).trim()).toContain(overlay.match(/overlay (\S+)/)?.[1] ?? '?');
    expect(await readSum(name, 60, 128)).toBe(big);

    await tab.delete('m1', 'libvirt', { children: ['m3'] });
    await expect(tab.root).toHaveAttribute('data-count', '0');
    expect(await read()).toEqual(sums);
    expect(await readSum(name, 60, 128)).toBe(big);
    expect((await virshOn('A', ['domblklist', name])).trim()).toContain(vm.disk);
  });

  await test.step('external revert, which libvirt 9.0 refuses, done by Vireo: the marker back', async () => {
    await writeData(name, 11, { marker: 'EXT-ONE' });
    await tab.create({ name: 'e1', kind: 'external' });
    await writeData(name, 11, { marker: 'EXT-TWO' });
    await expect(virshOn('A', ['snapshot-revert', name, 'e1'])).rejects.toThrow(/not supported/);
    await tab.revert('e1', { expectByVireo: true });
    await expect(app.details.state(name, idA)).toHaveAttribute('data-state', 'shutoff', { timeout: 30_000 });
    // the clone wizard says what becomes of the snapshots (virt-manager#810): not copied, the disk flattened,
    // the files they keep (e1's image and its old overlay) listed as staying with the source
    const e1Disk = (await tab.row('e1').getByTestId('snapshot-disk').first().textContent()) ?? '';
    const [, e1Image, e1Overlay] = e1Disk.match(/data in (\S+), overlay (\S+)/) ?? [];
    await app.showAllVms();
    const wizard = new CloneWizard(page);
    await wizard.openFromMenu(name, idA);
    await expect(wizard.root.getByTestId('clone-snapshots-note')).toContainText('1 snapshot (e1): they are not copied');
    await expect(wizard.root.getByTestId('clone-snapshots-note')).toContainText('one flattened image');
    const kept = await wizard.root.getByTestId('clone-snapshot-file').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(kept.sort()).toEqual([e1Image, e1Overlay].sort());
    await page.keyboard.press('Escape');
    await expect(wizard.root).toBeHidden();
    const booting = startLabVm(name);
    booting.catch(() => {});
    await app.table.openDetails(name, idA);
    await tab.open();
    await booting;
    expect(await readMarker(name, 11, 7)).toBe('EXT-ONE');

    // e1's old overlay (the state the revert discarded) is off the chain: libvirt refuses its delete, Vireo removes it
    const old = (await tab.row('e1').getByTestId('snapshot-disk').textContent())?.match(/overlay (\S+)/)?.[1] ?? '?';
    await expect(tab.row('e1').getByTestId('snapshot-size')).toContainText('reverted away from');
    await expect(virshOn('A', ['snapshot-delete', name, 'e1'])).rejects.toThrow();
    await tab.delete('e1', undefined, { revertedAway: true });
    expect((await virshOn('A', ['vol-list', 'default'])).split(/\s+/)).not.toContain(old);
    expect(await readMarker(name, 11, 7)).toBe('EXT-ONE');
  });

  await test.step('a tree of five external snapshots (memory in files): reverts resume the guest, RAM and disk back; middle ones deleted with and without children', async () => {
    // the guest's RAM (its busybox root is an initramfs) and its disk each carry the marker
    const poolVolumes = async () => {
      await virshOn('A', ['pool-refresh', 'default']);
      return (await virshOn('A', ['vol-list', 'default'])).split(/\s+/);
    };
    // one console round trip each: the disk marker (dd, synced) and the RAM marker written; both read back with the uptime
    const mark = (v: string) =>
      guestExec(
        'A',
        name,
        `printf '%s' '${v}' | dd of=/dev/vda bs=65536 seek=12 conv=fsync,notrunc 2>/dev/null; sync; echo ${v} > /tmp/ram-marker`,
      );
    const look = async () => {
      const out = await guestExec(
        'A',
        name,
        'echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/vda bs=65536 skip=12 count=1 2>/dev/null | head -c 4; echo; cat /tmp/ram-marker /proc/uptime',
      );
      const [disk, ram, up] = out.trim().split('\n');
      return { disk: disk?.trim(), ram: ram?.trim(), uptime: Number(up?.trim().split(/\s+/)[0]) };
    };
    const seen = async () => {
      const { disk, ram } = await look();
      return { disk, ram };
    };
    const uptime = async () => (await look()).uptime;
    await mark('T1-1');
    const atS1 = await uptime();
    await tab.create({ name: 's1', kind: 'external', memory: true });
    // <vm>.<snapshot>.<the VM uuid's first 8 hex>.mem: two VMs' files never collide (review 5, item 3)
    const memFile = (n: string) => new RegExp(`(?:^|/)${name}\\.${n}\\.[0-9a-f]{8}\\.mem$`); // name: [a-z0-9-] only
    await expect(tab.row('s1').getByTestId('snapshot-memory-file')).toHaveText(memFile('s1'));
    await expect(tab.row('s1').getByTestId('snapshot-captured')).toContainText('running, with memory');
    expect((await poolVolumes()).filter((v) => v.startsWith(name) && memFile('s1').test(v))).toHaveLength(1); // the volume's name
    await mark('T2-2');
    await tab.create({ name: 's2', kind: 'external', memory: true });
    await mark('T3-3');
    const beforeRevert = await uptime();
    await expect(virshOn('A', ['snapshot-revert', name, 's1'])).rejects.toThrow(/not supported/);
    await tab.revert('s1', { expectByVireo: true, memory: true, saveLabel: 'Snapshot the current state first (with its memory)' });
    await expect(app.details.state(name, idA)).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
    const back = await look();
    expect({ disk: back.disk, ram: back.ram }).toEqual({ disk: 'T1-1', ram: 'T1-1' });
    // the guest runs on from s1's moment: not rebooted, and without the seconds lived after s1
    expect(back.uptime).toBeGreaterThanOrEqual(atS1);
    expect(back.uptime).toBeLessThan(beforeRevert);

    // a second disk, plugged in live (a revert to s2, which has none, ends it): s4 leaves it out
    const vdb = `${IMAGES}/${name}-vdb.qcow2`;
    await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', vdb, '16M']);
    await virshOn('A', ['attach-disk', name, vdb, 'vdb', '--live', '--subdriver', 'qcow2']);
    const blk = async (t: string) =>
      (await virshOn('A', ['domblklist', name]))
        .split('\n')
        .find((l) => l.trim().startsWith(`${t} `))
        ?.trim()
        .split(/\s+/)[1];
    await mark('T4-4');
    await tab.create({ name: 's3', kind: 'external', memory: true });
    await mark('T5-5');
    const vdbAtS3 = await blk('vdb');
    expect(vdbAtS3).toMatch(/\.s3$/);
    await tab.create({ name: 's4', kind: 'external', exclude: ['vdb'] });
    expect(await blk('vdb')).toBe(vdbAtS3); // no overlay for the disk left out
    expect(await blk('vda')).toMatch(/\.s4$/);
    await expect(tab.row('s4').getByTestId('snapshot-disk')).toHaveCount(1);
    await expect(tab.row('s3').getByTestId('snapshot-disk')).toHaveCount(2);
    await tab.revert('s2', { expectByVireo: true, memory: true });
    expect(await seen()).toEqual({ disk: 'T2-2', ram: 'T2-2' });
    await tab.create({ name: 's5', kind: 'external', memory: true });
    expect(await tab.tree()).toEqual(['s1:0', 's2:1', 's5:2', 's3:1', 's4:2']);
    await expect(tab.row('s5').getByTestId('snapshot-current')).toHaveText('you are here');
    await expect(tab.root.getByTestId('snapshot-current')).toHaveCount(1);

    // s3 (the branch reverted away from) with its child s4: their overlays and s3's memory file removed, no merge,
    // and the overlay Vireo's revert to s1 made for that branch (s3 was taken on it; nothing names it any more)
    const s1Revert = (vols: string[]) => vols.filter((v) => v.includes(name) && /\.s1-revert-[0-9a-z]+\.qcow2$/.test(v));
    expect(s1Revert(await poolVolumes())).not.toEqual([]);
    await tab.delete('s3', undefined, { children: ['s4'], revertedAway: true });
    expect(await tab.tree()).toEqual(['s1:0', 's2:1', 's5:2']);
    expect(s1Revert(await poolVolumes())).toEqual([]);
    // s2 alone (reverted away from; s5 grew from its data): s5 moves up under s1
    await tab.delete('s2', undefined, { revertedAway: true });
    expect(await tab.tree()).toEqual(['s1:0', 's5:1']);
    await expect(tab.row('s5')).toHaveAttribute('data-parent', 's1');
    expect(await seen()).toEqual({ disk: 'T2-2', ram: 'T2-2' });
    // s1 with its child s5, merged by libvirt's own delete (which leaves memory files: Vireo removes them)
    await tab.delete('s1', 'libvirt', { children: ['s5'] });
    await expect(tab.root).toHaveAttribute('data-count', '0');
    expect(await readMarker(name, 12, 4)).toBe('T2-2');
    const vols = await poolVolumes();
    expect(vols.filter((v) => v.startsWith(`${name}.`) && v.endsWith('.mem'))).toEqual([]);
    expect(vols.filter((v) => /\.s[1-5]$/.test(v) && v.startsWith(name))).toEqual([]);
  });

  await test.step('delete the VM: the files its snapshots keep are listed and removed with it', async () => {
    await tab.create({ name: 'e2', kind: 'external' });
    await expect(tab.row('e2').getByTestId('snapshot-size')).toContainText('on disk');
    const dialog = page.getByTestId('delete-dialog');
    // Another VM whose disks cannot be read (a volume disk in an inactive iscsi pool: libvirt cannot
    // say its path, and an iscsi LUN's path cannot be derived; defining one reaches no target): which
    // files it uses is not known, so none of the snapshots' files is offered.
    const blind = `${name}-blind`;
    const pool = `${name}-iscsi`;
    const xmlFile = `/tmp/${blind}.xml`;
    writeFileSync(
      xmlFile,
      `<pool type='iscsi'><name>${pool}</name><source><host name='192.0.2.1'/><device path='iqn.2000-01.invalid:${name}'/></source><target><path>/dev/disk/by-path</path></target></pool>`,
    );
    await virshOn('A', ['pool-define', xmlFile]);
    try {
      writeFileSync(
        xmlFile,
        throwawayXml(blind, { disk: '/x' })
          .replace("<disk type='file'", "<disk type='volume'")
          .replace("<source file='/x'/>", `<source pool='${pool}' volume='lv0'/>`),
      );
      await virshOn('A', ['define', xmlFile]);
      await app.details.action(name, idA, 'delete').click();
      await expect(dialog.getByTestId('delete-snapshot-files-unread')).toContainText(`“${blind}”`);
      const offered = await dialog.getByTestId('delete-snapshot-file').all();
      expect(offered.length, 'the snapshots keep files: each is listed, none can be ticked').toBeGreaterThan(0);
      for (const f of offered) {
        await expect(f).toBeDisabled();
        await expect(f).not.toBeChecked();
      }
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    } finally {
      await virshOn('A', ['undefine', blind]).catch(() => {});
      await virshOn('A', ['pool-undefine', pool]).catch(() => {});
      rmSync(xmlFile, { force: true });
    }
    await app.details.action(name, idA, 'delete').click();
    const files = dialog.getByTestId('delete-snapshot-file');
    // under vda: the fresh overlay Vireo's revert made (the VM's own image is not always listed yet: see notes/snapshots2.md)
    await expect(files.first()).toBeVisible();
    const listed = (await files.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))) as string[];
    expect(listed.some((p) => /\.e1-revert-[0-9a-z]+\.qcow2$/.test(p))).toBe(true);
    // Only e2's data (the layer under its overlay) is made by a snapshot: ticked by default. Every other
    // layer is a base no snapshot names any more (the VM's original image, the revert's overlay once the
    // tree's snapshots went): possibly a template other VMs use, so offered but never ticked by default.
    const e2Image = ((await tab.row('e2').getByTestId('snapshot-disk').first().textContent()) ?? '').match(/data in (\S+), overlay/)?.[1];
    expect(listed).toContain(e2Image);
    const unticked = listed.filter((p) => p !== e2Image);
    expect(unticked.some((p) => /\.e1-revert-[0-9a-z]+\.qcow2$/.test(p))).toBe(true);
    if (listed.includes(vm.disk)) expect(unticked).toContain(vm.disk);
    const rows = await files.all();
    expect(rows.length).toBe(listed.length);
    for (const f of rows) {
      const path = (await f.getAttribute('data-path')) ?? '';
      if (unticked.includes(path)) {
        await expect(f, `${path} is a base: not ticked by default`).not.toBeChecked();
        await f.check(); // ticked here by hand: the test VM's own files
      } else await expect(f, `${path} holds e2's data: ticked by default`).toBeChecked();
    }
    await expect(dialog.getByTestId('delete-snapshot-files')).toContainText('under vda');
    await dialog.getByTestId('delete-disk-vda').check(); // the new top overlay: ticked by hand when the pool learnt of it after the dialog read the disks
    await dialog.getByTestId('delete-confirm-name').fill(name);
    await dialog.getByTestId('delete-submit').click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect
      .poll(
        () =>
          virshOn('A', ['domstate', name]).then(
            () => 'defined',
            () => 'gone',
          ),
        { timeout: 30_000 },
      )
      .toBe('gone');
    await virshOn('A', ['pool-refresh', 'default']);
    const left = (await virshOn('A', ['vol-list', 'default'])).split(/\s+/);
    for (const p of listed) expect(left).not.toContain(p);
    expect(left.filter((p) => p.includes('.e2'))).toEqual([]);
  });
});
