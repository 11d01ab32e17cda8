/**
 * The subset of Electron's API that main.ts and preload.ts use, with Electron's own signatures.
 * electron is an optional dependency whose binary (and so its bundled typings) is missing where
 * npm cannot download it, so the shell is type-checked against this file (tsconfig `paths`).
 * Keep it in step with https://www.electronjs.org/docs/latest/api when touching the shell.
 */
type Listener = (...args: never[]) => void;

export interface IpcMainInvokeEvent {
  senderFrame: { url: string } | null;
}
export interface IpcMainEvent {
  senderFrame: { url: string } | null;
  sender: WebContents;
}
export interface IpcRendererEvent {
  sender: unknown;
}
export interface WebContents {
  send(channel: string, ...args: unknown[]): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): this;
  on(event: 'did-start-loading', listener: () => void): this;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): this;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}
export interface WebPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  webSecurity?: boolean;
  spellcheck?: boolean;
}
export declare class BrowserWindow {
  constructor(options?: { width?: number; height?: number; title?: string; show?: boolean; webPreferences?: WebPreferences });
  webContents: WebContents;
  isDestroyed(): boolean;
  show(): void;
  once(event: 'ready-to-show', listener: () => void): this;
  loadFile(filePath: string): Promise<void>;
}
export declare const app: {
  whenReady(): Promise<void>;
  enableSandbox(): void;
  getPath(name: 'userData'): string;
  quit(): void;
  on(event: 'window-all-closed', listener: () => void): void;
};
export declare const ipcMain: {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): void;
};
export declare const ipcRenderer: {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): void;
  send(channel: string, ...args: unknown[]): void;
};
export declare const contextBridge: {
  exposeInMainWorld(apiKey: string, api: Record<string, Listener | unknown>): void;
};
export declare const safeStorage: {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux: 'basic_text' (no keychain: a fixed key), 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6' or 'unknown'. */
  getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
};
export declare const session: {
  defaultSession: {
    setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  };
};
export declare const shell: { openExternal(url: string): Promise<void> };
