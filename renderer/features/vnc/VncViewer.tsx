/**
 * A VM's graphical display with noVNC. Each connection of the session (the first, and one after
 * every restart or migration) gets a fresh RFB on a ChannelSocket: the bytes travel over the
 * host's one SSH session, never through a local port.
 */
import { Alert, Button, Group, Menu, PasswordInput, Popover, SegmentedControl, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import RFB from '@novnc/novnc';
import { IconCamera, IconClipboard, IconKeyboard, IconLock, IconMaximize } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { notifyInfo } from '../../components/notify';
import { useHosts } from '../../queries';
import { ConsoleStatus } from '../console/ConsoleStatus';
import { ConsoleToolbar, Tool } from '../console/parts';
import type { ConsoleTab } from '../console/store';
import { useConsoleSession } from '../console/useConsoleSession';
import { ChannelSocket } from './channelSocket';
import { COMBOS, sendCombo, typeText } from './keys';
import { refusalReason } from './reason';

type Scale = 'fit' | 'native';
type RfbState = 'idle' | 'handshake' | 'connected' | 'disconnected';

export function VncViewer({ tab, active }: { tab: ConsoleTab; active: boolean }) {
  const session = useConsoleSession(tab);
  const hosts = useHosts();
  const frame = useRef<HTMLDivElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const rfbRef = useRef<RFB | null>(null);
  const [rfbState, setRfbState] = useState<RfbState>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const [needPassword, setNeedPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [scale, setScale] = useState<Scale>('fit');
  const scaleRef = useRef<Scale>('fit');
  const [desktop, setDesktop] = useState('');
  const [guestClipboard, setGuestClipboard] = useState('');
  const [toType, setToType] = useState('');
  const state = session.info?.state;
  const channel = state?.status === 'open' ? state.channel : null;
  const hostId = session.info?.hostId ?? tab.hostId;
  const hostName = hosts.data?.find((h) => h.id === hostId)?.spec.name ?? hostId;
  const vnc = state?.status === 'open' ? state.vnc : undefined;

  useEffect(() => {
    const target = screen.current;
    if (!channel || !target) return;
    setFailure(null);
    setNeedPassword(false);
    setRfbState('handshake');
    const rfb = new RFB(target, new ChannelSocket(channel), { shared: true });
    rfb.scaleViewport = scaleRef.current === 'fit';
    rfb.background = '#111418';
    const on = (type: string, fn: (e: CustomEvent) => void) => rfb.addEventListener(type, fn as EventListener);
    on('connect', () => {
      setRfbState('connected');
      setNeedPassword(false);
    });
    on('disconnect', () => setRfbState('disconnected'));
    on('credentialsrequired', () => setNeedPassword(true));
    on('securityfailure', (e) => {
      const d = e.detail as { status?: number; reason?: string };
      const reason = refusalReason(d.reason);
      setFailure(
        `The VNC server refused the login${reason ? `: ${reason}` : '.'} Check the display password (virsh dumpxml --security-info shows it).`,
      );
    });
    on('desktopname', (e) => setDesktop(String((e.detail as { name?: string }).name ?? '')));
    on('clipboard', (e) => setGuestClipboard(String((e.detail as { text?: string }).text ?? '')));
    rfbRef.current = rfb;
    return () => {
      if (rfbRef.current === rfb) rfbRef.current = null;
      rfb.disconnect();
    };
  }, [channel]);

  useEffect(() => {
    if (active && rfbState === 'connected') rfbRef.current?.focus({ preventScroll: true });
  }, [active, rfbState]);

  const changeScale = (s: Scale) => {
    setScale(s);
    scaleRef.current = s;
    if (rfbRef.current) rfbRef.current.scaleViewport = s === 'fit';
  };

  const connected = rfbState === 'connected';
  const withRfb = (fn: (rfb: RFB) => void) => () => {
    const rfb = rfbRef.current;
    if (!rfb) return;
    fn(rfb);
    rfb.focus({ preventScroll: true });
  };

  const screenshot = withRfb((rfb) =>
    rfb.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${tab.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }, 'image/png'),
  );

  const fullscreen = () => {
    const el = frame.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else el.requestFullscreen().catch((err: Error) => notifyInfo('Full screen is not available', err.message));
  };

  return (
    <div
      ref={frame}
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, gap: 6, background: 'var(--mantine-color-body)' }}
      data-testid={`console-vnc-${tab.name}`}
      data-state={state?.status ?? 'connecting'}
      data-rfb={rfbState}
      data-host={hostId}
    >
      <ConsoleToolbar
        state={state}
        hostName={hostName}
        info={
          <>
            {vnc?.hasPassword && (
              <Tooltip label="This display asks for a password">
                <IconLock size={14} />
              </Tooltip>
            )}
            <Text size="xs" c="dimmed" truncate>
              {desktop || (vnc ? `VNC ${vnc.listen}` : '')}
            </Text>
          </>
        }
        other={{ kind: 'serial', hostId, uuid: tab.uuid, name: tab.name }}
      >
        <SegmentedControl
          size="xs"
          value={scale}
          onChange={(v) => changeScale(v as Scale)}
          data={[
            { value: 'fit', label: 'Fit' },
            { value: 'native', label: '1:1' },
          ]}
          data-testid="vnc-scale"
        />
        <Button
          size="compact-xs"
          variant="default"
          disabled={!connected}
          onClick={withRfb((r) => r.sendCtrlAltDel())}
          data-testid="vnc-ctrl-alt-del"
        >
          Ctrl+Alt+Del
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <span>
              <Tool label="Send a key combination" onClick={() => {}} testId="vnc-keys" disabled={!connected}>
                <IconKeyboard size={15} />
              </Tool>
            </span>
          </Menu.Target>
          <Menu.Dropdown>
            {COMBOS.map((c) => (
              <Menu.Item key={c.id} onClick={withRfb((r) => sendCombo(r, c.keys))} data-testid={`vnc-combo-${c.id}`}>
                {c.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Popover position="bottom-end" width={340} withinPortal trapFocus>
          <Popover.Target>
            <span>
              <Tool label="Clipboard and typing" onClick={() => {}} testId="vnc-clipboard" disabled={!connected}>
                <IconClipboard size={15} />
              </Tool>
            </span>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              <Textarea
                label="Text for the guest"
                description="Type it as key presses (works at any prompt), or put it on the guest's clipboard (needs a clipboard agent in the guest)."
                autosize
                minRows={2}
                maxRows={6}
                value={toType}
                onChange={(e) => setToType(e.currentTarget.value)}
                data-testid="vnc-type-text"
              />
              <Group gap="xs">
                <Button size="xs" disabled={!toType} onClick={withRfb((r) => typeText(r, toType))} data-testid="vnc-type">
                  Type it
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={!toType}
                  onClick={withRfb((r) => r.clipboardPasteFrom(toType))}
                  data-testid="vnc-paste"
                >
                  Send to clipboard
                </Button>
              </Group>
              <Text size="xs" fw={500}>
                Guest clipboard
              </Text>
              {guestClipboard ? (
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text
                    size="xs"
                    ff="monospace"
                    style={{ whiteSpace: 'pre-wrap', maxHeight: 120, overflow: 'auto', flex: 1 }}
                    data-testid="vnc-guest-clipboard"
                  >
                    {guestClipboard}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => void navigator.clipboard.writeText(guestClipboard).catch(() => {})}
                  >
                    Copy
                  </Button>
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  Nothing copied in the guest yet.
                </Text>
              )}
            </Stack>
          </Popover.Dropdown>
        </Popover>
        <Tool label="Save a screenshot (PNG)" onClick={screenshot} testId="vnc-screenshot" disabled={!connected}>
          <IconCamera size={15} />
        </Tool>
        <Tool label="Full screen" onClick={fullscreen} testId="vnc-fullscreen" disabled={!connected}>
          <IconMaximize size={15} />
        </Tool>
      </ConsoleToolbar>
      <ConsoleStatus session={session} what="display" hostName={hostName} />
      {failure && (
        <Alert color="red" p="xs" title="Login refused" role="alert">
          <Text size="sm">{failure}</Text>
        </Alert>
      )}
      {needPassword && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rfbRef.current?.sendCredentials({ password });
            setPassword('');
            setNeedPassword(false);
          }}
        >
          <Group gap="xs" align="flex-end">
            <PasswordInput
              size="xs"
              label="This display needs its VNC password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoFocus
              data-testid="vnc-password"
              style={{ width: 260 }}
            />
            <Button size="xs" type="submit" data-testid="vnc-password-submit">
              Connect
            </Button>
          </Group>
        </form>
      )}
      <div
        ref={screen}
        style={{
          flex: 1,
          minHeight: 0,
          position: 'relative',
          overflow: scale === 'native' ? 'auto' : 'hidden',
          background: '#111418',
          borderRadius: 4,
        }}
        data-testid="vnc-screen"
      />
    </div>
  );
}
