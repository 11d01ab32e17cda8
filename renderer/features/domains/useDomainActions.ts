/**
 * Running VM actions: what is in flight per VM (its controls show a loader and refuse a second
 * click), and the last failure per VM, shown inline where the user acted (DomainActionErrors).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { ApiError, DomainAction } from '../../../shared/api';
import { call } from '../../api';
import { errorOf } from '../../components/notify';
import { domainKey } from '../../lib/format';
import { keys } from '../../queries';
import { type DomainTarget, useUi } from '../../store/ui';
import { openConsoleFor } from '../console/store';
import type { VmAction } from './actions';

export interface ActionFailure {
  target: DomainTarget;
  action: VmAction;
  error: ApiError;
  at: number;
}

interface OpsState {
  pending: Record<string, VmAction>;
  failures: Record<string, ActionFailure>;
  setPending(key: string, action: VmAction | null): void;
  fail(f: ActionFailure): void;
  dismiss(key: string): void;
}

export const useOps = create<OpsState>((set) => ({
  pending: {},
  failures: {},
  setPending: (key, action) =>
    set((s) => {
      const pending = { ...s.pending };
      if (action) pending[key] = action;
      else delete pending[key];
      return { pending };
    }),
  fail: (f) => set((s) => ({ failures: { ...s.failures, [domainKey(f.target.hostId, f.target.uuid)]: f } })),
  dismiss: (key) =>
    set((s) => {
      const failures = { ...s.failures };
      delete failures[key];
      return { failures };
    }),
}));

export function usePending(hostId: string, uuid: string): VmAction | undefined {
  return useOps((s) => s.pending[domainKey(hostId, uuid)]);
}

/** Sends a lifecycle action now (no confirmation); used by run() and by the force-off dialog. */
export function useSendAction() {
  const qc = useQueryClient();
  return useCallback(
    async (t: DomainTarget, action: DomainAction): Promise<boolean> => {
      const key = domainKey(t.hostId, t.uuid);
      const ops = useOps.getState();
      if (ops.pending[key]) return false;
      ops.dismiss(key);
      ops.setPending(key, action);
      try {
        await call('domains.action', { hostId: t.hostId, uuid: t.uuid, action });
        return true;
      } catch (err) {
        useOps.getState().fail({ target: t, action, error: errorOf(err) ?? { code: 'internal', message: String(err) }, at: Date.now() });
        return false;
      } finally {
        useOps.getState().setPending(key, null);
        void qc.invalidateQueries({ queryKey: keys.domainDetails(t.hostId, t.uuid) });
      }
    },
    [qc],
  );
}

/** The one entry point for every control: confirmations open their dialog, the rest run. */
export function useDomainActions() {
  const send = useSendAction();
  const run = useCallback(
    (t: DomainTarget, action: VmAction) => {
      const ui = useUi.getState();
      if (action === 'destroy') ui.setConfirmDestroy(t);
      else if (action === 'reset') ui.setConfirmDestroy({ ...t, action: 'reset' });
      else if (action === 'delete') ui.setDeleteDomain(t);
      else if (action === 'console') void openConsoleFor(t);
      else void send(t, action);
    },
    [send],
  );
  return { run };
}
