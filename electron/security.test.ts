/**
 * Issue 11, the Electron shell's security settings, checked on main.ts and preload.ts themselves
 * with a fake 'electron' module: the sandboxed window, no navigation or new windows, IPC only from
 * our page, permissions denied, secrets only as safeStorage ciphertext on disk, and a strict CSP.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, IPC_EVENT, IPC_INVOKE, IPC_STREAM } from '../shared/channels';

type Fn = (...args: never[]) => unknown;
const h = vi.hoisted(() => {
  const state = {
    order: [] as string[],
    windows: [] as { options: Record<string, unknown>; handlers: Map<string, Fn>; openHandler?: Fn; loaded?: string }[],
    ipcHandle: new Map<string, Fn>(),
    ipcOn: new Map<string, Fn>(),
    permission: undefined as Fn | undefined,
    openExternal: [] as string[],
    encryption: true,
    storageBackend: 'gnome_libsecret',
    backendOpts: undefined as
      | undefined
      | {
          mode: string;
          dataDir: string;
          secrets: { set(k: string, v: string): unknown; get(k: string): string | undefined; delete(k: string): void };
        },
    dispatched: [] as unknown[][],
    exposed: new Map<string, Record<string, Fn>>(),
    rendererOn: new Map<string, Fn>(),
    rendererSent: [] as unknown[][],
  };
  return state;
});

vi.mock('electron', () => {
  // A reversible stand-in for the OS keychain that does not leave the plain text visible.
  const enc = (s: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a))]);
  const dec = (b: Buffer) => Buffer.from(b.subarray(3).map((x) => x ^ 0x5a)).toString('utf8');
  class BrowserWindow {
    webContents: Record<string, Fn>;
    constructor(options: Record<string, unknown>) {
      const w: (typeof h.windows)[number] = { options, handlers: new Map() };
      h.windows.push(w);
      this.webContents = {
        on: (event: string, fn: Fn) => {
          w.handlers.set(event, fn);
          return this.webContents;
        },
        send: () => {},
        isDestroyed: () => false,
        setWindowOpenHandler: (fn: Fn) => {
          w.openHandler = fn;
        },
      } as unknown as Record<string, Fn>;
    }
    isDestroyed() {
      return false;
    }
    show() {}
    once() {
      return this;
    }
    loadFile(file: string) {
      const w = h.windows[h.windows.length - 1];
      if (w) w.loaded = file;
      return Promise.resolve();
    }
  }
  return {
    app: {
      enableSandbox: () => h.order.push('enableSandbox'),
      whenReady: () => {
        h.order.push('whenReady');
        return Promise.resolve();
      },
      getPath: () => '/nonexistent',
      quit: () => {},
      on: () => {},
    },
    BrowserWindow,
    ipcMain: {
      handle: (ch: string, fn: Fn) => h.ipcHandle.set(ch, fn),
      on: (ch: string, fn: Fn) => h.ipcOn.set(ch, fn),
    },
    safeStorage: {
      isEncryptionAvailable: () => h.encryption,
      getSelectedStorageBackend: () => h.storageBackend,
      encryptString: enc,
      decryptString: dec,
    },
    session: { defaultSession: { setPermissionRequestHandler: (fn: Fn) => (h.permission = fn) } },
    shell: { openExternal: async (url: string) => void h.openExternal.push(url) },
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, Fn>) => h.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => args,
      on: (ch: string, fn: Fn) => h.rendererOn.set(ch, fn),
      send: (...args: unknown[]) => void h.rendererSent.push(args),
    },
  };
});

vi.mock('./backend', () => ({
  createBackend: (opts: NonNullable<typeof h.backendOpts>) => {
    h.backendOpts = opts;
    return {
      dispatch: async (...args: unknown[]) => {
        h.dispatched.push(args);
        return { ok: true, value: null };
      },
      events: { on: () => () => {} },
      streams: { attach: () => null },
      close: async () => {},
    };
  },
}));

const dataDir = mkdtempSync(join(tmpdir(), 'vireo-sec-'));
const indexHtml = join(__dirname, '..', 'dist', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexHtml).href;

beforeAll(async () => {
  process.env.VIREO_DATA_DIR = dataDir;
  await import('./main');
  await import('./preload');
  // whenReady().then(...) runs on the next turns.
  await vi.waitFor(() => expect(h.windows.length).toBe(1));
});

const win = () => {
  const w = h.windows[0];
  if (!w) throw new Error('no window');
  return w;
};

describe('the Electron window (main.ts)', () => {
  it('turns the sandbox on for every renderer before the app is ready', () => {
    expect(h.order.slice(0, 2)).toEqual(['enableSandbox', 'whenReady']);
  });

  it('isolates the page: contextIsolation, sandbox, no node, web security, only our preload', () => {
    const prefs = win().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    for (const risky of [
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'webviewTag',
      'enableBlinkFeatures',
    ]) {
      expect(prefs[risky] ?? false, risky).toBeFalsy();
    }
    expect(win().loaded).toBe(indexHtml);
  });

  it('prevents every navigation, to any URL', () => {
    const nav = win().handlers.get('will-navigate') as unknown as (e: { preventDefault(): void }, url: string) => void;
    expect(nav).toBeTypeOf('function');
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      indexUrl,
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
    ]) {
      const e = { preventDefault: vi.fn() };
      nav(e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('denies every new window; only https links go to the system browser', () => {
    const open = win().openHandler as unknown as (d: { url: string }) => { action: string };
    for (const url of [
      'https://libvirt.org/',
      'http://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'vireo://x',
      'smb://host/share',
    ]) {
      expect(open({ url }), url).toEqual({ action: 'deny' });
    }
    expect(h.openExternal).toEqual(['https://libvirt.org/']);
  });

  it('answers IPC only from our own page', async () => {
    const invoke = h.ipcHandle.get(IPC_INVOKE) as unknown as (e: { senderFrame: { url: string } | null }, ...a: unknown[]) => unknown;
    for (const frame of [
      null,
      { url: 'https://evil.example/' },
      { url: `${indexUrl}.evil` },
      { url: 'file:///tmp/index.html' },
      { url: 'about:blank' },
    ]) {
      expect(() => invoke({ senderFrame: frame }, 'hosts.list', {}), JSON.stringify(frame)).toThrow(/unexpected frame/);
    }
    expect(h.dispatched).toEqual([]);
    await invoke({ senderFrame: { url: `${indexUrl}#/hosts` } }, 'hosts.list', {});
    expect(h.dispatched).toEqual([['hosts.list', {}]]);
    // The byte channels ignore foreign frames too.
    const stream = h.ipcOn.get(IPC_STREAM) as unknown as (e: unknown, ...a: unknown[]) => void;
    const sent: unknown[] = [];
    const sender = { send: (...a: unknown[]) => sent.push(a), isDestroyed: () => false };
    stream({ senderFrame: { url: 'https://evil.example/' }, sender }, 'attach', 'ch-x');
    expect(sent).toEqual([]);
  });

  it('grants no permission but full screen and clipboard writes', () => {
    const decide = (perm: string) => {
      let granted: boolean | undefined;
      (h.permission as unknown as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(null, perm, (g) => (granted = g));
      return granted;
    };
    for (const perm of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'pointerLock',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(decide(perm), perm).toBe(false);
    }
    expect(decide('fullscreen')).toBe(true);
    expect(decide('clipboard-sanitized-write')).toBe(true);
  });
});

describe('secrets (main.ts SafeStorageSecrets)', () => {
  it('puts only ciphertext on disk, readable by the owner only, and reads it back', () => {
    const secrets = h.backendOpts?.secrets;
    if (!secrets) throw new Error('createBackend got no secrets');
    const password = 'hunter2-ÄÖ-🦜-"quoted"';
    secrets.set('lab-a-pw', password);
    expect(secrets.get('lab-a-pw')).toBe(password);
    const file = join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const f of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const bytes = readFileSync(join(f.parentPath, f.name));
      expect(bytes.includes(Buffer.from('hunter2')), f.name).toBe(false);
      expect(bytes.toString('utf8')).not.toContain('hunter2');
    }
    secrets.delete('lab-a-pw');
    expect(secrets.get('lab-a-pw')).toBeUndefined();
  });

  it('keeps a password in memory only when the OS keychain is not available (never on disk)', () => {
    const secrets = h.backendOpts?.secrets;
    if (!secrets) throw new Error('createBackend got no secrets');
    h.encryption = false;
    try {
      expect(secrets.set('x', 'plain-secret-123')).toBe('session');
      expect(secrets.get('x')).toBe('plain-secret-123');
      expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).not.toContain('"x"');
    } finally {
      h.encryption = true;
      secrets.delete('x');
    }
  });

  it('m4 main.ts does not save a password when safeStorage falls back to basic_text', () => {
    const secrets = h.backendOpts?.secrets;
    if (!secrets) throw new Error('createBackend got no secrets');
    h.storageBackend = 'basic_text';
    try {
      secrets.set('m4-host', 'not-on-disk-123');
      expect(secrets.get('m4-host')).toBe('not-on-disk-123');
      const file = join(dataDir, 'secrets.json');
      expect(existsSync(file) ? Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object) : []).not.toContain('m4-host');
    } finally {
      h.storageBackend = 'gnome_libsecret';
      secrets.delete('m4-host');
    }
  });
});

describe('the preload exposes the contract and nothing else', () => {
  it('exposes only window.vireo with invoke, subscribe and attachStream', () => {
    expect([...h.exposed.keys()]).toEqual(['vireo']);
    expect(Object.keys(h.exposed.get('vireo') ?? {}).sort()).toEqual(['attachStream', 'invoke', 'subscribe']);
  });

  it('refuses unknown events and hands callbacks the payload, never the IPC event', () => {
    const api = h.exposed.get('vireo') as unknown as { subscribe(e: unknown, cb: unknown): () => void };
    for (const bad of ['ipc', '__proto__', 'constructor', 42, null]) expect(() => api.subscribe(bad, () => {})).toThrow(TypeError);
    expect(() => api.subscribe('host.state', 'not a function')).toThrow(TypeError);
    const got: unknown[][] = [];
    const off = api.subscribe(EVENT_NAMES[0], (...args: unknown[]) => got.push(args));
    const onEvent = h.rendererOn.get(IPC_EVENT) as unknown as (e: unknown, ...a: unknown[]) => void;
    const ipcEvent = { sender: { secret: 'ipcRenderer' } };
    onEvent(ipcEvent, EVENT_NAMES[0], { hostId: 'a' });
    expect(got).toEqual([[{ hostId: 'a' }]]);
    off();
    onEvent(ipcEvent, EVENT_NAMES[0], { hostId: 'b' });
    expect(got).toHaveLength(1);
  });

  it('attaches only well-formed channel ids', () => {
    const api = h.exposed.get('vireo') as unknown as { attachStream(c: unknown, s: unknown): unknown };
    const sink = { data: () => {}, close: () => {} };
    for (const bad of ['../x', '', 'a'.repeat(500), 42, 'ch x']) expect(() => api.attachStream(bad, sink)).toThrow(TypeError);
    expect(() => api.attachStream('x', { data: 'no' })).toThrow(TypeError);
  });
});

describe('Content-Security-Policy', () => {
  const strict = (csp: string) => {
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  };
  it('is in the renderer page (Electron loads it from file://) and in the built page', () => {
    const csps = [readFileSync(join(__dirname, '..', 'renderer', 'index.html'), 'utf8')];
    if (existsSync(indexHtml)) csps.push(readFileSync(indexHtml, 'utf8'));
    for (const html of csps) {
      const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
      expect(m?.[1]).toBeDefined();
      strict(m?.[1] ?? '');
    }
  });
  it('is sent by the web bridge, which also forbids framing', () => {
    const src = readFileSync(join(__dirname, 'web.ts'), 'utf8');
    const m = /'Content-Security-Policy':\s*"([^"]+)"/.exec(src);
    strict(m?.[1] ?? '');
    expect(m?.[1]).toContain("frame-ancestors 'none'");
  });
});
