/** What the two attach dialogs (a host device, an emulated device) share: their props, the modal, the last row. */
import { Button, Group, Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApplyScope } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface UsbDialogProps {
  hostId: string;
  uuid: string;
  vm: { name: string; running: boolean; persistent: boolean };
  scope: ApplyScope;
  setScope(s: ApplyScope): void;
  onClose(): void;
}

/** The modal; its body is mounted only while it is open, so each opening starts afresh. */
export function UsbDialog({
  opened,
  onClose,
  title,
  size,
  testId,
  children,
}: {
  opened: boolean;
  onClose(): void;
  title: string;
  size: ModalProps['size'];
  testId: string;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} data-testid={testId}>
      {opened && children}
    </Modal>
  );
}

/** libvirt's refusal, if any, then Close and Attach (`testId`). */
export function AttachFooter({
  vmName,
  error,
  onClose,
  onAttach,
  canAttach,
  pending,
  testId,
}: {
  vmName: string;
  error: unknown;
  onClose(): void;
  onAttach(): void;
  canAttach: boolean;
  pending: boolean;
  testId: string;
}) {
  return (
    <>
      <ErrorAlert title={`Could not attach it to ${vmName}`} error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button onClick={onAttach} disabled={!canAttach} loading={pending} data-testid={testId}>
          Attach
        </Button>
      </Group>
    </>
  );
}
