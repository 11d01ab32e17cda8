/**
 * Asks before a revert discards the VM's current state, and offers to snapshot it first. For an
 * external snapshot on a libvirt that cannot revert to one, says what Vireo does instead.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SnapshotInfo, SnapshotList } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dismissable } from '../../queries/snapshot-write';
import { useSnapshotWrite } from '../../queries/snapshots';

export function RevertModal(p: { hostId: string; uuid: string; list: SnapshotList; snap: SnapshotInfo | null; onClose(): void }) {
  const [saveFirst, setSaveFirst] = useState(false);
  const [saveName, setSaveName] = useState('');
  const revert = useSnapshotWrite('snapshots.revert', p.hostId, p.uuid, p.list.vmName, !!p.snap);
  const s = p.snap;
  const byVireo = s?.kind === 'external' && p.list.offers.revertExternal === 'vireo';
  const close = () => {
    // Not while pending: the dialog stays until libvirt answers, so its result is seen.
    if (revert.isPending) return;
    setSaveFirst(false);
    setSaveName('');
    revert.reset();
    p.onClose();
  };
  const defaultName = `before revert to ${s?.name ?? ''}`.slice(0, 200);
  // The saving snapshot is of the target's kind; a running VM's memory goes with it when the backend offers that.
  const saveMemory =
    !p.list.running || s?.kind === 'internal'
      ? ''
      : p.list.offers.externalMemory.ok
        ? ' (with its memory)'
        : ' — disks only (the memory is not kept)';
  return (
    <Modal
      opened={!!s}
      onClose={close}
      {...dismissable(revert.isPending)}
      title={`Revert ${p.list.vmName} to “${s?.name ?? ''}”?`}
      data-testid="snapshot-revert-dialog"
    >
      <Stack>
        <Text size="sm">
          The VM's current state{p.list.running ? ' (its memory and disks)' : ' (its disks)'} is discarded and replaced by the snapshot's:{' '}
          {s?.captured}.
        </Text>
        {byVireo && (
          <Alert color="blue" data-testid="snapshot-revert-by-vireo">
            libvirt {p.list.libvirtVersion} cannot revert to an external snapshot (it can from 9.7). Vireo does it: the VM is powered off,
            its disks are pointed back at the snapshot's images with fresh overlays on top (so you can revert to it again), and the snapshot
            becomes current.{' '}
            {s?.memoryFile ? (
              <span data-testid="snapshot-revert-memory">
                Its memory state is restored from {s.memoryFile}: the VM runs on from the snapshot's moment.
              </span>
            ) : (
              'The VM stays shut off.'
            )}
          </Alert>
        )}
        <Checkbox
          label={`Snapshot the current state first${saveMemory}`}
          checked={saveFirst}
          onChange={(e) => {
            setSaveFirst(e.currentTarget.checked);
            if (!saveName) setSaveName(defaultName);
          }}
          data-testid="snapshot-save-current"
        />
        {saveFirst && (
          <TextInput
            label="Name of that snapshot"
            value={saveName}
            onChange={(e) => setSaveName(e.currentTarget.value)}
            data-testid="snapshot-save-current-name"
          />
        )}
        <ErrorAlert title="The revert did not happen" error={revert.error} />
        {revert.isPending && (
          <Text size="sm" c="dimmed" data-testid="snapshot-revert-pending">
            Reverting… Saving or loading a running VM's memory can take minutes: the dialog stays open until libvirt answers. If you leave
            this page, the result comes as a notification.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={revert.isPending}>
            Cancel
          </Button>
          <Button
            color="orange"
            loading={revert.isPending}
            onClick={() =>
              s && revert.mutate({ name: s.name, ...(saveFirst && saveName ? { saveCurrentAs: saveName } : {}) }, { onSuccess: close })
            }
            data-testid="snapshot-revert-confirm"
          >
            Revert
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
