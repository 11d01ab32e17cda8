/** react-query hooks of the install and clone wizards (keys: renderer/queries/keys.ts). */
import type { HostId } from '../../../shared/api';
import { useRead } from '../../queries';

export function useInstallOptions(hostId: HostId | null) {
  return useRead('install.options', { hostId: hostId ?? '' }, { enabled: !!hostId, staleTime: 30_000 });
}

export function usePoolVolumes(hostId: HostId, pool: string, enabled = true) {
  return useRead('install.volumes', { hostId, pool }, { enabled: enabled && !!pool, staleTime: 5_000 });
}
