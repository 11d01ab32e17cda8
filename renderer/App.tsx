import { ActionIcon, AppShell, Badge, Group, Indicator, Kbd, Text, Title, Tooltip, useMantineColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconListDetails, IconMoon, IconPlus, IconSun } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import { CloneRoot } from './features/clone/CloneWizard';
import { ConsoleDock } from './features/console/ConsoleDock';
import { DeleteDomainDialog } from './features/domains/DeleteDomainDialog';
import { DomainMenu } from './features/domains/DomainMenu';
import { DomainTable } from './features/domains/DomainTable';
import { DomainPage } from './features/domains/details/DomainPage';
import { ForceOffDialog } from './features/domains/ForceOffDialog';
import { EmptyState } from './features/hosts/EmptyState';
import { HostFormModal } from './features/hosts/HostFormModal';
import { HostPage } from './features/hosts/HostPage';
import { HostSidebar } from './features/hosts/HostSidebar';
import { PromptDialog } from './features/hosts/PromptDialog';
import { RemoveHostDialog } from './features/hosts/RemoveHostDialog';
import { StartupWarnings } from './features/hosts/StartupWarnings';
import { useHostToasts } from './features/hosts/useHostToasts';
import { InstallRoot } from './features/install/InstallWizard';
import { JobsDrawer } from './features/jobs/JobsDrawer';
import { MigrateRoot } from './features/migrate/MigrateRoot';
import { useAppInfo, useBackendEvents, useHosts, useJobs } from './queries';
import { useUi } from './store/ui';

const HEADER = 52;

function MainPane() {
  const hosts = useHosts();
  const selection = useUi((s) => s.selection);
  if (hosts.isError)
    return (
      <Text c="red" role="alert">
        {hosts.error.message}
      </Text>
    );
  if (hosts.isSuccess && hosts.data.length === 0) return <EmptyState />;
  switch (selection.kind) {
    case 'all':
      return <DomainTable />;
    case 'host':
      return <HostPage key={selection.hostId} hostId={selection.hostId} tab={selection.tab ?? 'overview'} />;
    case 'domain':
      return (
        <DomainPage
          key={`${selection.hostId}/${selection.uuid}`}
          hostId={selection.hostId}
          uuid={selection.uuid}
          tab={selection.tab ?? 'overview'}
        />
      );
  }
}

export function App() {
  useBackendEvents();
  useHostToasts();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const info = useAppInfo();
  const jobs = useJobs();
  const { jobsOpen, setJobsOpen, setAddHostOpen, selection } = useUi(
    useShallow((s) => ({ jobsOpen: s.jobsOpen, setJobsOpen: s.setJobsOpen, setAddHostOpen: s.setAddHostOpen, selection: s.selection })),
  );
  const running = (jobs.data ?? []).filter((j) => j.status === 'running').length;

  useHotkeys([
    ['mod+shift+L', () => toggleColorScheme()],
    ['mod+J', () => setJobsOpen(!jobsOpen)],
    ['mod+shift+N', () => setAddHostOpen(true)],
  ]);

  // The table fills the window and scrolls itself; the details pages scroll the page.
  const fixedHeight = selection.kind !== 'domain';

  return (
    <AppShell header={{ height: HEADER }} navbar={{ width: 280, breakpoint: 'sm' }} padding="md" data-testid="app-shell">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <img src="./favicon.svg" alt="" width={24} height={24} />
            <Title order={3} fw={700}>
              Vireo
            </Title>
            {info.data && (
              <Badge variant="light" color="gray" size="sm">
                {info.data.mode === 'web' ? 'web mode' : 'desktop'} · v{info.data.version}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Tooltip
              label={
                <>
                  Add host <Kbd size="xs">Ctrl+Shift+N</Kbd>
                </>
              }
            >
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Add host"
                onClick={() => setAddHostOpen(true)}
                data-testid="header-add-host"
              >
                <IconPlus size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip
              label={
                <>
                  Jobs <Kbd size="xs">Ctrl+J</Kbd>
                </>
              }
            >
              <Indicator label={running} size={16} disabled={running === 0}>
                <ActionIcon variant="default" size="lg" aria-label="Jobs" data-testid="jobs-button" onClick={() => setJobsOpen(true)}>
                  <IconListDetails size={18} />
                </ActionIcon>
              </Indicator>
            </Tooltip>
            <Tooltip
              label={
                <>
                  Toggle dark mode <Kbd size="xs">Ctrl+Shift+L</Kbd>
                </>
              }
            >
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Toggle color scheme"
                data-testid="theme-toggle"
                onClick={() => toggleColorScheme()}
              >
                {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" data-testid="host-sidebar">
        <HostSidebar />
      </AppShell.Navbar>
      <AppShell.Main
        data-testid="main-pane"
        style={fixedHeight ? { height: '100dvh', display: 'flex', flexDirection: 'column' } : undefined}
      >
        <StartupWarnings />
        <div style={fixedHeight ? { flex: 1, minHeight: 0 } : undefined}>
          <MainPane />
        </div>
        <ConsoleDock />
      </AppShell.Main>
      <JobsDrawer />
      <MigrateRoot />
      <InstallRoot />
      <CloneRoot />
      <HostFormModal />
      <RemoveHostDialog />
      <PromptDialog />
      <DomainMenu />
      <ForceOffDialog />
      <DeleteDomainDialog />
    </AppShell>
  );
}
