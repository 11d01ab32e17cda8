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
import { blockJobChannel, type EventRelay, type RelaySubscription } from '../../libvirt/relay';
import { BlockJobAbortFlags, type BlockJobEvent, BlockJobStatus, domainBlockJobAbort, domainGetBlockJobInfo } from '../../libvirt/snapshot';

/** How often the progress figures are read while following a job (events carry none). */
export const PROGRESS_POLL_MS = 1000;

/**
 * Block job events (BLOCK_JOB_2) for the followers of one feature, through the connection's event
 * relay (deps.relays): libvirt takes one registration per event and connection, and the relay
 * holds it for every feature (a snapshot merge, a disk move), registers it again after a
 * reconnect and deregisters it when the last follower's feature is disposed.
 */
export class BlockJobEvents {
  /** Per relay: the subscription and the hook on its connection's end (both let go on dispose). */
  private readonly subs = new Map<EventRelay, { sub: RelaySubscription; offClosed: () => void }>();
  private waiters = new Set<{ uuid: string; disk: string; fn: (e: BlockJobEvent) => void }>();

  /** `relayOf`: the relay of the connection whose client `rpc` is (null: none, the job is followed by reads alone). */
  constructor(private readonly relayOf: (rpc: RpcClient) => EventRelay | null) {}

  /** Subscribes on `rpc`'s connection (once); resolves when libvirt has the registration. */
  async ensure(rpc: RpcClient): Promise<void> {
    const relay = this.relayOf(rpc);
    if (!relay) throw new Error('no event relay for this connection');
    let sub = this.subs.get(relay)?.sub;
    if (!sub) {
      const s = relay.subscribe(blockJobChannel, (e) => this.dispatch(e));
      const entry = { sub: s, offClosed: () => {} };
      this.subs.set(relay, entry);
      // Its connection ended: let go of that relay (a host connected anew has another).
      entry.offClosed = relay.onClosed(() => {
        if (this.subs.get(relay) === entry) this.subs.delete(relay);
      });
      // Refused: the next ensure() tries again (meanwhile the progress reads follow the job).
      s.ready.catch(() => {
        if (this.subs.get(relay) === entry) this.subs.delete(relay);
        entry.offClosed();
        s.off();
      });
      sub = s;
    }
    await sub.ready;
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

  /** Leaves every relay (the last subscriber of a connection deregisters there) and its hook on the connection's end. */
  dispose(): void {
    for (const { sub, offClosed } of this.subs.values()) {
      offClosed();
      sub.off();
    }
    this.subs.clear();
  }

  private dispatch(e: BlockJobEvent): void {
    for (const w of [...this.waiters]) if (w.uuid === e.domain.uuid && w.disk === e.disk) w.fn(e);
  }
}

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
