/**
 * UEFI, secure boot and an emulated TPM as a host's libvirt offers them for the install's arch,
 * machine type and virt type (virConnectGetDomainCapabilities), and why not when it does not.
 * Parsing and the sentences are pure (unit-tested from domain capabilities captured in the lab);
 * the one read is `readFirmwareCaps`.
 */
import type { FirmwareOffer } from '../../../shared/api';
import type { RpcClient } from '../../libvirt/client';
import { hostGetDomainCapabilities } from '../../libvirt/host';
import { attr, children, type Element, parseXml, path, text } from '../../xml/dom';

/** What the domain capabilities say, as plain data (facts). */
export interface FirmwareCaps {
  /** libvirt has a UEFI firmware descriptor for this machine (<os><enum name='firmware'> lists efi). */
  uefi: boolean;
  /** One of them does secure boot (<loader><enum name='secure'> lists yes). */
  secureBoot: boolean;
  /** The UEFI builds libvirt knows for this machine (<loader><value>). */
  loaders: string[];
  /** The TPM model for an emulated TPM 2.0, when libvirt offers swtpm (<devices><tpm>). */
  tpm?: 'tpm-crb' | 'tpm-tis';
  /** libvirt offers TPMs, but none emulated (swtpm missing) or none of version 2.0. */
  tpmWithoutEmulator?: boolean;
}

const enumValues = (el: Element | null, name: string): string[] | undefined => {
  const e = el ? children(el, 'enum').find((x) => attr(x, 'name') === name) : undefined;
  return e ? children(e, 'value').map((v) => text(v) ?? '') : undefined;
};

/** The firmware facts of one domain capabilities document. Pure. */
export function firmwareCapsOf(domcapsXml: string): FirmwareCaps {
  const dc = parseXml(domcapsXml, 'the domain capabilities').documentElement as Element;
  const os = path(dc, 'os');
  const osOn = attr(os, 'supported') === 'yes';
  const loader = path(dc, 'os', 'loader');
  const loaders = loader && attr(loader, 'supported') === 'yes' ? children(loader, 'value').map((v) => text(v) ?? '') : [];
  const firmware = enumValues(os, 'firmware');
  // libvirt lists efi in the firmware enum when a descriptor matches; older ones only list the loaders.
  const uefi = osOn && (firmware ? firmware.includes('efi') : loaders.length > 0);
  const secureBoot = uefi && (enumValues(loader, 'secure') ?? []).includes('yes');
  const tpmEl = path(dc, 'devices', 'tpm');
  const out: FirmwareCaps = { uefi, secureBoot, loaders };
  if (tpmEl && attr(tpmEl, 'supported') === 'yes') {
    const models = enumValues(tpmEl, 'model') ?? [];
    const backends = enumValues(tpmEl, 'backendModel') ?? [];
    const versions = enumValues(tpmEl, 'backendVersion');
    const model = models.includes('tpm-crb') ? 'tpm-crb' : models.includes('tpm-tis') ? 'tpm-tis' : undefined;
    if (model && backends.includes('emulator') && (!versions || versions.includes('2.0'))) out.tpm = model;
    else out.tpmWithoutEmulator = true;
  }
  return out;
}

/** The host's firmware facts for a machine type (one read). */
export async function readFirmwareCaps(
  rpc: RpcClient,
  h: { arch: string; machine: string; domainType: 'kvm' | 'qemu' },
): Promise<FirmwareCaps> {
  return firmwareCapsOf(await hostGetDomainCapabilities(rpc, { arch: h.arch, machine: h.machine, virtType: h.domainType }));
}

/** What the wizard offers, each with the reason (and the package to install) when the host does not. Pure. */
export function firmwareOffer(c: FirmwareCaps, host: string, machine: string): FirmwareOffer {
  const uefiReason = `${host}'s libvirt offers no UEFI firmware for ${machine}: install the ovmf package on the host (edk2-ovmf on Fedora/RHEL)`;
  return {
    uefi: c.uefi ? { offered: true } : { offered: false, reason: uefiReason },
    secureBoot: c.secureBoot
      ? { offered: true }
      : {
          offered: false,
          reason: c.uefi
            ? `${host}'s UEFI firmware for ${machine} has no secure-boot build: install one (Debian's ovmf has OVMF_CODE_4M.ms.fd) with its JSON descriptor`
            : uefiReason,
        },
    tpm: c.tpm
      ? { offered: true, model: c.tpm }
      : {
          offered: false,
          reason: `${host}'s libvirt offers no emulated TPM 2.0${c.tpmWithoutEmulator ? ' (only a host TPM passed through)' : ''}: install the swtpm and swtpm-tools packages on the host`,
        },
  };
}
