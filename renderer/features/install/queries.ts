/** react-query hooks of the install and clone wizards. */
import { useQuery } from '@tanstack/react-query';
import type { HostId } from '../../../shared/api';
import { call } from '../../api';

export const installKeys = {
  options: (hostId: HostId) => ['install-options', hostId] as const,
  volumes: (hostId: HostId, pool: string) => ['install-volumes', hostId, pool] as const,
};

export function useInstallOptions(hostId: HostId | null) {
  return useQuery({
    queryKey: installKeys.options(hostId ?? ''),
    queryFn: () => call('install.options', { hostId: hostId ?? '' }),
    enabled: !!hostId,
    staleTime: 30_000,
  });
}

export function usePoolVolumes(hostId: HostId, pool: string, enabled = true) {
  return useQuery({
    queryKey: installKeys.volumes(hostId, pool),
    queryFn: () => call('install.volumes', { hostId, pool }),
    enabled: enabled && !!pool,
    staleTime: 5_000,
  });
}
