/** The settings' names and values in the admin's words. */
import type { SettingsApplied } from '../../../shared/api/settings';

export const fieldWords: Record<string, string> = {
  vcpus: 'vCPUs',
  maxVcpus: 'Maximum vCPUs',
  memory: 'Memory',
  maxMemory: 'Maximum memory',
  title: 'Title',
  description: 'Description',
  bootOrder: 'Boot order',
  hugepages: 'Huge pages',
  nosharepages: 'KSM sharing opted out',
  cpuMode: 'CPU mode',
  devices: 'Devices on one side only',
};

const MEMORY = new Set(['memory', 'maxMemory']);

export const mib = (kib: number): string => `${Math.round(kib / 1024).toLocaleString('en-US')} MiB`;

export function showValue(field: string, v: string): string {
  if (MEMORY.has(field) && /^\d+$/.test(v)) return mib(Number(v));
  return v === '' ? '(none)' : v;
}

export function appliedWords(a: SettingsApplied): string {
  const live = a.appliedTo.includes('live');
  const config = a.appliedTo.includes('config');
  if (live && config) return 'Applied to the running VM and the next boot';
  if (live) return 'Applied to the running VM';
  if (config) return 'Applied to the next boot';
  return 'Nothing to apply';
}
