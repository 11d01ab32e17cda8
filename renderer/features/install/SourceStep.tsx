/** Install wizard, step 1: what the VM boots to install (or runs) and which OS it is. */
import { Alert, Button, Group, NativeSelect, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { InstallOptions, StorageVolumeInfo } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../lib/format';
import { keys } from '../../queries';
import { type InstallDraft, type SourceKind, withVariant } from './draft';
import { JobProgress, useJob } from './JobProgress';
import { usePoolVolumes } from './queries';
import { useIsoUpload } from './useIsoUpload';

interface StepProps {
  draft: InstallDraft;
  set: (d: InstallDraft) => void;
  options: InstallOptions;
  errors: Record<string, string>;
}

const SOURCES: { kind: SourceKind; label: string; help: string }[] = [
  { kind: 'iso', label: 'Installer ISO', help: 'An ISO in one of the host’s pools (or uploaded from this computer), booted as a CD-ROM.' },
  { kind: 'import', label: 'Existing disk image', help: 'A disk image already in a pool becomes the VM’s disk, used in place.' },
  {
    kind: 'url',
    label: 'Network install',
    help: 'An install tree URL: the host fetches its installer kernel and initrd for the first boot.',
  },
  { kind: 'kernel', label: 'Kernel + initrd', help: 'Boot a kernel and initrd that are on the host, with a command line, at every boot.' },
];

export function runningPools(o: InstallOptions): { value: string; label: string; disabled?: boolean }[] {
  return o.pools.map((p) => ({
    value: p.name,
    label: `${p.name}${p.state === 'running' ? '' : ` (${p.state})`} · ${formatBytes(p.available)} free`,
    disabled: p.state !== 'running',
  }));
}

export function volumeChoices(
  vols: StorageVolumeInfo[] | undefined,
  prefer: (v: StorageVolumeInfo) => boolean,
): { value: string; label: string }[] {
  const list = [...(vols ?? [])].sort((a, b) => Number(prefer(b)) - Number(prefer(a)) || a.name.localeCompare(b.name));
  return [
    { value: '', label: list.length ? 'Choose…' : 'No volumes in this pool' },
    ...list.map((v) => ({ value: v.name, label: `${v.name} · ${formatBytes(v.capacity)}${v.format ? ` · ${v.format}` : ''}` })),
  ];
}

const isIso = (v: StorageVolumeInfo) => /\.iso$/i.test(v.name) || v.format === 'iso';

function IsoPicker({ draft, set, options, errors }: StepProps) {
  const vols = usePoolVolumes(draft.hostId, draft.isoPool);
  const upload = useIsoUpload(draft.hostId);
  const job = useJob(upload.jobId);
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(draft);
  latest.current = draft;
  // A finished upload: refresh the pool's volumes and pick the new ISO.
  useEffect(() => {
    if (job?.status !== 'succeeded' || !upload.name) return;
    void qc
      .invalidateQueries({ queryKey: keys.poolVolumes(draft.hostId, draft.isoPool) })
      .then(() => set({ ...latest.current, isoVolume: upload.name ?? '' }));
  }, [job?.status, upload.name, draft.hostId, draft.isoPool, qc, set]);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2}>
        <NativeSelect
          label="Pool"
          data={runningPools(options)}
          value={draft.isoPool}
          onChange={(e) => set({ ...draft, isoPool: e.currentTarget.value, isoVolume: '' })}
          data-testid="install-iso-pool"
        />
        <NativeSelect
          label="ISO"
          data={volumeChoices(vols.data, isIso)}
          value={draft.isoVolume}
          onChange={(e) => set({ ...draft, isoVolume: e.currentTarget.value })}
          error={errors['source.volume']}
          data-testid="install-iso-volume"
        />
      </SimpleGrid>
      <Group gap="xs">
        <input
          ref={input}
          type="file"
          accept=".iso,.img,application/x-iso9660-image"
          hidden
          data-testid="install-upload-input"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void upload.start(f, draft.isoPool);
            e.currentTarget.value = '';
          }}
        />
        <Button
          size="xs"
          variant="default"
          leftSection={<IconUpload size={14} />}
          onClick={() => input.current?.click()}
          disabled={!draft.isoPool || job?.status === 'running'}
          data-testid="install-upload"
        >
          Upload an ISO from this computer…
        </Button>
        <Text size="xs" c="dimmed">
          It goes into the pool {draft.isoPool || '(choose one)'} on the host, checked byte for byte.
        </Text>
      </Group>
      <ErrorAlert title="Could not upload" error={upload.error} />
      {upload.jobId && <JobProgress jobId={upload.jobId} testId="install-upload-job" fallbackTitle={`Upload ${upload.name}`} />}
    </Stack>
  );
}

