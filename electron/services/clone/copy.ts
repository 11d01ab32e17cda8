/**
 * The two routes of a clone's disk copy. On the same host the copy is libvirt's own (volume
 * create-from); to another host, the bytes stream from a download on the source host into an
 * upload on the target through the app's two SSH sessions, verified disk to disk (sizes, and by
 * default the sha256 of the source file on the source host against that of the written file on
 * the target).
 */
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import type { StoragePoolRef, StorageVolRef } from '../../libvirt/protocol';
import { volCreateXml, volCreateXmlFrom, volDownload, volGetInfo, volGetPath, volLookupByName, volUpload } from '../../libvirt/storage';
import { buildVolumeXml } from '../../xml/volume';
import { armDigest, type HostIo, hostDigest, openStreamPair, pipeBytes } from '../transfer';

/** A copy done on the same host by libvirt (volume create-from), with progress from the new volume's allocation. */
export async function copyVolumeLocal(a: {
  rpc: RpcClient;
  pool: StoragePoolRef;
  name: string;
  from: StorageVolRef;
  capacity: number;
  format: string;
  /** What the copy should reach (the source's allocation), for progress. */
  expected: number;
  onProgress: (bytes: number) => void;
}): Promise<StorageVolRef> {
  let done = false;
  const poll = async () => {
    while (!done) {
      try {
        const ref = await volLookupByName(a.rpc, a.pool, a.name);
        const info = await volGetInfo(a.rpc, ref);
        if (!done) a.onProgress(Math.min(info.allocation, a.expected));
      } catch {
        // not there yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const poller = poll();
  try {
    // Not abortable on the host once started: a cancel waits for it, then removes the copy.
    return await volCreateXmlFrom(a.rpc, a.pool, {
      xml: buildVolumeXml({ name: a.name, capacity: a.capacity, format: a.format }),
      from: a.from,
    });
  } finally {
    done = true;
    await poller;
  }
}

/**
 * A copy between two hosts: a raw volume of exactly the source file's size is made on the target,
 * then the source's bytes (a qcow2 file's container as it is) stream into it: a download on the
 * source piped into an upload on the target, each on a libvirt connection of its own.
 *
 * Verification, end to end from disk to disk: the number of bytes that passed equals the source
 * file's size, the target file has that size, and (sha256) the source host's sha256 of its file —
 * computed there while the bytes stream, so it costs no time and none of this process's CPU —
 * equals the target host's sha256 of what it wrote.
 */
export async function copyVolumeAcross(a: {
  from: HostIo;
  fromVol: StorageVolRef;
  fromPath: string;
  to: HostIo;
  toPool: StoragePoolRef;
  toName: string;
  /** The target pool holds block devices (logical, disk). */
  block?: boolean;
  verify: 'sha256' | 'size';
  rateBps?: number;
  signal: AbortSignal;
  onCreated: (vol: StorageVolRef) => void;
  onBytes?: (n: number, total: number) => void;
}): Promise<{ vol: StorageVolRef; path: string; bytes: number; sha256?: string }> {
  // The connections for the two streams open while we size the source and make the target.
  const bulks = Promise.all([a.from.openBulk(), a.to.openBulk()]);
  bulks.catch(() => {});
  let src: Awaited<ReturnType<HostIo['openBulk']>> | undefined;
  let dst: Awaited<ReturnType<HostIo['openBulk']>> | undefined;
  let targetSum: ReturnType<typeof armDigest> | undefined;
  try {
    const { size: bytes } = await hostDigest(a.from, a.fromPath, 0, 'size');
    // No abort signal: a create given up on here could still finish on the host, unseen.
    const vol = await volCreateXml(a.to.rpc(), a.toPool, { xml: buildVolumeXml({ name: a.toName, capacity: bytes, format: 'raw' }) });
    a.onCreated(vol);
    const path = await volGetPath(a.to.rpc(), vol);
    [src, dst] = await bulks;
    const [down, up] = await openStreamPair(`${a.fromPath} on ${a.from.label} -> ${a.toName} on ${a.to.label}`, [
      volDownload(src.rpc, a.fromVol, { length: bytes, signal: a.signal }),
      volUpload(dst.rpc, vol, { length: bytes, signal: a.signal }),
    ]);
    // Read-only on the source; if the copy fails it finishes on its own, unused.
    const sourceSum = a.verify === 'sha256' ? hostDigest(a.from, a.fromPath, bytes, 'sha256') : null;
    sourceSum?.catch(() => {});
    // The target's check starts now and waits: it reads the written file only once the copy is done.
    targetSum = armDigest(a.to, path, bytes, a.verify);
    const r = await pipeBytes(down, up, {
      hash: false,
      signal: a.signal,
      ...(a.rateBps ? { rateBps: a.rateBps } : {}),
      onBytes: (n) => a.onBytes?.(n, bytes),
    });
    if (r.bytes !== bytes) throw new AppError('verify', `Copied ${r.bytes} bytes of ${a.fromPath}, expected ${bytes}`);
    const [d, s] = await Promise.all([targetSum.fire(), sourceSum]);
    // A block device may be a little larger than asked (extents); a file is exactly the copy.
    const sizeOk = a.block ? d.size >= bytes : d.size === bytes;
    if (!sizeOk)
      throw new AppError(
        'verify',
        `${path} on ${a.to.label} has ${d.size} bytes after the copy, expected ${bytes}`,
        'The copy was removed; try again.',
      );
    if (s && s.size !== bytes)
      throw new AppError(
        'verify',
        `${a.fromPath} on ${a.from.label} changed size during the copy (${s.size} bytes, ${bytes} copied)`,
        'Is another program writing to it? The copy was removed.',
      );
    if (s && d.sha256 !== s.sha256) {
      throw new AppError(
        'verify',
        `${path} on ${a.to.label} differs from ${a.fromPath} on ${a.from.label} (sha256 ${d.sha256?.slice(0, 12)}… vs ${s.sha256?.slice(0, 12)}…)`,
        'The copy was removed; try again.',
      );
    }
    return { vol, path, bytes, ...(s?.sha256 ? { sha256: s.sha256 } : {}) };
  } finally {
    targetSum?.cancel(); // not fired: the copy failed
    if (!src || !dst)
      void bulks.then(
        ([x, y]) => {
          x.close();
          y.close();
        },
        () => {},
      );
    src?.close();
    dst?.close();
  }
}
