/**
 * One console session for a tab: opened when the tab mounts, closed when it unmounts, its state
 * followed through `console.state` events (the newest `seq` wins, whichever way it arrived).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ConsoleInfo } from '../../../shared/api';
import { api, call } from '../../api';
import { errorOf } from '../../components/notify';
import { type ConsoleTab, useConsoles } from './store';

export interface ConsoleSession {
  info: ConsoleInfo | null;
  /** consoles.open itself failed (host not connected, VM gone …). */
  openError: ApiError | null;
  /** An action (force, reconnect, add serial) in flight. */
  busy: string | null;
  actionError: ApiError | null;
  force(): void;
  reconnect(): void;
  /** Adds a serial port to the definition; resolves whether the VM is running (change at next boot). */
  addSerial(): Promise<{ running: boolean } | null>;
  /** Opens the session again after consoles.open failed. */
  retryOpen(): void;
}

/** `device`: a serial console's device (its alias); a change opens a new session on it. */
export function useConsoleSession(tab: ConsoleTab, device?: string): ConsoleSession {
  const [info, setInfo] = useState<ConsoleInfo | null>(null);
  const [openError, setOpenError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const idRef = useRef<string | null>(null);
  const updateTab = useConsoles((s) => s.updateTab);
  // Opened with the host the tab was created for; later the session follows the VM by itself.
  const opening = useRef({ hostId: tab.hostId, uuid: tab.uuid, kind: tab.kind });

  const accept = useCallback((next: ConsoleInfo) => {
    setInfo((prev) => (prev && prev.id === next.id && prev.seq > next.seq ? prev : next));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` (and a new `device`) re-runs the open on purpose
  useEffect(() => {
    let disposed = false;
    const early: ConsoleInfo[] = [];
    const off = api.subscribe('console.state', (e) => {
      if (idRef.current === null) early.push(e);
      else if (e.id === idRef.current) accept(e);
    });
    setOpenError(null);
    call('consoles.open', { ...opening.current, force: false, ...(device ? { device } : {}) }).then(
      (opened) => {
        if (disposed) {
          void call('consoles.close', { id: opened.id }).catch(() => {});
          return;
        }
        idRef.current = opened.id;
        accept(opened);
        for (const e of early) if (e.id === opened.id) accept(e);
      },
      (err: unknown) => {
        if (!disposed) setOpenError(errorOf(err));
      },
    );
    return () => {
      disposed = true;
      off();
      const id = idRef.current;
      idRef.current = null;
      if (id) void call('consoles.close', { id }).catch(() => {});
    };
  }, [accept, attempt, device]);

  useEffect(() => {
    if (info && info.state.status !== 'closed') updateTab(tab.key, { hostId: info.hostId, name: info.name });
  }, [info, tab.key, updateTab]);

  const act = useCallback(async <T>(what: string, fn: (id: string) => Promise<T>): Promise<T | null> => {
    const id = idRef.current;
    if (!id) return null;
    setBusy(what);
    setActionError(null);
    try {
      return await fn(id);
    } catch (err) {
      setActionError(errorOf(err));
      return null;
    } finally {
      setBusy(null);
    }
  }, []);

  return {
    info,
    openError,
    busy,
    actionError,
    force: () => void act('force', (id) => call('consoles.force', { id }).then(accept)),
    reconnect: () => void act('reconnect', (id) => call('consoles.reconnect', { id }).then(accept)),
    addSerial: () => act('add-serial', () => call('consoles.addSerial', { hostId: info?.hostId ?? tab.hostId, uuid: tab.uuid })),
    retryOpen: () => setAttempt((n) => n + 1),
  };
}
