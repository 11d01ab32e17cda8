/** The install wizard's firmware choices and the host's reasons for what it does not offer (pure). */
import type { FirmwareOffer } from '../../../shared/api';
import type { Choice } from '../../components/ChoiceSelect';
import type { FirmwareKind } from './draft';

/** The firmware choices, the ones the host does not offer disabled. Pure. */
export function firmwareChoices(o: FirmwareOffer): Choice<FirmwareKind>[] {
  return [
    { value: 'bios', label: 'BIOS (SeaBIOS)' },
    { value: 'uefi', label: 'UEFI (OVMF)', disabled: !o.uefi.offered },
    { value: 'uefi-secure', label: 'UEFI with secure boot', disabled: !o.secureBoot.offered },
  ];
}

/** Why each thing not offered is not, once each (secure boot's reason is UEFI's when there is no UEFI). Pure. */
export function firmwareReasons(o: FirmwareOffer): string[] {
  const out: string[] = [];
  for (const r of [o.uefi, o.secureBoot, o.tpm]) if (!r.offered && r.reason && !out.includes(r.reason)) out.push(r.reason);
  return out;
}