export function SourceStep(props: StepProps) {
  const { draft, set, options, errors } = props;
  const imports = usePoolVolumes(draft.hostId, draft.importPool, draft.source === 'import');
  return (
    <Stack gap="md" data-testid="install-step-source">
      <Select
        label="Operating system"
        description={
          options.osinfoSource === 'osinfo-query' ? 'From the host’s libosinfo database' : 'Vireo’s own list (the host has no osinfo-query)'
        }
        searchable
        data={options.osVariants.map((o) => ({ value: o.id, label: o.name }))}
        value={draft.osVariant}
        onChange={(id) =>
          id &&
          set(
            withVariant(
              draft,
              options.osVariants.find((o) => o.id === id),
            ),
          )
        }
        nothingFoundMessage="No such OS"
        maxDropdownHeight={260}
        comboboxProps={{ withinPortal: true, zIndex: 400 }}
        data-testid="install-os"
      />
      <Radio.Group label="Install from" value={draft.source} onChange={(v) => set({ ...draft, source: v as SourceKind })}>
        <SimpleGrid cols={2} mt={6}>
          {SOURCES.map((s) => (
            <Radio key={s.kind} value={s.kind} label={s.label} description={s.help} data-testid={`install-source-${s.kind}`} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {draft.source === 'iso' && <IsoPicker {...props} />}
      {draft.source === 'import' && (
        <SimpleGrid cols={2}>
          <NativeSelect
            label="Pool"
            data={runningPools(options)}
            value={draft.importPool}
            onChange={(e) => set({ ...draft, importPool: e.currentTarget.value, importVolume: '' })}
            data-testid="install-import-pool"
          />
          <NativeSelect
            label="Disk image"
            data={volumeChoices(imports.data, (v) => !isIso(v))}
            value={draft.importVolume}
            onChange={(e) => set({ ...draft, importVolume: e.currentTarget.value })}
            error={errors['source.volume']}
            data-testid="install-import-volume"
          />
        </SimpleGrid>
      )}
      {draft.source === 'url' && (
        <Stack gap="xs">
          <TextInput
            label="Install tree URL"
            placeholder="https://deb.debian.org/debian/dists/bookworm/"
            value={draft.url}
            onChange={(e) => set({ ...draft, url: e.currentTarget.value })}
            error={errors['source.url']}
            data-testid="install-url"
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="Kernel in the tree"
              description="Empty: Vireo looks for the usual layouts"
              placeholder="images/pxeboot/vmlinuz"
              value={draft.urlKernel}
              onChange={(e) => set({ ...draft, urlKernel: e.currentTarget.value })}
              error={errors['source.kernel']}
              data-testid="install-url-kernel"
            />
            <TextInput
              label="Initrd in the tree"
              description=" "
              placeholder="images/pxeboot/initrd.img"
              value={draft.urlInitrd}
              onChange={(e) => set({ ...draft, urlInitrd: e.currentTarget.value })}
              error={errors['source.initrd']}
              data-testid="install-url-initrd"
            />
          </SimpleGrid>
          <TextInput
            label="Installer command line (extra)"
            placeholder="auto=true priority=critical"
            value={draft.urlCmdline}
            onChange={(e) => set({ ...draft, urlCmdline: e.currentTarget.value })}
            error={errors['source.cmdline']}
            data-testid="install-url-cmdline"
          />
          <Text size="xs" c="dimmed">
            The host downloads the two files (not this computer). After the first boot the VM boots from its disk.
          </Text>
        </Stack>
      )}
      {draft.source === 'kernel' && (
        <Stack gap="xs">
          <SimpleGrid cols={2}>
            <TextInput
              label="Kernel (path on the host)"
              placeholder="/var/lib/libvirt/boot/vmlinuz"
              value={draft.kernel}
              onChange={(e) => set({ ...draft, kernel: e.currentTarget.value })}
              error={errors['source.kernel']}
              data-testid="install-kernel"
            />
            <TextInput
              label="Initrd (path on the host)"
              placeholder="/var/lib/libvirt/boot/initrd.img"
              value={draft.initrd}
              onChange={(e) => set({ ...draft, initrd: e.currentTarget.value })}
              error={errors['source.initrd']}
              data-testid="install-initrd"
            />
          </SimpleGrid>
          <TextInput
            label="Kernel command line"
            value={draft.cmdline}
            onChange={(e) => set({ ...draft, cmdline: e.currentTarget.value })}
            error={errors['source.cmdline']}
            data-testid="install-cmdline"
          />
          {draft.serial && !/console=ttyS0/.test(draft.cmdline) && (
            <Alert color="yellow" p="xs" data-testid="install-cmdline-hint">
              Add <code>console=ttyS0</code> to the command line, or the serial console stays silent.
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
