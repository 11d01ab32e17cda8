/** New volume (qcow2 or raw, size, optionally on a backing volume of the pool) and resize (live through the running VMs that have it). */
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CreateVolumeSpec, type VolumeRow } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSummary } from '../../components/FormSummary';
import { formatBytes } from '../../lib/format';
import { issuesByField } from '../../lib/formErrors';
import { useStorageWrite } from '../../queries/storage';

const MiB = 1024 * 1024;
const LABELS = { name: 'Name', capacity: 'Size', backing: 'Backing volume' } as const;
const toBytes = (mib: number | string) => (typeof mib === 'number' ? Math.round(mib * MiB) : Number.NaN);

export function CreateVolumeModal({
  hostId,
  pool,
  volumes,
  opened,
  onClose,
}: {
  hostId: string;
  pool: string;
  volumes: VolumeRow[];
  opened: boolean;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [format, setFormat] = useState<'qcow2' | 'raw'>('qcow2');
  const [sizeMiB, setSizeMiB] = useState<number | string>(64);
  const [backing, setBacking] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const create = useStorageWrite('storage.createVolume', hostId);
  const input = { name, format, capacity: toBytes(sizeMiB), ...(format === 'qcow2' && backing ? { backing } : {}) };
  const check = CreateVolumeSpec.safeParse({ hostId, pool, ...input });
  const errors = check.success ? {} : issuesByField(check.error.issues, (p) => (p in LABELS ? p : undefined), LABELS);
  const shown: Record<string, string> = tried ? errors : {};
  const close = () => {
    create.reset();
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`New volume in ${pool}`} data-testid="storage-volume-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!check.success) {
            setTried(true);
            return;
          }
          create.mutate(
            { pool, ...input },
            {
              onSuccess: () => {
                setName('');
                setBacking(null);
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label={LABELS.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={shown.name}
            data-testid="storage-volume-name-input"
            data-autofocus
          />
          <SegmentedControl
            value={format}
            onChange={(v) => setFormat(v as 'qcow2' | 'raw')}
            data={[
              { value: 'qcow2', label: <span data-testid="storage-volume-format-qcow2">qcow2</span> },
              { value: 'raw', label: <span data-testid="storage-volume-format-raw">raw</span> },
            ]}
          />
          <NumberInput
            label={`${LABELS.capacity} (MiB)`}
            min={1}
            value={sizeMiB}
            onChange={setSizeMiB}
            error={shown.capacity}
            data-testid="storage-volume-size-input"
          />
          {format === 'qcow2' && (
            <Select
              label={LABELS.backing}
              description="Optional: the new volume is an overlay that reads what it does not hold from this one."
              placeholder="None"
              clearable
              data={volumes.map((v) => v.name)}
              value={backing}
              onChange={setBacking}
              error={shown.backing}
              data-testid="storage-volume-backing-input"
            />
          )}
          {tried && <FormSummary errors={errors} labels={LABELS} />}
          <ErrorAlert title="Could not create the volume" error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="storage-volume-submit">
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResizeVolumeModal({
  hostId,
  pool,
  volume,
  onClose,
}: {
  hostId: string;
  pool: string;
  volume: VolumeRow | null;
  onClose: () => void;
}) {
  const [sizeMiB, setSizeMiB] = useState<number | string>(0);
  const resize = useStorageWrite('storage.resizeVolume', hostId);
  useEffect(() => {
    if (volume) setSizeMiB(Math.ceil(volume.capacity / MiB) * 2);
  }, [volume]);
  const close = () => {
    resize.reset();
    onClose();
  };
  const bytes = toBytes(sizeMiB);
  const live = volume?.liveUsers ?? [];
  return (
    <Modal opened={!!volume} onClose={close} title={`Resize ${volume?.name ?? ''}`} data-testid="storage-resize-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (volume) resize.mutate({ pool, volume: volume.name, capacity: bytes }, { onSuccess: close });
        }}
      >
        <Stack>
          <Text size="sm">
            Now {volume ? formatBytes(volume.capacity) : ''}. Volumes only grow: shrinking would cut the data at the end.
          </Text>
          <NumberInput
            label="New size (MiB)"
            min={1}
            value={sizeMiB}
            onChange={setSizeMiB}
            data-testid="storage-resize-input"
            data-autofocus
          />
          <Text size="sm" c="dimmed" data-testid="storage-resize-mode">
            {live.length
              ? `Live: through the running ${live.join(', ')} (the guest sees the new size at once).`
              : 'Offline: through libvirt on the volume.'}
          </Text>
          <ErrorAlert title="Could not resize the volume" error={resize.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={resize.isPending} disabled={!Number.isFinite(bytes)} data-testid="storage-resize-submit">
              Resize
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Copies a volume under a new name, into this pool or another running pool of the host. */
export function CloneVolumeModal({
  hostId,
  pool,
  pools,
  volume,
  onClose,
  onStarted,
}: {
  hostId: string;
  pool: string;
  /** The host's running pools (where a copy can go). */
  pools: string[];
  volume: VolumeRow | null;
  onClose: () => void;
  /** The clone's job (its progress is shown beside the volumes). */
  onStarted: (jobId: string) => void;
}) {
  const [name, setName] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const clone = useStorageWrite('storage.cloneVolume', hostId);
  useEffect(() => {
    if (volume) setName(volume.name.replace(/(\.[A-Za-z0-9]+)?$/, (ext) => `-copy${ext}`));
  }, [volume]);
  const close = () => {
    clone.reset();
    setTarget(null);
    onClose();
  };
  const targetPool = target ?? pool;
  return (
    <Modal opened={!!volume} onClose={close} title={`Clone ${volume?.name ?? ''}`} data-testid="storage-clone-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (volume && name)
            clone.mutate(
              { pool, volume: volume.name, name, targetPool },
              {
                onSuccess: (job) => {
                  onStarted(job.id);
                  close();
                },
              },
            );
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Copies all its data ({volume ? formatBytes(volume.capacity) : ''}, {volume?.format ?? 'raw'}).
          </Text>
          <TextInput
            label="Name of the copy"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={name ? undefined : 'Name of the copy is empty'}
            data-testid="storage-clone-name-input"
            data-autofocus
          />
          <Select
            label="Into pool"
            data={pools}
            value={targetPool}
            onChange={setTarget}
            allowDeselect={false}
            data-testid="storage-clone-pool-input"
          />
          <ErrorAlert title="Could not clone the volume" error={clone.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={clone.isPending} disabled={!name} data-testid="storage-clone-submit">
              Clone
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
