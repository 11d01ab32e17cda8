import { describe, expect, it } from 'vitest';
import { parseDomain } from '../../xml/parse';
import { firmwareOf, tpmsOf } from './firmware';

const dom = (os: string, devices = '') => parseDomain(`<domain><os>${os}</os><devices>${devices}</devices></domain>`);

describe('the firmware shown in Boot', () => {
  it('no loader: BIOS (SeaBIOS, libvirt’s default), no TPM', () => {
    const m = dom("<type arch='x86_64' machine='pc'>hvm</type><kernel>/k</kernel>");
    expect(firmwareOf(m)).toStrictEqual({ kind: 'bios', auto: false });
    expect(tpmsOf(m)).toStrictEqual([]);
  });

  it('a shut-off VM libvirt picks UEFI for at start: what was asked of the autoselection', () => {
    const asked = (sb: string) =>
      firmwareOf(
        parseDomain(
          `<domain><os firmware='efi'><type>hvm</type><firmware><feature enabled='${sb}' name='secure-boot'/></firmware></os></domain>`,
        ),
      );
    expect(asked('yes')).toStrictEqual({ kind: 'uefi', auto: true, secureBoot: true });
    expect(asked('no')).toStrictEqual({ kind: 'uefi', auto: true, secureBoot: false });
    expect(firmwareOf(parseDomain("<domain><os firmware='efi'><type>hvm</type></os></domain>"))).toStrictEqual({
      kind: 'uefi',
      auto: true,
    });
  });

  it('the running VM: the loader libvirt picked (its secure= wins), the NVRAM and its template; an emulated TPM', () => {
    const m = parseDomain(`<domain><os firmware='efi'><type>hvm</type>
      <firmware><feature enabled='no' name='secure-boot'/></firmware>
      <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>
      <nvram template='/usr/share/OVMF/OVMF_VARS_4M.ms.fd'>/var/lib/libvirt/qemu/nvram/u_VARS.fd</nvram></os>
      <devices><tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm></devices></domain>`);
    expect(firmwareOf(m)).toStrictEqual({
      kind: 'uefi',
      auto: true,
      secureBoot: true,
      loader: '/usr/share/OVMF/OVMF_CODE_4M.ms.fd',
      nvram: '/var/lib/libvirt/qemu/nvram/u_VARS.fd',
      nvramTemplate: '/usr/share/OVMF/OVMF_VARS_4M.ms.fd',
    });
    expect(tpmsOf(m)).toStrictEqual([{ model: 'tpm-crb', backend: 'emulator', version: '2.0' }]);
  });

  it('a loader named by hand (virt-manager’s older definitions): UEFI, secure boot off unless it says so', () => {
    expect(firmwareOf(dom("<type>hvm</type><loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>"))).toMatchObject({
      kind: 'uefi',
      auto: false,
      secureBoot: false,
    });
    // A SeaBIOS file named as the loader is still BIOS.
    expect(firmwareOf(dom("<type>hvm</type><loader type='rom'>/usr/share/seabios/bios-256k.bin</loader>")).kind).toBe('bios');
  });
});
