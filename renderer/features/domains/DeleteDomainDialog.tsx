import { Alert, Button, Checkbox, Code, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DomainDisk } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyInfo } from '../../components/notify';
import { formatBytes } from '../../lib/format';
import { useDomain, useDomainDetails } from '../../queries';
import { useDeleteDomain } from '../../queries/mutations';
import { useSnapshots } from '../../queries/snapshots';
import { type DomainTarget, useUi } from '../../store/ui';
import { filesRefusal, snapshotFilesToDelete } from '../snapshots/unread';

/** A disk whose storage volume we can delete along with the VM; CD-ROMs and shared disks start unticked. */
function deletable(d: DomainDisk): boolean {
  return !!d.source && !!d.volume;
}
function preselected(d: DomainDisk): boolean {
  return deletable(d) && d.device === 'disk' && !d.readonly && !d.shareable;
}

function DiskChoice({ disk, checked, onChange }: { disk: DomainDisk; checked: boolean; onChange(v: boolean): void }) {
  const can = deletable(disk);
  const size = disk.volume ? ` · ${formatBytes(disk.volume.allocation)} used of ${formatBytes(disk.volume.capacity)}` : '';
  return (
    <Checkbox
      checked={checked}
      disabled={!can}
      onChange={(e) => onChange(e.currentTarget.checked)}
      data-testid={`delete-disk-${disk.target}`}
      label={
        <>
          <Text size="sm" span fw={500}>
            {disk.target}
          </Text>{' '}
          <Text size="sm" span c="dimmed">
            ({disk.device}
            {disk.volume ? `, pool ${disk.volume.pool}` : ''}
            {size})
          </Text>
        </>
      }
      description={
        <>
          <Code>{disk.source ?? 'empty'}</Code>
          {!can && disk.source && <> — not a volume of a storage pool on this host; Vireo leaves it in place.</>}
          {disk.shareable && <> — shared with other VMs.</>}
        </>
      }
    />
  );
}

