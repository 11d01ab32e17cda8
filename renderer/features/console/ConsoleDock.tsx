/**
 * The console dock at the bottom of the main pane: one tab per open console (a VM's serial
 * console or display). Every tab stays mounted while the dock is open, so switching tabs keeps
 * terminals and displays connected; closing a tab ends its session and frees its channel.
 */
import { ActionIcon, CloseButton, Group, Loader, Paper, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconDeviceDesktop, IconMaximize, IconMinimize, IconTerminal2, IconX } from '@tabler/icons-react';
import { lazy, type PointerEvent as ReactPointerEvent, Suspense, useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type ConsoleTab, useConsoles } from './store';

// xterm.js and noVNC load with the first console opened, not with the app (a third of the bundle).
const VncViewer = lazy(() => import('../vnc/VncViewer').then((m) => ({ default: m.VncViewer })));
const SerialConsole = lazy(() => import('./SerialConsole').then((m) => ({ default: m.SerialConsole })));

const STRIP = 36;

export function ConsoleDock() {
  const { tabs, active, expanded, maximized, height, setActive, closeTab, closeAll, setExpanded, setMaximized, setHeight } = useConsoles(
    useShallow((s) => ({
      tabs: s.tabs,
      active: s.active,
      expanded: s.expanded,
      maximized: s.maximized,
      height: s.height,
      setActive: s.setActive,
      closeTab: s.closeTab,
      closeAll: s.closeAll,
      setExpanded: s.setExpanded,
      setMaximized: s.setMaximized,
      setHeight: s.setHeight,
    })),
  );

  const startResize = useCallback(
    (e: ReactPointerEvent) => {
      e.preventDefault();
      const move = (ev: PointerEvent) => setHeight(Math.min(window.innerHeight - 80, window.innerHeight - ev.clientY));
      const up = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    },
    [setHeight],
  );

  if (tabs.length === 0) return null;
  const shown = expanded ? height : STRIP;
  return (
    <>
      {/* Keeps the page's own content clear of the dock. */}
      <div style={{ height: maximized && expanded ? 0 : shown, flexShrink: 0 }} aria-hidden />
      <Paper
        shadow="md"
        withBorder
        radius={0}
        data-testid="console-dock"
        data-expanded={expanded}
        style={{
          position: 'fixed',
          left: 'var(--app-shell-navbar-offset, 0px)',
          right: 0,
          bottom: 0,
          top: maximized && expanded ? 'var(--app-shell-header-offset, 0px)' : undefined,
          height: maximized && expanded ? undefined : shown,
          zIndex: 150,
          display: 'flex',
          flexDirection: 'column',
        }}
      >
        {expanded && !maximized && (
          <div
            onPointerDown={startResize}
            style={{ height: 5, cursor: 'ns-resize', flexShrink: 0, marginTop: -3 }}
            title="Drag to resize the console dock"
            data-testid="console-dock-resize"
          />
        )}
        <Group gap={4} px={6} h={STRIP - 6} wrap="nowrap" style={{ flexShrink: 0, overflowX: 'auto' }}>
          {tabs.map((t) => (
            <TabButton key={t.key} tab={t} selected={t.key === active} onSelect={() => setActive(t.key)} onClose={() => closeTab(t.key)} />
          ))}
          <div style={{ flex: 1 }} />
          <Tooltip label={maximized ? 'Restore' : 'Maximize'}>
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={() => setMaximized(!maximized)}
              aria-label={maximized ? 'Restore' : 'Maximize'}
              data-testid="console-dock-maximize"
            >
              {maximized ? <IconMinimize size={15} /> : <IconMaximize size={15} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label={expanded ? 'Hide (consoles stay connected)' : 'Show'}>
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={() => setExpanded(!expanded)}
              aria-label={expanded ? 'Hide consoles' : 'Show consoles'}
              data-testid="console-dock-toggle"
            >
              {expanded ? <IconChevronDown size={15} /> : <IconChevronUp size={15} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Close all consoles">
            <ActionIcon
              variant="subtle"
              size="sm"
              color="red"
              onClick={closeAll}
              aria-label="Close all consoles"
              data-testid="console-dock-close-all"
            >
              <IconX size={15} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <div style={{ flex: 1, minHeight: 0, position: 'relative', display: expanded ? 'block' : 'none' }}>
          {tabs.map((t) => (
            <div
              key={t.key}
              style={{ position: 'absolute', inset: 0, padding: 6, display: t.key === active ? 'block' : 'none' }}
              data-testid={`console-panel-${t.kind}-${t.name}`}
            >
              <Suspense fallback={<Loader size="sm" m="md" />}>
                {t.kind === 'serial' ? (
                  <SerialConsole tab={t} active={expanded && t.key === active} />
                ) : (
                  <VncViewer tab={t} active={expanded && t.key === active} />
                )}
              </Suspense>
            </div>
          ))}
        </div>
      </Paper>
    </>
  );
}

function TabButton({
  tab,
  selected,
  onSelect,
  onClose,
}: {
  tab: ConsoleTab;
  selected: boolean;
  onSelect: () => void;
  onClose: () => void;
}) {
  return (
    <Group
      gap={2}
      wrap="nowrap"
      px={6}
      py={2}
      style={{
        borderRadius: 4,
        flexShrink: 0,
        background: selected ? 'var(--mantine-color-default-hover)' : undefined,
        border: '1px solid var(--mantine-color-default-border)',
      }}
      data-testid={`console-tab-${tab.kind}-${tab.name}`}
      data-selected={selected}
    >
      <UnstyledButton
        onClick={onSelect}
        onAuxClick={(e) => e.button === 1 && onClose()}
        style={{ display: 'flex', alignItems: 'center', gap: 6 }}
      >
        {tab.kind === 'serial' ? <IconTerminal2 size={14} /> : <IconDeviceDesktop size={14} />}
        <Text size="xs" fw={selected ? 600 : 400} style={{ maxWidth: 220 }} truncate>
          {tab.name}
        </Text>
        <Text size="xs" c="dimmed">
          {tab.kind === 'serial' ? 'serial' : 'display'}
        </Text>
      </UnstyledButton>
      <CloseButton
        size="xs"
        onClick={onClose}
        aria-label={`Close the ${tab.kind === 'serial' ? 'serial console' : 'display'} of ${tab.name}`}
        data-testid={`console-tab-close-${tab.kind}-${tab.name}`}
      />
    </Group>
  );
}
