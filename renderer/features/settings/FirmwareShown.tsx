/**
 * The firmware a VM boots (Boot section: BIOS or UEFI, secure boot, the loader and NVRAM files) and
 * its TPMs (Devices section), as libvirt reports them: the running VM's when it runs.
 */
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { SettingsTpm, VmSettings } from '../../../shared/api/settings';

/** One line for the firmware: "UEFI · secure boot on", "BIOS (SeaBIOS)". Pure. */
export function firmwareLine(f: VmSettings['firmware']): string {
  if (f.kind === 'bios') return 'BIOS (SeaBIOS)';
  const sb = f.secureBoot === undefined ? 'secure boot as libvirt picks at start' : `secure boot ${f.secureBoot ? 'on' : 'off'}`;
  return `UEFI · ${sb}`;
}

/** "TPM 2.0 (tpm-crb), emulated by swtpm". Pure. */
export function tpmLine(t: SettingsTpm): string {
  const how = t.backend === 'emulator' ? 'emulated by swtpm' : t.backend === 'passthrough' ? 'the host’s TPM passed through' : t.backend;
  return `TPM${t.version ? ` ${t.version}` : ''} (${t.model}), ${how}`;
}

export function FirmwareShown({ s }: { s: VmSettings }) {
  const f = s.firmware;
  return (
    <Stack
      gap={2}
      data-testid="settings-firmware"
      data-kind={f.kind}
      data-secure-boot={f.secureBoot === undefined ? '' : String(f.secureBoot)}
    >
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Firmware
        </Text>
        <Text size="sm" data-testid="settings-firmware-kind">
          {firmwareLine(f)}
        </Text>
        {f.auto && (
          <Badge size="xs" variant="light">
            picked by libvirt
          </Badge>
        )}
      </Group>
      {f.loader && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="settings-firmware-loader">
          Loader: {f.loader}
        </Text>
      )}
      {f.nvram && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="settings-firmware-nvram">
          Variables (NVRAM): {f.nvram}
          {f.nvramTemplate ? `, from ${f.nvramTemplate}` : ''}
        </Text>
      )}
      {f.kind === 'uefi' && !f.loader && (
        <Text size="xs" c="dimmed">
          libvirt picks the UEFI build from the host’s firmware descriptors when the VM starts.
        </Text>
      )}
    </Stack>
  );
}

export function TpmList({ s }: { s: VmSettings }) {
  if (!s.tpms.length) return null;
  return (
    <Stack gap={2}>
      {s.tpms.map((t, i) => (
        <Text key={`${t.model}/${t.backend}/${t.version ?? ''}`} size="sm" data-testid={`settings-tpm-${i}`}>
          {tpmLine(t)}
        </Text>
      ))}
    </Stack>
  );
}
