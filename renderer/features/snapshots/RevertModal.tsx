/**
 * Asks before a revert discards the VM's current state, and offers to snapshot it first. For an
 * external snapshot on a libvirt that cannot revert to one, says what Vireo does instead.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SnapshotInfo, SnapshotList } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { closeWrite, errorTitle, snapshotWriteKey, writePending } from '../../queries/snapshot-write';
import { useSnapshotWrite } from '../../queries/snapshots';

export function RevertModal(p: { hostId: string; uuid: string; list: SnapshotList; snap: SnapshotInfo | null; onClose(): void }) {
  const [saveFirst, setSaveFirst] = useState(false);
  const [saveName, setSaveName] = useState('');
  const revert = useSnapshotWrite('snapshots.revert', p.hostId, p.uuid, p.list.vmName, !!p.snap);
  const qc = useQueryClient();
  // A revert of this VM started by this dialog before it was remounted (the page was left) still runs.
  const earlier = useIsMutating({ mutationKey: snapshotWriteKey('snapshots.revert', p.hostId, p.uuid) }) > 0 && !revert.isPending;
  // While pending, the revert running is the one shown (the dialog may have been reopened on another row).
  const s = revert.isPending ? (p.list.snapshots.find((x) => x.name === revert.variables?.name) ?? p.snap) : p.snap;
  const byVireo = s?.kind === 'external' && p.list.offers.revertExternal === 'vireo';
  // While pending the dialog closes but the request goes on (its result then comes as a notification).
  const close = () =>
    closeWrite(
      revert,
      () => {
        setSaveFirst(false);
        setSaveName('');
      },
      p.onClose,
    );
  const start = () => {
    if (!s) return;
    // One revert of a VM at a time: not a second one for the same request while the first runs.
    // (the render that shows it pending may not have come yet: a double click, Enter twice)
    if (writePending(qc, 'snapshots.revert', p.hostId, p.uuid)) return;
    revert.mutate({ name: s.name, ...(saveFirst && saveName ? { saveCurrentAs: saveName } : {}) }, { onSuccess: close });
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
    <Modal opened={!!p.snap} onClose={close} title={`Revert ${p.list.vmName} to “${s?.name ?? ''}”?`} data-testid="snapshot-revert-dialog">
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
        <ErrorAlert title={errorTitle('snapshots.revert', revert.variables?.name ?? s?.name ?? '', revert.error)} error={revert.error} />
        {revert.isPending && (
          <Text size="sm" c="dimmed" data-testid="snapshot-revert-pending">
            Reverting to “{revert.variables?.name}”… Saving or loading a running VM's memory can take minutes. You can close this dialog:
            libvirt goes on, and the result comes as a notification.
          </Text>
        )}
        {earlier && (
          <Text size="sm" c="orange" data-testid="snapshot-revert-earlier">
            A revert of this VM started earlier is still running: its result comes as a notification. Revert again once it is done.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="orange" loading={revert.isPending} disabled={earlier} onClick={start} data-testid="snapshot-revert-confirm">
            Revert
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
