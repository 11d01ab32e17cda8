import { ActionIcon, AppShell, Badge, Group, Indicator, Kbd, Text, Title, Tooltip, useMantineColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconListDetails, IconMoon, IconPlus, IconSun } from '@tabler/icons-react';
import { DomainTable } from './features/domains/DomainTable';
import { AddHostModal } from './features/hosts/AddHostModal';
import { EmptyState } from './features/hosts/EmptyState';
import { HostSidebar } from './features/hosts/HostSidebar';
import { PromptDialog } from './features/hosts/PromptDialog';
import { JobsDrawer } from './features/jobs/JobsDrawer';
import { useAppInfo, useBackendEvents, useHosts, useJobs } from './queries';
import { useUi } from './store/ui';

export function App() {
  useBackendEvents();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const hosts = useHosts();
  const info = useAppInfo();
  const jobs = useJobs();
  const { jobsOpen, setJobsOpen, setAddHostOpen } = useUi();
  const running = (jobs.data ?? []).filter((j) => j.status === 'running').length;

  useHotkeys([
    ['mod+shift+L', () => toggleColorScheme()],
    ['mod+J', () => setJobsOpen(!jobsOpen)],
    ['mod+shift+N', () => setAddHostOpen(true)],
  ]);

  const noHosts = hosts.isSuccess && hosts.data.length === 0;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 260, breakpoint: 'sm' }} padding="md" data-testid="app-shell">
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
            <Tooltip label={<>Add host <Kbd size="xs">Ctrl+Shift+N</Kbd></>}>
              <ActionIcon variant="default" size="lg" aria-label="Add host" onClick={() => setAddHostOpen(true)}>
                <IconPlus size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={<>Jobs <Kbd size="xs">Ctrl+J</Kbd></>}>
              <Indicator label={running} size={16} disabled={running === 0}>
                <ActionIcon variant="default" size="lg" aria-label="Jobs" data-testid="jobs-button" onClick={() => setJobsOpen(true)}>
                  <IconListDetails size={18} />
                </ActionIcon>
              </Indicator>
            </Tooltip>
            <Tooltip label={<>Toggle dark mode <Kbd size="xs">Ctrl+Shift+L</Kbd></>}>
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
      <AppShell.Main data-testid="main-pane">
        {hosts.isError && (
          <Text c="red" role="alert">
            {hosts.error.message}
          </Text>
        )}
        {noHosts ? <EmptyState /> : <DomainTable />}
      </AppShell.Main>
      <JobsDrawer />
      <AddHostModal />
      <PromptDialog />
    </AppShell>
  );
}
