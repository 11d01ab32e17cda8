/** The firmware a VM boots and its TPMs, as the Settings tab's Boot and Devices sections show them (pure). */
import type { SettingsFirmware, SettingsTpm } from '../../../shared/api/settings';
import type { DomainModel } from '../../xml/model';

/** UEFI when libvirt picks it (firmware='efi') or the definition names a pflash loader or an NVRAM; else BIOS. */
export function firmwareOf(m: DomainModel): SettingsFirmware {
  const { loader, firmware, firmwareFeatures, nvram, nvramTemplate } = m.os;
  const auto = firmware === 'efi';
  const uefi = auto || loader?.type === 'pflash' || !!nvram || /\b(OVMF|AAVMF|edk2)|\.fd$/i.test(loader?.path ?? '');
  if (!uefi) return { kind: 'bios', auto: false, ...(loader?.path ? { loader: loader.path } : {}) };
  // libvirt's own word first (secure= on the loader it picked), then what was asked of its autoselection.
  const secureBoot =
    loader?.secure !== undefined
      ? loader.secure === 'yes'
      : firmwareFeatures?.['secure-boot'] !== undefined
        ? firmwareFeatures['secure-boot']
        : loader?.path
          ? false
          : undefined;
  return {
    kind: 'uefi',
    auto,
    ...(secureBoot !== undefined ? { secureBoot } : {}),
    ...(loader?.path ? { loader: loader.path } : {}),
    ...(nvram ? { nvram } : {}),
    ...(nvramTemplate ? { nvramTemplate } : {}),
  };
}

export function tpmsOf(m: DomainModel): SettingsTpm[] {
  return m.tpms.map((t) => ({
    model: t.model ?? 'tpm-tis',
    backend: t.backend ?? 'passthrough',
    ...(t.version ? { version: t.version } : {}),
  }));
}
