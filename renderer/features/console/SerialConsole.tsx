/**
 * A VM's serial console in xterm.js, fed by libvirt's console stream through a console channel.
 * The terminal (and its scrollback) lives as long as the tab: reconnections after a restart or a
 * migration continue in the same terminal.
 */
import '@xterm/xterm/css/xterm.css';
import { ActionIcon, Alert, NativeSelect, Text, TextInput } from '@mantine/core';
import {
  IconArrowsMaximize,
  IconClipboard,
  IconClipboardCopy,
  IconCornerDownLeft,
  IconEraser,
  IconInfoCircle,
  IconSearch,
  IconX,
} from '@tabler/icons-react';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import type { StreamHandle } from '../../../shared/api';
import { api } from '../../api';
import { notifyInfo } from '../../components/notify';
import { useHosts, useRead } from '../../queries';
import { ConsoleStatus } from './ConsoleStatus';
import { ConsoleToolbar, Tool } from './parts';
import type { ConsoleTab } from './store';
import { useConsoleSession } from './useConsoleSession';

const encoder = new TextEncoder();
/** After this long without a byte from the guest, explain what may be wrong. */
const QUIET_HINT_MS = 5000;

export function SerialConsole({ tab, active }: { tab: ConsoleTab; active: boolean }) {
  // Several serial/console devices: the one chosen here (libvirt's first until then).
  const devices = useRead('settings.consoleDevices', { hostId: tab.hostId, uuid: tab.uuid }, { staleTime: 30_000 });
  const [device, setDevice] = useState<string | undefined>(undefined);
  const session = useConsoleSession(tab, device);
  const hosts = useHosts();
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const search = useRef<SearchAddon | null>(null);
  const handle = useRef<StreamHandle | null>(null);
  const [size, setSize] = useState({ cols: 0, rows: 0 });
  const [quiet, setQuiet] = useState(false);
  const [hintDismissed, setHintDismissed] = useState(false);
  const [find, setFind] = useState<string | null>(null);
  const state = session.info?.state;
  const channel = state?.status === 'open' ? state.channel : null;
  const hostId = session.info?.hostId ?? tab.hostId;
  const hostName = hosts.data?.find((h) => h.id === hostId)?.spec.name ?? hostId;

  // The terminal, once per tab.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const t = new Terminal({
      scrollback: 10_000,
      cursorBlink: true,
      fontFamily: '"JetBrains Mono", ui-monospace, Menlo, Consolas, monospace',
      fontSize: 13,
      rightClickSelectsWord: true,
      theme: { background: '#111418', foreground: '#d8dee9', selectionBackground: '#3b4b63' },
    });
    const f = new FitAddon();
    const s = new SearchAddon();
    t.loadAddon(f);
    t.loadAddon(s);
    t.loadAddon(new WebLinksAddon((_e, uri) => window.open(uri, '_blank', 'noopener')));
    t.open(el);
    term.current = t;
    fit.current = f;
    search.current = s;
    const send = (bytes: Uint8Array) => handle.current?.write(bytes);
    const subs = [
      t.onData((d) => send(encoder.encode(d))),
      t.onBinary((d) => send(Uint8Array.from(d, (c) => c.charCodeAt(0) & 0xff))),
      t.onResize(({ cols, rows }) => setSize({ cols, rows })),
    ];
    t.attachCustomKeyEventHandler((ev) => {
      if (ev.type !== 'keydown' || !ev.ctrlKey || !ev.shiftKey) return true;
      if (ev.code === 'KeyC') {
        copySelection(t);
        return false;
      }
      // Ctrl+Shift+V: the browser pastes into xterm's textarea, which sends it to the guest.
      if (ev.code === 'KeyV') return false;
      if (ev.code === 'KeyF') {
        ev.preventDefault();
        setFind(t.getSelection() || '');
        return false;
      }
      return true;
    });
    const refit = () => {
      if (el.clientWidth > 0 && el.clientHeight > 0) f.fit();
    };
    const ro = new ResizeObserver(refit);
    ro.observe(el);
    refit();
    setSize({ cols: t.cols, rows: t.rows });
    return () => {
      ro.disconnect();
      for (const d of subs) d.dispose();
      t.dispose();
      term.current = null;
    };
  }, []);

  // Attach to each new channel (first connection, and every reconnection).
  useEffect(() => {
    const t = term.current;
    if (!channel || !t) return;
    let received = 0;
    setQuiet(false);
    const timer = setTimeout(() => received === 0 && setQuiet(true), QUIET_HINT_MS);
    const h = api.attachStream(channel, {
      data: (bytes) => {
        if (received === 0) setQuiet(false);
        received += bytes.length;
        t.write(bytes);
      },
      close: () => {},
    });
    handle.current = h;
    return () => {
      clearTimeout(timer);
      h.close();
      if (handle.current === h) handle.current = null;
    };
  }, [channel]);

  useEffect(() => {
    if (active) {
      if (box.current && box.current.clientWidth > 0) fit.current?.fit();
      term.current?.focus();
    }
  }, [active]);

  const paste = () => {
    const t = term.current;
    if (!t) return;
    navigator.clipboard.readText().then(
      (text) => {
        t.paste(text);
        t.focus();
      },
      () => notifyInfo('Paste with the keyboard', 'The clipboard cannot be read from here: click the terminal and press Ctrl+Shift+V.'),
    );
  };

  const typeLine = (line: string) => {
    handle.current?.write(encoder.encode(line));
    term.current?.focus();
  };

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, gap: 6 }}
      data-testid={`console-serial-${tab.name}`}
      data-state={state?.status ?? 'connecting'}
      data-host={hostId}
      data-cols={size.cols}
      data-rows={size.rows}
    >
      <ConsoleToolbar
        state={state}
        hostName={hostName}
        info={
          <>
            {(devices.data?.length ?? 0) > 1 && (
              <NativeSelect
                size="xs"
                aria-label="Serial device"
                value={device ?? devices.data?.[0]?.alias ?? ''}
                onChange={(e) => setDevice(e.currentTarget.value)}
                data={(devices.data ?? []).map((d) => ({ value: d.alias, label: d.label }))}
                data-testid="console-device"
              />
            )}
            <Text size="xs" c="dimmed" data-testid="console-size">
              {size.cols}×{size.rows}
            </Text>
          </>
        }
        other={{ kind: 'vnc', hostId, uuid: tab.uuid, name: tab.name }}
      >
        {find !== null && (
          <TextInput
            size="xs"
            autoFocus
            placeholder="Find in scrollback"
            value={find}
            onChange={(e) => {
              setFind(e.currentTarget.value);
              search.current?.findNext(e.currentTarget.value, { incremental: true });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                if (e.shiftKey) search.current?.findPrevious(find);
                else search.current?.findNext(find);
              } else if (e.key === 'Escape') {
                setFind(null);
                search.current?.clearDecorations();
                term.current?.focus();
              }
            }}
            rightSection={
              <ActionIcon size="xs" variant="subtle" aria-label="Close find" onClick={() => setFind(null)}>
                <IconX size={12} />
              </ActionIcon>
            }
            data-testid="console-find"
          />
        )}
        <Tool label="Find (Ctrl+Shift+F)" onClick={() => setFind(term.current?.getSelection() || '')} testId="console-find-open">
          <IconSearch size={15} />
        </Tool>
        <Tool label="Copy selection (Ctrl+Shift+C)" onClick={() => term.current && copySelection(term.current)} testId="console-copy">
          <IconClipboardCopy size={15} />
        </Tool>
        <Tool label="Paste (Ctrl+Shift+V)" onClick={paste} testId="console-paste">
          <IconClipboard size={15} />
        </Tool>
        <Tool label="Press Enter in the guest" onClick={() => typeLine('\r')} testId="console-enter">
          <IconCornerDownLeft size={15} />
        </Tool>
        <Tool
          label="Tell the guest's shell this terminal's size (types stty rows … cols …)"
          onClick={() => typeLine(`stty rows ${size.rows} cols ${size.cols}\r`)}
          testId="console-stty"
        >
          <IconArrowsMaximize size={15} />
        </Tool>
        <Tool label="Clear the scrollback" onClick={() => term.current?.clear()} testId="console-clear">
          <IconEraser size={15} />
        </Tool>
      </ConsoleToolbar>
      <ConsoleStatus session={session} what="serial console" hostName={hostName} />
      {quiet && !hintDismissed && state?.status === 'open' && (
        <Alert
          color="gray"
          icon={<IconInfoCircle size={18} />}
          p="xs"
          withCloseButton
          onClose={() => setHintDismissed(true)}
          title="Nothing from the guest yet"
          data-testid="console-quiet-hint"
        >
          <Text size="sm">
            Press Enter: a login prompt or shell usually answers. If the guest still prints nothing, its OS does not use the serial port:
            for Linux add <code>console=ttyS0,115200</code> to the kernel command line (and run a getty on ttyS0, e.g.{' '}
            <code>systemctl enable --now serial-getty@ttyS0</code>).
          </Text>
        </Alert>
      )}
      <div ref={box} style={{ flex: 1, minHeight: 0, background: '#111418', borderRadius: 4, padding: 4 }} data-testid="console-terminal" />
    </div>
  );
}

function copySelection(t: Terminal): void {
  const text = t.getSelection();
  if (!text) return;
  navigator.clipboard.writeText(text).catch(() => {
    // Without clipboard permission, the browser's own copy command still works from a key press.
    t.focus();
    document.execCommand('copy');
  });
}
