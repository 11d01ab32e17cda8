/** Binds this feature's part of the contract (shared/api/settings.ts) to its service. */
import type { settingsRequests } from '../../../shared/api/settings';
import type { Feature, ServiceDeps } from '../deps';

export type SettingsFeature = Feature<keyof typeof settingsRequests>;

export function createSettingsFeature(_deps: ServiceDeps): SettingsFeature {
  return { handlers: {}, dispose: () => {} };
}
