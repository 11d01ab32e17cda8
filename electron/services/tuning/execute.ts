/**
 * Resizing a huge page pool: checked first (checks.ts), then virNodeAllocPages (SET, all NUMA
 * cells), then read back. The kernel may give fewer pages than asked (free memory in pieces);
 * libvirt then fails and keeps what it got. Either way a short pool is put back to what it was and
 * the request refused, saying how many the kernel gave.
 */
import type { HostId, HugePagesResult, HugePagesState } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { withLibvirtHint } from '../../libvirt/errors';
import { hostAllocPages, NodeAllocPagesFlags } from '../../libvirt/host';
import { checkHugepages, pageSizeName, shortfallError } from './checks';
import { readHugePages, type TuningIo } from './facts';

/** The two moves the resize makes on a host; the lab's libvirt, or a stand-in kernel in unit tests. */
export interface PoolIo {
  read(): Promise<HugePagesState>;
  /** Resizes the pool of `sizeKiB` pages to `count` over all NUMA cells. */
  set(sizeKiB: number, count: number): Promise<void>;
}

export function libvirtPools(io: TuningIo, hostId: HostId): PoolIo {
  return {
    read: () => readHugePages(io.rpc(), hostId),
    set: async (sizeKiB, count) => {
      await hostAllocPages(io.rpc(), {
        pageSizesKiB: [sizeKiB],
        counts: [count],
        startCell: -1,
        cellCount: 1,
        flags: NodeAllocPagesFlags.SET,
      });
    },
  };
}

const totalOf = (s: HugePagesState, sizeKiB: number): number => s.sizes.find((x) => x.sizeKiB === sizeKiB)?.total ?? 0;

export async function resizePool(pools: PoolIo, hostLabel: string, sizeKiB: number, count: number): Promise<HugePagesResult> {
  const before = checkHugepages(await pools.read(), hostLabel, sizeKiB, count);
  let failure: unknown;
  try {
    await pools.set(sizeKiB, count);
  } catch (err) {
    failure = err;
  }
  const after = await pools.read();
  const got = totalOf(after, sizeKiB);
  if (got < count) {
    let restored: number | null = null;
    try {
      await pools.set(sizeKiB, before);
      restored = totalOf(await pools.read(), sizeKiB);
    } catch {
      restored = null;
    }
    throw shortfallError(hostLabel, sizeKiB, count, got, before, restored);
  }
  if (failure)
    throw withLibvirtHint(failure, `The ${pageSizeName(sizeKiB)} pool holds ${got} pages now (it had ${before}, ${count} were asked).`);
  if (got > count && count < before)
    // Pages a running VM uses cannot be freed: the kernel keeps them ("surplus") until it lets go.
    throw new AppError(
      'hugepages-in-use',
      `${hostLabel} kept ${got} ${pageSizeName(sizeKiB)} pages of the ${before}, ${count} were asked: the others are in use by running VMs`,
      'Stop the VMs that use huge pages (memoryBacking hugepages) first, then free them.',
    );
  return { state: after, sizeKiB, asked: count, got };
}
