/** Step 2 of the wizard: mode, storage, transport and the tuning options. */
import { Checkbox, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { DomainState, HostInfo, MigrationSpecInput } from '../../../shared/api';
import { useHostDetails } from '../../queries';

export type Draft = MigrationSpecInput;

interface Props {
  draft: Draft;
  set(patch: Partial<Draft>): void;
  state: DomainState | undefined;
  dest: HostInfo | undefined;
  issue(path: string): string | undefined;
  /** The storage check asked for a pool: draw the eye to the pool picker. */
  highlightPool: boolean;
}

/** What the source host would use to reach the destination (the backend's default, shown as a hint). */
function peerUriHint(dest: HostInfo | undefined): string {
  const s = dest?.spec;
  if (s?.transport !== 'ssh' || !s.address) return 'qemu+ssh://host/system';
  const host = s.address.includes(':') ? `[${s.address}]` : s.address;
  return `qemu+ssh://${s.user ? `${s.user}@` : ''}${host}${s.port && s.port !== 22 ? `:${s.port}` : ''}/system`;
}

const optNum = (v: string | number): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The two auto-converge percentages, and what an emptied input falls back to. */
const AUTO_CONVERGE_FIELDS = [
  { key: 'initial', label: 'Initial %', fallback: 20 },
  { key: 'increment', label: 'Increment %', fallback: 10 },
] as const;

interface RadioColumnProps<T extends string> {
  label: string;
  value: T;
  onChange(value: T): void;
  choices: readonly { value: T; label: string; description: string; disabled?: boolean }[];
  testIdPrefix: string;
}

/** A labelled column of radios, one per choice; each radio's test id is `${testIdPrefix}-${value}`. */
function RadioColumn<T extends string>({ label, value, onChange, choices, testIdPrefix }: RadioColumnProps<T>) {
  return (
    <Radio.Group label={label} value={value} onChange={onChange}>
      <Stack gap={6} mt={6}>
        {choices.map((c) => (
          <Radio key={c.value} {...c} data-testid={`${testIdPrefix}-${c.value}`} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

export function WizardOptions({ draft, set, state, dest, issue, highlightPool }: Props) {
  const running = state !== undefined && state !== 'shutoff' && state !== 'crashed';
  const live = draft.mode === 'live';
  const p2p = draft.transport === 'p2p';
  const copy = draft.storage === 'copy';
  const destDetails = useHostDetails(dest?.id ?? '', !!dest && copy);
  const pools = (destDetails.data?.pools ?? []).filter((p) => p.state === 'running');

  const setMode = (mode: 'live' | 'offline') =>
    set(
      mode === 'offline'
        ? { mode, persist: true, postCopy: false, autoConverge: undefined, compression: 'none', maxDowntimeMs: undefined, storage: 'copy' }
        : { mode, storage: 'shared' },
    );

  return (
    <Stack gap="md" data-testid="migrate-options">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <RadioColumn
          label="Mode"
          value={draft.mode}
          onChange={setMode}
          choices={[
            { value: 'live', label: 'Live', description: 'Running VM; memory streamed', disabled: !running },
            { value: 'offline', label: 'Offline', description: 'Shut-off VM: definition (+ disks)', disabled: running },
          ]}
          testIdPrefix="migrate-mode"
        />
        <RadioColumn
          label="Storage"
          value={draft.storage}
          onChange={(storage) => set({ storage, ...(storage === 'shared' ? { destPool: undefined } : {}) })}
          choices={[
            { value: 'shared', label: 'Shared', description: 'Same path on both hosts' },
            {
              value: 'copy',
              label: 'Copy disks',
              description: live ? "copy-storage-all: the destination's pool creates them" : 'Copied through the storage pools',
            },
          ]}
          testIdPrefix="migrate-storage"
        />
        <RadioColumn
          label="Transport"
          value={draft.transport}
          onChange={(transport) => set({ transport, ...(transport === 'direct' ? { tunnelled: false, peerUri: undefined } : {}) })}
          choices={[
            { value: 'direct', label: 'Direct', description: 'Vireo holds both connections; no SSH trust between hosts' },
            { value: 'p2p', label: 'Peer-to-peer', description: 'The source drives it; survives Vireo going away' },
          ]}
          testIdPrefix="migrate-transport"
        />
      </SimpleGrid>

      {p2p && (
        <Group align="flex-end" grow>
          <TextInput
            label="Destination as the source reaches it"
            description="libvirt URI the source host opens"
            placeholder={peerUriHint(dest)}
            value={draft.peerUri ?? ''}
            onChange={(e) => set({ peerUri: e.currentTarget.value.trim() || undefined })}
            error={issue('peerUri')}
            data-testid="migrate-peer-uri"
          />
          <Checkbox
            label="Tunnelled (through libvirt's own connection)"
            checked={!!draft.tunnelled}
            onChange={(e) => set({ tunnelled: e.currentTarget.checked, ...(e.currentTarget.checked ? { postCopy: false } : {}) })}
            data-testid="migrate-tunnelled"
            mb={8}
          />
        </Group>
      )}

      {copy && (
        <NativeSelect
          label={`Pool on ${dest?.spec.name ?? 'the destination'} for the copied disks`}
          description="Default: the pool at the disks' own directory (libvirt's choice)"
          value={draft.destPool ?? ''}
          onChange={(e) => set({ destPool: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: "Pool at the disks' directory" },
            ...pools.map((p) => ({ value: p.name, label: `${p.name} — ${p.path ?? p.type ?? ''}` })),
          ]}
          error={highlightPool && !draft.destPool ? 'Pick a pool on the destination' : issue('destPool')}
          data-testid="migrate-dest-pool"
        />
      )}

      <Title order={6} mt="xs">
        Options
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Checkbox
          label="Keep it on the destination (persistent)"
          checked={draft.persist ?? true}
          disabled={!live}
          onChange={(e) => set({ persist: e.currentTarget.checked })}
          data-testid="migrate-persist"
        />
        <Checkbox
          label="Remove it from the source (undefine; disks are kept)"
          checked={draft.undefineSource ?? true}
          onChange={(e) => set({ undefineSource: e.currentTarget.checked })}
          data-testid="migrate-undefine"
        />
        <NumberInput
          label="Bandwidth limit (MiB/s)"
          placeholder="unlimited"
          min={1}
          value={draft.bandwidthMiBps ?? ''}
          onChange={(v) => set({ bandwidthMiBps: optNum(v) })}
          error={issue('bandwidthMiBps')}
          data-testid="migrate-bandwidth"
        />
        <NumberInput
          label="Max downtime (ms)"
          placeholder="QEMU's default (300)"
          min={10}
          disabled={!live}
          value={draft.maxDowntimeMs ?? ''}
          onChange={(v) => set({ maxDowntimeMs: optNum(v) })}
          error={issue('maxDowntimeMs')}
          data-testid="migrate-downtime"
        />
        <Stack gap={4}>
          <Checkbox
            label="Auto-converge (throttle a busy guest)"
            checked={!!draft.autoConverge}
            disabled={!live}
            onChange={(e) => set({ autoConverge: e.currentTarget.checked ? { initial: 20, increment: 10 } : undefined })}
            data-testid="migrate-autoconverge"
          />
          {draft.autoConverge && (
            <Group grow>
              {AUTO_CONVERGE_FIELDS.map(({ key, label, fallback }) => (
                <NumberInput
                  key={key}
                  size="xs"
                  label={label}
                  min={1}
                  max={99}
                  value={draft.autoConverge?.[key]}
                  onChange={(v) =>
                    set({
                      autoConverge: {
                        initial: draft.autoConverge?.initial ?? 20,
                        increment: draft.autoConverge?.increment ?? 10,
                        [key]: optNum(v) ?? fallback,
                      },
                    })
                  }
                  data-testid={`migrate-ac-${key}`}
                />
              ))}
            </Group>
          )}
        </Stack>
        <Checkbox
          label="Allow post-copy (switch while it runs)"
          checked={!!draft.postCopy}
          disabled={!live || !!draft.tunnelled}
          onChange={(e) => set({ postCopy: e.currentTarget.checked })}
          data-testid="migrate-postcopy"
        />
        <NativeSelect
          label="Compression"
          disabled={!live}
          value={draft.compression ?? 'none'}
          onChange={(e) => set({ compression: e.currentTarget.value as Draft['compression'] })}
          data={[
            { value: 'none', label: 'None' },
            { value: 'xbzrle', label: 'xbzrle (re-sent pages as deltas)' },
            { value: 'zstd', label: 'zstd (parallel streams)', disabled: !!draft.tunnelled },
          ]}
          error={issue('compression')}
          data-testid="migrate-compression"
        />
      </SimpleGrid>
      {issue('mode') && (
        <Text c="red" size="sm">
          {issue('mode')}
        </Text>
      )}
    </Stack>
  );
}
