/**
 * Following a block job (a snapshot merge) on the host: libvirt's BLOCK_JOB_2 events say when it
 * is ready for the pivot, completed, failed or cancelled (acted on at once); the progress figures
 * (cur/end) have no event in libvirt, so they are read once a second for the bar — and that read
 * is also the fallback when an event was missed (a reconnect re-registers on the new client).
 */
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { classify } from '../../libvirt/errors';
import type { DomainRef } from '../../libvirt/protocol';
import {
  BlockJobAbortFlags,
  type BlockJobEvent,
  BlockJobStatus,
  blockJobEventDeregister,
  blockJobEventRegister,
  domainBlockJobAbort,
  domainGetBlockJobInfo,
  onBlockJobEvent,
} from '../../libvirt/snapshot';

/** How often the progress figures are read while following a job (events carry none). */
export const PROGRESS_POLL_MS = 1000;

interface Registration {
  ready: Promise<number>;
  off: () => void;
}

/** One BLOCK_JOB_2 registration per RPC client (libvirt takes one per event per connection), shared by every follower. */
export class BlockJobEvents {
  private regs = new WeakMap<RpcClient, Registration>();
  private live = new Set<{ rpc: RpcClient; reg: Registration }>();
  private waiters = new Set<{ uuid: string; disk: string; fn: (e: BlockJobEvent) => void }>();

  /** Registers on `rpc` (once); resolves when libvirt has the registration. */
  async ensure(rpc: RpcClient): Promise<void> {
    let reg = this.regs.get(rpc);
    if (!reg) {
      let id: number | undefined;
      const early: BlockJobEvent[] = [];
      const off = onBlockJobEvent(rpc, (e) => {
        if (id === undefined) early.push(e);
        else if (e.callbackId === id) this.dispatch(e);
      });
      const ready = blockJobEventRegister(rpc).then((cb) => {
        id = cb;
        for (const e of early.splice(0)) if (e.callbackId === cb) this.dispatch(e);
        return cb;
      });
      reg = { ready, off };
      this.regs.set(rpc, reg);
      const entry = { rpc, reg };
      this.live.add(entry);
      ready.catch(() => {
        off();
        this.regs.delete(rpc);
        this.live.delete(entry);
      });
    }
    await reg.ready;
  }

  /** The next event of `disk` of domain `uuid`, or null after `ms` (or when `signal` aborts). */
  next(uuid: string, disk: string, ms: number, signal?: AbortSignal): Promise<BlockJobEvent | null> {
    return new Promise((resolve) => {
      const w = {
        uuid,
        disk,
        fn: (e: BlockJobEvent) => {
          done();
          resolve(e);
        },
      };
      const t = setTimeout(() => {
        done();
        resolve(null);
      }, ms);
      const onAbort = () => {
        done();
        resolve(null);
      };
      const done = () => {
        clearTimeout(t);
        this.waiters.delete(w);
        signal?.removeEventListener('abort', onAbort);
      };
      this.waiters.add(w);
      signal?.addEventListener('abort', onAbort);
    });
  }

  /** Deregisters everywhere (best effort: a connection may be gone). */
  async dispose(): Promise<void> {
    const all = [...this.live];
    this.live.clear();
    await Promise.allSettled(
      all.map(async ({ rpc, reg }) => {
        this.regs.delete(rpc); // a later ensure() on this connection registers again
        reg.off();
        if (rpc.isOpen) await blockJobEventDeregister(rpc, await reg.ready, { timeoutMs: 5_000 });
      }),
    );
  }

  private dispatch(e: BlockJobEvent): void {
    for (const w of [...this.waiters]) if (w.uuid === e.domain.uuid && w.disk === e.disk) w.fn(e);
  }
}

/**
 * The backend's one BlockJobEvents: libvirt refuses a second BLOCK_JOB_2 registration on a
 * connection ("event callback already tracked"), so every feature following block jobs (a
 * snapshot merge, a disk move) shares it.
 */
