/**
 * The Electron shell, kept thin: one secure window, the contract over IPC, secrets through the
 * OS keychain. Everything else lives in backend.ts and is the same in web mode.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { CHANNEL_ID_RE, EVENT_NAMES, IPC_EVENT, IPC_INVOKE, IPC_STREAM } from '../shared/channels';
import { createBackend } from './backend';
import { SafeStorageSecrets } from './core/secrets';
import { type Attachment, ownBytes } from './core/streams';

const indexHtml = join(__dirname, '..', 'dist', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexHtml).href;

app.enableSandbox();

void app.whenReady().then(() => {
  const dataDir = process.env.VIREO_DATA_DIR ?? app.getPath('userData');
  const backend = createBackend({ mode: 'electron', dataDir, secrets: new SafeStorageSecrets(dataDir, safeStorage) });

  // Only our own page may call the backend.
  ipcMain.handle(IPC_INVOKE, (e, name: unknown, input: unknown) => {
    if (e.senderFrame?.url.split('#')[0] !== indexUrl) throw new Error('IPC from an unexpected frame');
    return backend.dispatch(name, input);
  });

  // Console channels (serial, VNC): attach / write / ack / detach from our page only.
  const attachments = new Map<string, Attachment>();
  ipcMain.on(IPC_STREAM, (e, op: unknown, channel: unknown, payload: unknown) => {
    if (e.senderFrame?.url.split('#')[0] !== indexUrl) return;
    if (typeof channel !== 'string' || !CHANNEL_ID_RE.test(channel)) return;
    if (op === 'attach' && !attachments.has(channel)) {
      const page = e.sender;
      const tell = (what: string, data: unknown) => {
        if (!page.isDestroyed()) page.send(IPC_STREAM, channel, what, data);
      };
      const att = backend.streams.attach(channel, {
        data: (bytes) => tell('data', ownBytes(bytes)),
        close: (reason) => {
          attachments.delete(channel);
          tell('close', reason);
        },
      });
      if (att) attachments.set(channel, att);
      else tell('close', 'Unknown or already attached channel');
    } else if (op === 'write' && payload instanceof Uint8Array) {
      attachments.get(channel)?.write(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
    } else if (op === 'ack' && typeof payload === 'number') {
      attachments.get(channel)?.ack(payload);
    } else if (op === 'detach') {
      const att = attachments.get(channel);
      attachments.delete(channel);
      att?.detach();
    }
  });
  // A reloaded or crashed page has no viewers any more: free their consoles.
  const detachAll = () => {
    for (const att of [...attachments.values()]) att.detach();
    attachments.clear();
  };

  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    title: 'Vireo',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  for (const event of EVENT_NAMES) {
    backend.events.on(event, (payload) => {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
    });
  }
  win.webContents.on('did-start-loading', detachAll);
  win.webContents.on('render-process-gone', detachAll);
  // No navigation, no new windows; external links open in the system browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Only what the consoles need: VNC full screen and copying the guest's clipboard text.
  session.defaultSession.setPermissionRequestHandler((_wc, perm, cb) => cb(perm === 'fullscreen' || perm === 'clipboard-sanitized-write'));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);

  app.on('window-all-closed', () => {
    void backend.close().finally(() => app.quit());
  });
});