function DeleteForm({ target, onDone }: { target: DomainTarget; onDone(): void }) {
  const details = useDomainDetails(target.hostId, target.uuid);
  const summary = useDomain(target.hostId, target.uuid);
  const del = useDeleteDomain();
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  // What its snapshots keep besides the disks (layers under them, overlays): listed too (virt-manager#810 forgets them).
  const snaps = useSnapshots(target.hostId, target.uuid);
  const [snapChosen, setSnapChosen] = useState<Set<string> | null>(null);
  const snapFiles = snaps.data?.files ?? [];
  // Other VMs could not be read: which of these files they use is not known, so none is offered.
  const snapFilesRefused = snaps.data ? filesRefusal(snaps.data) : null;
  useEffect(() => {
    // The defaults from the list as fetched for this dialog, not a cached one (a refetch on open may refuse the files).
    if (snaps.data && !snaps.isFetching && snapChosen === null)
      setSnapChosen(
        filesRefusal(snaps.data)
          ? new Set()
          : new Set(snaps.data.files.filter((f) => f.madeBySnapshot && f.inPool && !f.usedBy.length).map((f) => f.path)),
      );
  }, [snaps.data, snaps.isFetching, snapChosen]);
  // Shown ticked = sent: a refetch that refuses the files (or stops offering one) unticks it too.
  const snapSelected = snapshotFilesToDelete(snaps.data, snapChosen ?? new Set<string>());
  const [typed, setTyped] = useState('');
  const disks = details.data?.disks ?? [];
  useEffect(() => {
    if (details.data && chosen === null) setChosen(new Set(details.data.disks.filter(preselected).map((d) => d.source as string)));
  }, [details.data, chosen]);
  const selected = chosen ?? new Set<string>();
  const running = summary && summary.state !== 'shutoff';
  const matches = typed === target.name;

  const submit = () => {
    if (!matches) return;
    del.mutate(
      { hostId: target.hostId, uuid: target.uuid, confirmName: typed, deleteVolumes: [...selected, ...snapSelected] },
      {
        onSuccess: (r) => {
          notifyInfo(
            'VM deleted',
            `“${target.name}” is gone${r.deletedVolumes.length ? `, with ${r.deletedVolumes.length} volume(s)` : ''}.`,
          );
          const sel = useUi.getState().selection;
          if (sel.kind === 'domain' && sel.uuid === target.uuid) useUi.getState().select({ kind: 'host', hostId: target.hostId });
          onDone();
        },
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        {running && (
          <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs">
            It is {summary.state === 'running' ? 'running' : summary.state}: it will be forced off first.
          </Alert>
        )}
        <Text size="sm">Its definition is removed from the host. Also delete these storage volumes:</Text>
        {details.isLoading && <Loader size="sm" />}
        <ErrorAlert title="Could not read the VM's disks" error={details.error} />
        <ErrorAlert title="Could not read the VM's snapshots: the files they keep are not listed" error={snaps.error} />
        {details.data && disks.length === 0 && (
          <Text size="sm" c="dimmed">
            It has no disks.
          </Text>
        )}
        <Stack gap="xs" data-testid="delete-disks" data-loaded={details.data ? 'true' : 'false'}>
          {disks.map((d) => (
            <DiskChoice
              key={d.target}
              disk={d}
              checked={!!d.source && selected.has(d.source)}
              onChange={(v) => {
                const next = new Set(selected);
                if (d.source) {
                  if (v) next.add(d.source);
                  else next.delete(d.source);
                }
                setChosen(next);
              }}
            />
          ))}
        </Stack>
        {snaps.data && (snapFiles.length > 0 || snaps.data.snapshots.length > 0) && (
          <Stack gap="xs" data-testid="delete-snapshot-files">
            <Text size="sm">
              Its {snaps.data.snapshots.length} snapshot{snaps.data.snapshots.length === 1 ? '' : 's'}' metadata goes with it.
              {snapFiles.length ? ' Files its snapshots keep besides the disks:' : ' Internal snapshots are inside the disk images.'}
            </Text>
            {snapFiles.length > 0 && snapFilesRefused && (
              <Text size="sm" c="orange" data-testid="delete-snapshot-files-unread">
                {snapFilesRefused}
              </Text>
            )}
            {snapFiles.map((f) => (
              <Checkbox
                key={f.path}
                checked={snapSelected.has(f.path)}
                disabled={!f.inPool || f.usedBy.length > 0 || !!snapFilesRefused}
                onChange={(e) => {
                  const next = new Set(snapSelected);
                  if (e.currentTarget.checked) next.add(f.path);
                  else next.delete(f.path);
                  setSnapChosen(next);
                }}
                data-testid="delete-snapshot-file"
                data-path={f.path}
                label={<Code>{f.path}</Code>}
                description={`${f.role}${f.usedBy.length ? ` — also used by ${f.usedBy.join(', ')}: kept` : ''}${f.inPool ? '' : ' — not in a storage pool: left in place'}`}
              />
            ))}
          </Stack>
        )}
        <TextInput
          label={
            <>
              Type <Code>{target.name}</Code> to confirm
            </>
          }
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          data-testid="delete-confirm-name"
          autoComplete="off"
          data-autofocus
        />
        <ErrorAlert title={`Could not delete “${target.name}”`} error={del.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="red"
            disabled={!matches || !details.data || snaps.isLoading}
            loading={del.isPending}
            data-testid="delete-submit"
          >
            Delete
            {selected.size + snapSelected.size
              ? ` VM and ${selected.size + snapSelected.size} volume${selected.size + snapSelected.size > 1 ? 's' : ''}`
              : ' VM'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeleteDomainDialog() {
  const target = useUi((s) => s.deleteDomain);
  const close = () => useUi.getState().setDeleteDomain(null);
  return (
    <Modal opened={!!target} onClose={close} title={target ? `Delete “${target.name}”?` : ''} size="lg" data-testid="delete-dialog">
      {target && <DeleteForm key={`${target.hostId}/${target.uuid}`} target={target} onDone={close} />}
    </Modal>
  );
}
