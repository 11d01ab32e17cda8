/**
 * A VM of the snapshot tests' own on lab host A: a copy of `tiny`'s definition named `s22-…`
 * with its own empty 64 MiB qcow2 disk in A's default pool, so other tests using `tiny` are not
 * disturbed. The guest (busybox in an initramfs) writes and reads its disk raw with dd: a
 * "file" is a run of 64 KiB blocks at an offset, read back through a dropped page cache.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { guestVmXml } from '../../../e2e/lab/guest-vm';
import { guestExec, labSh, virshOn } from '../../../e2e/lab/lab';

export const IMAGES = '/var/lib/libvirt/images';

export interface LabVm {
  name: string;
  disk: string;
  uuid: string;
}

const hex = () =>
  Math.floor(Math.random() * 256)
    .toString(16)
    .padStart(2, '0');

/** tiny's definition (e2e/lab/guest-vm.ts; tiny itself may be elsewhere while another test migrates it), with a MAC of ours and VNC. */
function definition(name: string, disk: string): string {
  return guestVmXml({
    name,
    disk,
    machine: 'pc-i440fx-7.2',
    nics: [
      `<interface type='bridge'><mac address='52:54:00:22:${hex()}:${hex()}'/><source bridge='labbr0'/><model type='virtio'/></interface>`,
    ],
    devices: "\n    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>",
  });
}

/** Defines (and starts, unless `start` is false) a copy of tiny named `name`, waiting for its console shell. */
export async function makeLabVm(name: string, o: { start?: boolean } = {}): Promise<LabVm> {
  const disk = `${IMAGES}/${name}.qcow2`;
  await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', disk, '64M']);
  const file = `/tmp/${name}.xml`;
  writeFileSync(file, definition(name, disk));
  try {
    await virshOn('A', ['define', file]);
  } finally {
    rmSync(file, { force: true });
  }
  if (o.start !== false) await startLabVm(name);
  const uuid = (await virshOn('A', ['domuuid', name])).trim();
  return { name, disk, uuid };
}

export async function startLabVm(name: string): Promise<void> {
  await labSh(['exec', 'A', 'sh', '-c', `: > /var/log/libvirt/qemu/${name}-serial.log`]).catch(() => {});
  await virshOn('A', ['start', name]);
  await labSh(['wait-banner', 'A', name, '60']);
}

/** Removes the VM, its snapshot metadata and every file named after it in the pool (also when half made). */
export async function removeLabVm(name: string): Promise<void> {
  await virshOn('A', ['destroy', name]).catch(() => {});
  await virshOn('A', ['undefine', '--snapshots-metadata', '--nvram', name]).catch(() => {});
  await labSh(['exec', 'A', 'sh', '-c', 'rm -f -- "$0"/"$1".* "$0"/"$1"-*', IMAGES, name]).catch(() => {});
  await virshOn('A', ['pool-refresh', 'default']).catch(() => {});
}

const BLOCK = 65536;

/** Writes `blocks` × 64 KiB at block `at`: random data, or the marker text; returns its sha256 as the guest reads it. */
export async function writeData(vm: string, at: number, o: { blocks?: number; marker?: string } = {}): Promise<string> {
  const n = o.blocks ?? 1;
  if (o.marker !== undefined)
    await guestExec('A', vm, `printf '%s' '${o.marker}' | dd of=/dev/vda bs=${BLOCK} seek=${at} conv=fsync,notrunc 2>/dev/null; sync`);
  else await guestExec('A', vm, `dd if=/dev/urandom of=/dev/vda bs=${BLOCK} seek=${at} count=${n} conv=fsync 2>/dev/null; sync`);
  return readSum(vm, at, n);
}

/** The sha256 of `blocks` × 64 KiB at block `at`, read from the disk (page cache dropped first). */
export async function readSum(vm: string, at: number, blocks = 1): Promise<string> {
  const out = await guestExec(
    'A',
    vm,
    `echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/vda bs=${BLOCK} skip=${at} count=${blocks} 2>/dev/null | sha256sum`,
  );
  return out.trim().split(/\s+/)[0] ?? '';
}

/** The text at block `at` (up to `len` characters), read from the disk. */
export async function readMarker(vm: string, at: number, len: number): Promise<string> {
  return (
    await guestExec(
      'A',
      vm,
      `echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/vda bs=${BLOCK} skip=${at} count=1 2>/dev/null | head -c ${len}`,
    )
  ).trim();
}