export const sharedBlockJobEvents = new BlockJobEvents();

const STATUS = ['completed', 'failed', 'cancelled', 'ready'];

/** The link to the host dropped (the block job goes on there): wait for the reconnect and follow it again. */
const linkLost = (err: unknown): boolean => ['closed', 'ssh', 'timeout'].includes(classify(err).kind);

/**
 * Waits for the block job on `step.target` to end (or, for an active commit, to be ready, then
 * pivots). The job runs in QEMU on the host: when the link drops, it is followed again on the
 * reconnected client (`reconnect`); the client in use at the end is returned.
 */
export async function followBlockJob(
  events: BlockJobEvents | null,
  rpc0: RpcClient,
  dom: DomainRef,
  step: { target: string; active: boolean },
  onProgress: (cur: number, end: number) => void,
  signal?: AbortSignal,
  reconnect?: () => Promise<RpcClient>,
): Promise<RpcClient> {
  let rpc = rpc0;
  let ready = false;
  for (;;) {
    if (signal?.aborted) {
      try {
        await domainBlockJobAbort(rpc, dom, { disk: step.target });
      } catch (err) {
        // Not cancelled after all: say so (the job may still run, or have just finished).
        throw new AppError('libvirt', `The merge of ${step.target} could not be cancelled: ${(err as Error).message}`, {
          hint: 'The block job may still run on the host (virsh blockjob VM DISK shows it); read the snapshot list again once it ends.',
          cause: err,
        });
      }
      throw new AppError('canceled', 'The merge was cancelled', 'libvirt cancelled the block job: the chain is as it was.');
    }
    let info: Awaited<ReturnType<typeof domainGetBlockJobInfo>>;
    try {
      // Events of this client from now on (after a reconnect: registered again on the new one).
      await events?.ensure(rpc).catch(() => {}); // without events the read below still follows the job
      info = await domainGetBlockJobInfo(rpc, dom, { disk: step.target });
    } catch (err) {
      if (!reconnect || !linkLost(err)) throw err;
      rpc = await reconnect();
      continue;
    }
    if (!info) return rpc;
    onProgress(info.cur, info.end);
    if (step.active && (ready || (info.end > 0 && info.cur === info.end))) {
      try {
        await domainBlockJobAbort(rpc, dom, { disk: step.target, flags: BlockJobAbortFlags.PIVOT });
        // The pivot ends the job: its COMPLETED event, or the read, says when it is gone.
        for (let i = 0; i < 50 && (await domainGetBlockJobInfo(rpc, dom, { disk: step.target })); i++)
          await (events?.next(dom.uuid, step.target, 200) ?? new Promise<null>((r) => setTimeout(() => r(null), 200)));
        return rpc;
      } catch (err) {
        if (reconnect && linkLost(err)) {
          rpc = await reconnect();
          continue;
        }
        // Gone meanwhile: an earlier pivot whose reply the dropped link lost finished it (the caller
        // checks the chain afterwards, so a job that failed instead is still caught).
        if ((await domainGetBlockJobInfo(rpc, dom, { disk: step.target }).catch(() => 'unknown')) === null) return rpc;
        // Not ready for the pivot yet (qemu reports "ready" a moment after cur reaches end): its READY event comes.
        if (!/not ready/i.test((err as Error).message)) throw err;
      }
    }
    const e = events
      ? await events.next(dom.uuid, step.target, PROGRESS_POLL_MS, signal)
      : await new Promise<null>((r) => setTimeout(() => r(null), 100));
    if (e?.status === BlockJobStatus.READY) ready = true;
    if (e?.status === BlockJobStatus.FAILED || (e?.status === BlockJobStatus.CANCELED && !signal?.aborted))
      throw new AppError(
        'libvirt',
        `libvirt reports the block job on ${step.target} ${STATUS[e.status]}`,
        'The chain is as it was before this merge (virsh blockjob and the host’s libvirt log say why).',
      );
  }
}
