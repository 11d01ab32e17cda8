/**
 * Uploads a file from this computer into a pool (an installer ISO): the backend makes the volume
 * and a byte channel; we send the file in chunks, never more than UPLOAD_WINDOW ahead of what the
 * host acknowledged (uploadRoom), and the job (progress, verification, cleanup) tells how it went.
 */
import { useCallback, useRef, useState } from 'react';
import { type HostId, uploadRoom } from '../../../shared/api';
import { api, call } from '../../api';
import { errorOf } from '../../components/notify';
import { uploadVolumeName } from './draft';

export interface UploadState {
  jobId: string | null;
  name: string | null;
  error: unknown;
}

export function useIsoUpload(hostId: HostId) {
  const [state, setState] = useState<UploadState>({ jobId: null, name: null, error: null });
  const busy = useRef(false);

  const start = useCallback(
    async (file: File, pool: string) => {
      if (busy.current) return;
      busy.current = true;
      const name = uploadVolumeName(file.name);
      setState({ jobId: null, name, error: null });
      try {
        const up = await call('install.upload', { hostId, pool, name, size: file.size });
        setState({ jobId: up.job.id, name, error: null });
        let acked = 0;
        let closed = false;
        let wake: (() => void) | null = null;
        const handle = api.attachStream(up.channel, {
          data: (b) => {
            const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
            for (let i = 0; i + 8 <= b.byteLength; i += 8) acked = Number(view.getBigUint64(i));
            wake?.();
          },
          close: () => {
            closed = true;
            wake?.();
          },
        });
        let sent = 0;
        while (sent < file.size && !closed) {
          // Never beyond the window: the backend closes the channel of a client that does.
          const room = uploadRoom(sent, acked);
          if (room === 0) {
            await new Promise<void>((r) => {
              wake = r;
            });
            wake = null;
            continue;
          }
          const chunk = new Uint8Array(await file.slice(sent, sent + room).arrayBuffer());
          handle.write(chunk);
          sent += chunk.byteLength;
        }
        // The job verifies and closes the channel; its outcome arrives as job events.
      } catch (err) {
        setState((s) => ({ ...s, error: errorOf(err) }));
      } finally {
        busy.current = false;
      }
    },
    [hostId],
  );

  return { ...state, start, reset: () => setState({ jobId: null, name: null, error: null }) };
}
