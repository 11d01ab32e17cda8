/**
 * Install wizard, resources step: the firmware (BIOS, UEFI, UEFI with secure boot) and an emulated
 * TPM 2.0, as the host's domain capabilities offer them; what it does not offer is disabled and
 * the reason (with the package to install) is shown under the fields.
 */
import { List, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { FirmwareOffer } from '../../../shared/api';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import type { InstallDraft } from './draft';
import { firmwareChoices, firmwareReasons } from './firmware';

export function FirmwareFields({ draft, set, offer }: { draft: InstallDraft; set: (d: InstallDraft) => void; offer: FirmwareOffer }) {
  const reasons = firmwareReasons(offer);
  return (
    <Stack gap={6}>
      <SimpleGrid cols={2}>
        <ChoiceSelect
          label="Firmware"
          description={draft.firmware === 'bios' ? 'libvirt’s default' : 'libvirt picks the build; the VM gets its own NVRAM'}
          choices={firmwareChoices(offer)}
          value={draft.firmware}
          onChange={(firmware) => set({ ...draft, firmware })}
          data-testid="install-firmware"
        />
        <Switch
          mt="lg"
          label={`TPM 2.0, emulated${offer.tpm.model ? ` (${offer.tpm.model})` : ''}`}
          description="Windows 11 needs one"
          disabled={!offer.tpm.offered}
          checked={draft.tpm && offer.tpm.offered}
          onChange={(e) => set({ ...draft, tpm: e.currentTarget.checked })}
          data-testid="install-tpm"
        />
      </SimpleGrid>
      {reasons.length > 0 && (
        <List size="xs" c="dimmed" data-testid="install-firmware-reasons">
          {reasons.map((r) => (
            <List.Item key={r}>
              <Text size="xs" c="dimmed">
                {r}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
