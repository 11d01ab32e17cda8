/**
 * UEFI, secure boot and an emulated TPM from lab-a's own domain capabilities (libvirt 9.0, QEMU 7.2,
 * q35, TCG), captured with `virsh domcapabilities --machine q35 --virttype qemu` before Debian's
 * ovmf, swtpm and swtpm-tools were installed (fixtures/domcaps-q35-tcg-bare.xml) and after
 * (fixtures/domcaps-q35-tcg.xml): the offer, the refusals and the plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDomainXml } from '../../xml/build';
import { installRefusals } from './checks';
import { type FirmwareCaps, firmwareCapsOf, firmwareOffer } from './firmware';
import { planInstall } from './plan';
import { installScenario, macSequence } from './scenario.fixture';

const LAB = readFileSync(new URL('./fixtures/domcaps-q35-tcg.xml', import.meta.url), 'utf8');
/** The same host before ovmf and swtpm were installed: no firmware descriptor, TPMs only passed through. */
const BARE = readFileSync(new URL('./fixtures/domcaps-q35-tcg-bare.xml', import.meta.url), 'utf8');

describe('firmware from the domain capabilities', () => {
  it('lab-a offers UEFI (OVMF’s builds for q35), secure boot and a swtpm TPM 2.0 on tpm-crb', () => {
    const c = firmwareCapsOf(LAB);
    expect(c).toMatchObject({ uefi: true, secureBoot: true, tpm: 'tpm-crb' });
    expect(c.loaders.some((l) => /OVMF_CODE.*\.fd$/.test(l))).toBe(true);
    expect(firmwareOffer(c, 'lab-a', 'pc-q35-7.2')).toStrictEqual({
      uefi: { offered: true },
      secureBoot: { offered: true },
      tpm: { offered: true, model: 'tpm-crb' },
    });
  });

  it('a host without ovmf and swtpm: nothing offered, each with the package to install', () => {
    const c = firmwareCapsOf(BARE);
    expect(c).toStrictEqual({ uefi: false, secureBoot: false, loaders: [], tpmWithoutEmulator: true });
    const o = firmwareOffer(c, 'lab-b', 'pc-q35-7.2');
    expect(o.uefi).toStrictEqual({
      offered: false,
      reason: "lab-b's libvirt offers no UEFI firmware for pc-q35-7.2: install the ovmf package on the host (edk2-ovmf on Fedora/RHEL)",
    });
    expect(o.secureBoot.reason).toBe(o.uefi.reason);
    expect(o.tpm).toStrictEqual({
      offered: false,
      reason:
        "lab-b's libvirt offers no emulated TPM 2.0 (only a host TPM passed through): install the swtpm and swtpm-tools packages on the host",
    });
  });

  it('UEFI without a secure-boot build; no TPM at all', () => {
    const c: FirmwareCaps = { uefi: true, secureBoot: false, loaders: ['/usr/share/OVMF/OVMF_CODE_4M.fd'] };
    const o = firmwareOffer(c, 'h', 'pc-q35-7.2');
    expect(o.uefi.offered).toBe(true);
    expect(o.secureBoot.reason).toMatch(/no secure-boot build/);
    expect(o.tpm.reason).toBe("h's libvirt offers no emulated TPM 2.0: install the swtpm and swtpm-tools packages on the host");
  });
});

describe('an install asking for UEFI with secure boot and a TPM', () => {
  const s = installScenario('kernel');
  const spec = { ...s.spec, firmware: 'uefi-secure' as const, tpm: true };

  it('where the host offers them: no refusal; the definition asks libvirt for a secure-boot build with SMM and a tpm-crb; both explained', () => {
    const facts = { ...s.facts, firmware: firmwareCapsOf(LAB) };
    expect(installRefusals(facts, spec, { creating: true })).toEqual([]);
    const p = planInstall(facts, spec, macSequence());
    expect(p.final).toMatchObject({ uefi: { secureBoot: true }, tpm: 'tpm-crb' });
    const xml = buildDomainXml(p.final);
    expect(xml).toContain('<os firmware="efi">');
    expect(xml).toContain('<smm state="on"/>');
    expect(p.defaults.find((d) => d.setting === 'Firmware')?.value).toBe('UEFI (OVMF), secure boot on');
    expect(p.defaults.find((d) => d.setting === 'TPM')?.value).toBe('TPM 2.0 (tpm-crb), emulated');
    // Plain UEFI asks for a build without secure boot; BIOS (the default) asks for nothing.
    const plain = planInstall(facts, { ...spec, firmware: 'uefi', tpm: false }, macSequence());
    expect(plain.final.uefi).toStrictEqual({ secureBoot: false });
    expect(plain.final.tpm).toBeUndefined();
    expect(planInstall(s.facts, s.spec, macSequence()).final.uefi).toBeUndefined();
  });

  it('where it does not: refused with the reasons, on the firmware and TPM fields', () => {
    const facts = { ...s.facts, firmware: firmwareCapsOf(BARE) };
    const r = installRefusals(facts, spec);
    expect(r.map((x) => [x.field, x.code])).toEqual([
      ['firmware', 'invalid-input'],
      ['tpm', 'invalid-input'],
    ]);
    expect(r[0]?.message).toMatch(/offers no UEFI firmware .*install the ovmf package/);
    expect(r[1]?.message).toMatch(/install the swtpm and swtpm-tools packages/);
  });
});
