/**
 * The migration feature's entry points for the rest of the app: the wizard and the live panel
 * (mounted once), the "Migrate…" menu item, and the Jobs drawer's "Open" button.
 */
import { Button, Menu, Modal, Tooltip } from '@mantine/core';
import { IconArrowsRightLeft } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { DomainSummary, HostId } from '../../../shared/api';
import { api } from '../../api';
import { useHosts } from '../../queries';
import { MigrateWizard } from './MigrateWizard';
import { MigrationPanel } from './MigrationPanel';
import { useMigrateUi } from './store';

function MigrationPanelModal() {
  const jobId = useMigrateUi((s) => s.panelJobId);
  const close = () => useMigrateUi.getState().openPanel(null);
  return (
    <Modal opened={!!jobId} onClose={close} size="xl" title="Migration" data-testid="migration-panel-modal">
      {jobId && <MigrationPanel jobId={jobId} />}
    </Modal>
  );
}

export function MigrateRoot() {
  // The graph's history: every migration's progress, kept while the app runs.
  useEffect(() => api.subscribe('job.progress', (job) => useMigrateUi.getState().add(job)), []);
  return (
    <>
      <MigrateWizard />
      <MigrationPanelModal />
    </>
  );
}

/** "Migrate…" in the VM menu. */
export function MigrateMenuItem({
  target,
  domain,
  hostConnected,
}: {
  target: { hostId: HostId; uuid: string; name: string };
  domain: DomainSummary | undefined;
  hostConnected: boolean;
}) {
  const hosts = useHosts();
  const others = (hosts.data ?? []).filter((h) => h.id !== target.hostId && h.state.status === 'connected');
  const reason = !domain
    ? 'This VM is gone'
    : !hostConnected
      ? 'The host is not connected'
      : others.length === 0
        ? 'Connect another host to migrate to'
        : null;
  const item = (
    <Menu.Item
      leftSection={<IconArrowsRightLeft size={14} />}
      disabled={!!reason}
      onClick={() => useMigrateUi.getState().openWizard(target)}
      data-testid={`vm-${target.name}-${target.hostId}-migrate`}
    >
      Migrate…
    </Menu.Item>
  );
  return reason ? (
    <Tooltip label={reason} position="right" withArrow>
      <div>{item}</div>
    </Tooltip>
  ) : (
    item
  );
}

/** The Jobs drawer's way into a migration's live panel. */
export function OpenMigrationButton({ jobId }: { jobId: string }) {
  return (
    <Button size="xs" variant="light" onClick={() => useMigrateUi.getState().openPanel(jobId)} data-testid={`job-${jobId}-open`}>
      Open panel
    </Button>
  );
}
