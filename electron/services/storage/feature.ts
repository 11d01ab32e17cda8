/**
 * Binds this feature's part of the contract (shared/api/storage.ts) to its service. Pool build,
 * volume clone and wipe run as typed Jobs (kind 'storage'): their refusals (in use, not found)
 * come back at once; only work that may start becomes a job. libvirt cannot stop any of the
 * three once sent, so none is cancellable. A download to this computer is a job too (its stream
 * can be stopped: cancellable), its bytes sent on a byte channel the renderer reads.
 */
import { once } from 'node:events';
import type { Job } from '../../../shared/api';
import type { StorageJobDetail } from '../../../shared/api/jobs';
import { DOWNLOAD_COMPLETE, DOWNLOAD_MAX_BYTES, type storageRequests } from '../../../shared/api/storage';
import { AppError } from '../../../shared/errors';
import { withLibvirtHint } from '../../libvirt/errors';
import { volDownload } from '../../libvirt/storage';
import type { Feature, ServiceDeps } from '../deps';
import type { JobContext } from '../jobs';
import { StorageService } from './service';

export type StorageFeature = Feature<keyof typeof storageRequests>;

export function createStorageFeature(deps: ServiceDeps): StorageFeature {
  const s = new StorageService(deps.hosts, deps.events, deps.relays);
  const job = (
    hostId: string,
    title: string,
    detail: StorageJobDetail,
    phase: string,
    work: (ctx: JobContext<'storage'>) => Promise<unknown>,
    cancellable = false,
  ): Job => {
    const { job } = deps.jobs.start({ kind: 'storage', hostId, title, cancellable, detail }, async (ctx) => {
      ctx.update({ phase });
      return work(ctx);
    });
    return job;
  };
  return {
    handlers: {
      'storage.pools': ({ hostId }) => s.pools(hostId),
      'storage.poolTypes': ({ hostId }) => s.poolTypes(hostId),
      'storage.volumes': ({ hostId, pool }) => s.volumes(hostId, pool),
      'storage.definePool': (spec) => s.definePool(spec),
      'storage.poolAction': async ({ hostId, pool, action }) => {
        if (action !== 'build') {
          await s.poolAction(hostId, pool, action);
          return null;
        }
        // Building can be long (mkfs of an fs pool, vgcreate): a job.
        return job(hostId, `Build pool ${pool}`, { op: 'build', pool, figures: {} }, `libvirt builds pool ${pool}`, () =>
          s.poolAction(hostId, pool, 'build'),
        );
      },
      'storage.poolAutostart': ({ hostId, pool, autostart }) => s.setAutostart(hostId, pool, autostart),
      'storage.createVolume': (spec) => s.createVolume(spec),
      'storage.resizeVolume': ({ hostId, pool, volume, capacity }) => s.resizeVolume(hostId, pool, volume, capacity),
      'storage.cloneVolume': async ({ hostId, pool, volume, name, targetPool }) => {
        const checked = await s.checkClone(hostId, pool, volume, targetPool);
        const t0 = Date.now();
        return job(
          hostId,
          `Clone ${volume} to ${targetPool}/${name}`,
          {
            op: 'clone',
            pool,
            volume,
            target: { pool: targetPool, volume: name },
            figures: { totalBytes: checked.src.allocation, bytes: 0 },
          },
          'libvirt copies the volume',
          async (ctx) => {
            await s.cloneVolume(
              hostId,
              pool,
              volume,
              name,
              targetPool,
              (bytes, totalBytes) => {
                const elapsedMs = Date.now() - t0;
                ctx.update({
                  progress: bytes / totalBytes,
                  detail: {
                    figures: { bytes, totalBytes, elapsedMs, ...(elapsedMs > 0 ? { bytesPerSec: (bytes * 1000) / elapsedMs } : {}) },
                  },
                });
              },
              checked,
            );
          },
        );
      },
      'storage.wipeVolume': async ({ hostId, pool, volume }) => {
        const checked = await s.checkWipe(hostId, pool, volume);
        return job(
          hostId,
          `Wipe ${pool}/${volume}`,
          { op: 'wipe', pool, volume, figures: {} },
          'libvirt overwrites the volume with zeroes',
          () => s.wipeVolume(hostId, pool, volume, checked),
        );
      },
      'storage.deleteVolume': ({ hostId, pool, volume }) => s.deleteVolume(hostId, pool, volume),
      'storage.downloadVolume': async ({ hostId, pool, volume }) => {
        const v = await s.volume(hostId, pool, volume);
        // A raw file streams its whole size; another format its file (about its allocation).
        const total = v.format === 'raw' || v.format === undefined ? v.capacity : v.allocation;
        if (total > DOWNLOAD_MAX_BYTES)
          throw new AppError(
            'too-large',
            `${volume} is too large to download here (${Math.round(total / 1024 ** 2)} MiB)`,
            'The browser holds a download in memory: up to 2 GiB. Copy larger volumes with virsh vol-download on the host.',
          );
        const channel = deps.streams.create();
        const rpc = deps.hosts.connection(hostId).rpc;
        const t0 = Date.now();
        const j = job(
          hostId,
          `Download ${pool}/${volume}`,
          { op: 'download', pool, volume, figures: { bytes: 0, totalBytes: total } },
          'reading the volume from the host',
          async (ctx) => {
            const stopped = new AbortController();
            const stop = () => stopped.abort();
            ctx.signal.addEventListener('abort', stop);
            channel.on('detach', stop);
            let bytes = 0;
            try {
              const st = await volDownload(rpc, v.vol, { signal: stopped.signal });
              stopped.signal.addEventListener('abort', () => st.destroy(new AppError('canceled', 'The download was stopped')));
              let high = false;
              channel.on('pressure', (h) => {
                high = h;
              });
              for await (const chunk of st as AsyncIterable<Buffer>) {
                channel.send(chunk);
                bytes += chunk.length;
                const elapsedMs = Date.now() - t0;
                ctx.update({
                  progress: Math.min(0.99, bytes / Math.max(1, total)),
                  detail: {
                    figures: { bytes, totalBytes: Math.max(total, bytes), elapsedMs, bytesPerSec: (bytes * 1000) / Math.max(1, elapsedMs) },
                  },
                });
                // The renderer is behind: wait until it has taken most of what was sent.
                while (high && !stopped.signal.aborted) await once(channel, 'pressure', { signal: stopped.signal });
              }
              if (stopped.signal.aborted) throw new AppError('canceled', 'The download was stopped', 'Nothing was saved.');
              ctx.update({ phase: 'done', detail: { figures: { bytes, totalBytes: bytes } } });
              channel.close(DOWNLOAD_COMPLETE);
            } catch (err) {
              channel.close((err as Error).message);
              throw withLibvirtHint(err, 'Nothing was saved. Try again; see the host log.');
            } finally {
              ctx.signal.removeEventListener('abort', stop);
            }
          },
          true,
        );
        return { job: j, channel: channel.id, name: volume };
      },
    },
    dispose: () => s.dispose(),
  };
}
