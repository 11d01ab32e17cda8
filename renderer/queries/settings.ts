/**
 * The settings editor's server state: the VM's settings and its persistent definition for the XML
 * editor; writes put libvirt's read-back in the cache and refresh the VM's details and the list.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestInput, RequestName, RequestOutput } from '../../shared/api';
import type { SettingsApplied, VmSettings, XmlDefinition } from '../../shared/api/settings';
import { call } from '../api';
import { keyOf, keys, useRead } from './index';

export const settingsKeys = {
  xml: (hostId: string, uuid: string) => keyOf('settings.xml.get', { hostId, uuid }),
  settings: (hostId: string, uuid: string) => keyOf('settings.get', { hostId, uuid }),
  /** The backend's cached set, patched by settings.pending (settings-events.ts); read again after each change made here (no libvirt call). */
  pending: (hostId: string) => keyOf('settings.pendingList', { hostId }),
};

/** Whether this running VM has pending changes (its host's list; one query per host, shared by every row). */
export function useHasPending(hostId: string, uuid: string, running: boolean): boolean {
  const q = useRead('settings.pendingList', { hostId }, { enabled: running, staleTime: 60_000, retry: false });
  return running && !!q.data?.uuids.includes(uuid);
}

export function useXmlDefinition(hostId: string, uuid: string) {
  return useRead('settings.xml.get', { hostId, uuid }, { refetchOnWindowFocus: false });
}

export function useVmSettings(hostId: string, uuid: string) {
  return useRead('settings.get', { hostId, uuid });
}

type XmlWrite = 'settings.xml.apply' | 'settings.xml.undo';

/** Apply or undo in the XML editor; the definition libvirt keeps afterwards replaces the cached one. */
export function useXmlWrite<N extends XmlWrite>(name: N, hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<XmlDefinition, Error, Omit<RequestInput<N>, 'hostId' | 'uuid'>>({
    mutationFn: (input) => call(name, { hostId, uuid, ...input } as RequestInput<N>) as Promise<XmlDefinition>,
    onSuccess: (d) => {
      qc.setQueryData<XmlDefinition>(settingsKeys.xml(hostId, uuid), d);
      void qc.invalidateQueries({ queryKey: settingsKeys.pending(hostId) });
      void qc.invalidateQueries({ queryKey: settingsKeys.settings(hostId, uuid) });
      void qc.invalidateQueries({ queryKey: keys.domainDetails(hostId, uuid) });
    },
  });
}

type SettingsWrite = Exclude<Extract<RequestName, `settings.${string}`>, 'settings.get' | `settings.xml.${string}`>;

/** A settings change; libvirt's read-back replaces the cached settings. */
export function useSettingsWrite<N extends SettingsWrite>(name: N, hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<SettingsApplied, Error, Omit<RequestInput<N>, 'hostId' | 'uuid'>>({
    mutationFn: (input) =>
      call(name, { hostId, uuid, ...input } as RequestInput<N>) as Promise<RequestOutput<N>> as Promise<SettingsApplied>,
    onSuccess: (r) => {
      qc.setQueryData<VmSettings>(settingsKeys.settings(hostId, uuid), r.settings);
      void qc.invalidateQueries({ queryKey: settingsKeys.pending(hostId) });
      void qc.invalidateQueries({ queryKey: settingsKeys.xml(hostId, uuid) });
      void qc.invalidateQueries({ queryKey: keys.domainDetails(hostId, uuid) });
      void qc.invalidateQueries({ queryKey: keys.domains() });
    },
  });
}
