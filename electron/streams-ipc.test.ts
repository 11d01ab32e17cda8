/**
 * Console channels over Electron IPC, both halves wired together with a fake 'electron' module:
 * preload.ts's attachStream and main.ts's IPC_STREAM handler on a real StreamHub. Bytes both
 * ways, acknowledgements for flow control, close from either side, foreign frames ignored.
 */

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { HIGH_WATER, StreamHub } from './core/streams';

type Fn = (...args: never[]) => unknown;
const h = vi.hoisted(() => ({
  ipcOn: new Map<string, (...a: unknown[]) => void>(),
  rendererOn: new Map<string, (...a: unknown[]) => void>(),
  exposed: new Map<string, Record<string, Fn>>(),
  frameUrl: '',
  hub: null as unknown as StreamHub,
  windowHandlers: new Map<string, () => void>(),
}));

vi.mock('electron', () => {
  // The page's webContents: main sends, the preload's listener receives.
  const page = {
    send: (channel: string, ...args: unknown[]) => h.rendererOn.get(channel)?.({ sender: null }, ...args),
    isDestroyed: () => false,
  };
  class BrowserWindow {
    webContents = {
      on: (event: string, fn: () => void) => h.windowHandlers.set(event, fn),
      send: () => {},
      isDestroyed: () => false,
      setWindowOpenHandler: () => {},
    };
    isDestroyed() {
      return false;
    }
    show() {}
    once() {
      return this;
    }
    loadFile() {
      return Promise.resolve();
    }
  }
  return {
    app: { enableSandbox: () => {}, whenReady: () => Promise.resolve(), getPath: () => '/nonexistent', quit: () => {}, on: () => {} },
    BrowserWindow,
    ipcMain: { handle: () => {}, on: (ch: string, fn: (...a: unknown[]) => void) => h.ipcOn.set(ch, fn) },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    session: { defaultSession: { setPermissionRequestHandler: () => {} } },
    shell: { openExternal: async () => {} },
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, Fn>) => h.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async () => null,
      on: (ch: string, fn: (...a: unknown[]) => void) => h.rendererOn.set(ch, fn),
      // The renderer sends from our page (or, in one test, from another frame).
      send: (ch: string, ...args: unknown[]) => h.ipcOn.get(ch)?.({ senderFrame: { url: h.frameUrl }, sender: page }, ...args),
    },
  };
});

vi.mock('./backend', () => ({
  createBackend: () => {
    h.hub = new StreamHub();
    return {
      dispatch: async () => ({ ok: true, value: null }),
      events: { on: () => () => {} },
      streams: h.hub,
      close: async () => {},
    };
  },
}));

interface Api {
  attachStream(channel: string, sink: { data(b: Uint8Array): void; close(r: string): void }): { write(b: Uint8Array): void; close(): void };
}
const api = () => h.exposed.get('vireo') as unknown as Api;

beforeAll(async () => {
  h.frameUrl = pathToFileURL(join(__dirname, '..', 'dist', 'renderer', 'index.html')).href;
  process.env.VIREO_DATA_DIR = '/nonexistent-vireo-test';
  await import('./main');
  await import('./preload');
  await vi.waitFor(() => expect(h.hub).toBeTruthy());
});

function sink() {
  const got: Buffer[] = [];
  const closed: string[] = [];
  return { got, closed, data: (b: Uint8Array) => got.push(Buffer.from(b)), close: (r: string) => closed.push(r) };
}

describe('console channels over Electron IPC', () => {
  it('carries bytes both ways and closes from the service side', () => {
    const ch = h.hub.create();
    ch.send(Buffer.from('before attach '));
    const input: string[] = [];
    ch.on('input', (b) => input.push(b.toString()));
    const s = sink();
    const handle = api().attachStream(ch.id, s);
    ch.send(Buffer.from('after'));
    expect(Buffer.concat(s.got).toString()).toBe('before attach after');
    handle.write(new TextEncoder().encode('ls\r'));
    expect(input).toEqual(['ls\r']);
    ch.close('the VM stopped');
    expect(s.closed).toEqual(['the VM stopped']);
    // Writes after the end go nowhere.
    handle.write(new TextEncoder().encode('late'));
    expect(input).toEqual(['ls\r']);
  });

  it('acknowledges what the page took, which releases the pressure on the source', () => {
    const ch = h.hub.create();
    const pressure: boolean[] = [];
    ch.on('pressure', (p) => pressure.push(p));
    api().attachStream(ch.id, sink());
    // 5 MiB through a page that takes everything at once: its acks keep the outstanding bytes
    // under the high-water mark, so the source is never paused (without acks it would be at 1 MiB).
    for (let i = 0; i < 40; i++) ch.send(Buffer.alloc(HIGH_WATER / 8));
    expect(pressure).toEqual([]);
    ch.close();
  });

  it('tells the service when the page lets go, or reloads', () => {
    const ch = h.hub.create();
    const detached: string[] = [];
    ch.on('detach', (why) => detached.push(why));
    api().attachStream(ch.id, sink()).close();
    expect(detached).toEqual(['the viewer closed the connection']);

    const other = h.hub.create();
    const gone: string[] = [];
    other.on('detach', (why) => gone.push(why));
    api().attachStream(other.id, sink());
    h.windowHandlers.get('did-start-loading')?.();
    expect(gone).toEqual(['the viewer closed the connection']);
  });

  it('refuses an unknown channel and a second attach, and ignores other frames', () => {
    const unknown = sink();
    api().attachStream('ch-0123456789abcdef0123456789abcdef', unknown);
    expect(unknown.closed).toEqual(['Unknown or already attached channel']);

    const ch = h.hub.create();
    api().attachStream(ch.id, sink());
    expect(() => api().attachStream(ch.id, sink())).toThrow(/already attached/);

    const foreign = h.hub.create();
    const saved = h.frameUrl;
    h.frameUrl = 'https://evil.example/';
    try {
      api().attachStream(foreign.id, sink());
    } finally {
      h.frameUrl = saved;
    }
    expect(foreign.attached).toBe(false);
    ch.close();
    foreign.close();
  });
});
