/**
 * Downloads a volume to this computer: the backend starts a job that streams the volume's bytes
 * on a byte channel; we gather them and, once the channel closes as complete, hand them to the
 * browser as a file download (the volume's name). Held in memory until then (the backend refuses
 * volumes over DOWNLOAD_MAX_BYTES). The job shows progress; a stream that ends otherwise is an
 * error here and nothing is saved.
 */
import { useCallback, useState } from 'react';
import { DOWNLOAD_COMPLETE, type HostId } from '../../../shared/api';
import { api, call } from '../../api';
import { errorOf } from '../../components/notify';

export function useVolumeDownload(hostId: HostId, onJob: (jobId: string, title: string) => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const start = useCallback(
    async (pool: string, volume: string) => {
      setError(null);
      setBusy(true);
      try {
        const d = await call('storage.downloadVolume', { hostId, pool, volume });
        onJob(d.job.id, d.job.title);
        const parts: Uint8Array[] = [];
        await new Promise<void>((resolve, reject) => {
          api.attachStream(d.channel, {
            data: (b) => void parts.push(b),
            close: (reason) => {
              if (reason !== DOWNLOAD_COMPLETE) return reject(new Error(`The download stopped: ${reason}`));
              const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'application/octet-stream' }));
              const a = document.createElement('a');
              a.href = url;
              a.download = d.name;
              a.style.display = 'none';
              document.body.appendChild(a);
              a.click();
              a.remove();
              setTimeout(() => URL.revokeObjectURL(url), 60_000);
              resolve();
            },
          });
        });
      } catch (err) {
        setError(errorOf(err));
      } finally {
        setBusy(false);
      }
    },
    [hostId, onJob],
  );
  return { start, error, busy };
}
