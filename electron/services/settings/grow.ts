/**
 * A disk grown, never shrunk (a smaller size would cut off the guest's data): while the VM runs,
 * live with virDomainBlockResize (the guest sees the new size at once); while it is shut off,
 * through its pool with virStorageVolResize (the guest sees it at its next boot). A shut-off disk
 * that is no pool volume is refused, saying why and what to do. Each disk's size comes from
 * virDomainGetBlockInfo, which reads a shut-off VM's image too.
 */
import type { SettingsDisk } from '../../../shared/api/settings';
import { AppError } from '../../../shared/errors';
import { domainBlockResize, domainGetBlockInfo, domainGetXmlDesc } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError, withLibvirtHint } from '../../libvirt/errors';
import { DomainXmlFlags } from '../../libvirt/protocol';
import { volGetInfo, volLookupByPath, volResize } from '../../libvirt/storage';
import { parseDomain } from '../../xml/parse';
import { type DeviceOutcome, guard, type Target } from './devices';

const MiB = 1024 * 1024;

/** The refusal of a size that does not grow the disk (null: it grows). Pure. */
export function growRefusal(target: string, capacity: number, bytes: number): AppError | null {
  if (bytes > capacity) return null;
  return new AppError(
    'invalid-input',
    `${target} is ${Math.round(capacity / MiB)} MiB: only growing is offered`,
    'Shrinking would cut off the guest’s data; nothing was resized.',
  );
}

/** Grows a disk to `sizeMiB`: live while the VM runs, its pool volume while it is shut off. */
export async function growDisk(t: Target, target: string, sizeMiB: number): Promise<DeviceOutcome> {
  const bytes = sizeMiB * MiB;
  if (!t.running) return growOffline(t, target, bytes);
  const { capacity } = await guard(domainGetBlockInfo(t.rpc, t.dom, { disk: target }), 'Nothing was resized.');
  const refused = growRefusal(target, capacity, bytes);
  if (refused) throw refused;
  await guard(domainBlockResize(t.rpc, t.dom, { disk: target, bytes }), 'Nothing was resized.');
  // The image itself grew: the next boot sees the new size too.
  return { applied: ['live', ...(t.persistent ? (['config'] as const) : [])] };
}

/** A shut-off VM's disk: its pool volume resized by libvirt's storage driver (qemu-img resize for qcow2). */
async function growOffline(t: Target, target: string, bytes: number): Promise<DeviceOutcome> {
  const m = parseDomain(await domainGetXmlDesc(t.rpc, t.dom, { flags: DomainXmlFlags.INACTIVE }));
  const d = m.disks.find((x) => x.target === target);
  if (d?.device !== 'disk') throw new AppError('not-found', `${t.dom.name} has no disk ${target}`, 'Nothing was resized.');
  if (!d.path)
    throw new AppError(
      'invalid-input',
      `${target} of ${t.dom.name} is not a file or block device on this host (a network disk): it cannot be grown here`,
      'Grow it on the storage that serves it, or start the VM and grow it live here.',
    );
  let vol: Awaited<ReturnType<typeof volLookupByPath>>;
  try {
    vol = await volLookupByPath(t.rpc, d.path);
  } catch (err) {
    if (!isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) throw err;
    throw new AppError(
      'invalid-input',
      `${d.path} is not a volume of any storage pool on this host: libvirt grows a shut-off VM’s disk through its pool`,
      'Add a storage pool for its directory in the host’s Storage tab (the file becomes one of its volumes), or start the VM and grow the disk live here. Nothing was resized.',
    );
  }
  const before = await guard(volGetInfo(t.rpc, vol), 'Nothing was resized.');
  const refused = growRefusal(target, before.capacity, bytes);
  if (refused) throw refused;
  await guard(volResize(t.rpc, vol, { capacity: bytes }), 'Nothing was resized.');
  const after = await volGetInfo(t.rpc, vol);
  if (after.capacity < bytes)
    throw new AppError(
      'libvirt',
      `libvirt reports ${vol.name} at ${Math.round(after.capacity / MiB)} MiB after growing it to ${Math.round(bytes / MiB)} MiB`,
      'Check the volume in the host’s Storage tab.',
    );
  return { applied: ['config'] };
}

/**
 * libvirt's answers to virDomainGetBlockInfo that mean "this disk has no size libvirt can read" (it
 * is shown without one). Pure. Read on lab-a (libvirt 9.0) for a shut-off VM:
 * - a network disk: INTERNAL_ERROR "missing storage backend for network files using nbd protocol";
 * - a missing or unreadable image: SYSTEM_ERROR "Failed to open file '…': No such file or directory";
 * - a disk gone meanwhile: INVALID_ARG "invalid path vdz not assigned to domain";
 * and a path that is no pool's volume (NO_STORAGE_VOL), a storage type without a backend (the
 * unsupported codes). Anything else — a timeout, a closed link, a busy or vanished domain, a
 * refusal — is not a property of the disk: it is thrown, not hidden as "no size".
 */
export function notSizeable(err: unknown): boolean {
  if (!isLibvirtError(err)) return false;
  switch (err.code) {
    case ErrorCode.NO_STORAGE_VOL:
    case ErrorCode.SYSTEM_ERROR:
    case ErrorCode.CONFIG_UNSUPPORTED:
    case ErrorCode.NO_SUPPORT:
    case ErrorCode.OPERATION_UNSUPPORTED:
      return true;
    case ErrorCode.INTERNAL_ERROR:
      return /storage backend/i.test(err.message);
    case ErrorCode.INVALID_ARG:
      return /not assigned to domain/i.test(err.message);
    default:
      return false;
  }
}

/**
 * Each disk's capacity in bytes: the running VM's disks, or a shut-off VM's next-boot ones (libvirt
 * reads the image); a disk libvirt cannot size (notSizeable: network, missing image) is left out.
 */
export async function capacities(t: Target, disks: readonly SettingsDisk[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await Promise.all(
    disks
      .filter((d) => (t.running ? d.live : d.config) && d.device === 'disk' && d.source)
      .map(async (d) => {
        try {
          out.set(d.target, (await domainGetBlockInfo(t.rpc, t.dom, { disk: d.target })).capacity);
        } catch (err) {
          if (!notSizeable(err))
            throw withLibvirtHint(err, `The size of ${d.target} could not be read; nothing was changed. Open the settings again.`);
        }
      }),
  );
  return out;
}
