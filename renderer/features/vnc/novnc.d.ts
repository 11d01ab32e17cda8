/** The part of noVNC's RFB (docs/API.md, v1.7) that the VNC viewer uses. */
declare module '@novnc/novnc' {
  /** What RFB accepts instead of a URL (checked by core/websock.js). */
  export interface RawChannel {
    binaryType: string;
    protocol: string;
    readyState: number | string;
    send(data: Uint8Array | ArrayBuffer): void;
    close(): void;
    onopen: ((e: Event) => void) | null;
    onmessage: ((e: { data: ArrayBuffer }) => void) | null;
    onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null;
    onerror: ((e: Event) => void) | null;
  }

  export interface RfbCredentials {
    username?: string;
    password?: string;
    target?: string;
  }

  export interface RfbOptions {
    shared?: boolean;
    credentials?: RfbCredentials;
    repeaterID?: string;
    wsProtocols?: string[];
  }

  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | RawChannel, options?: RfbOptions);
    viewOnly: boolean;
    focusOnClick: boolean;
    clipViewport: boolean;
    dragViewport: boolean;
    scaleViewport: boolean;
    resizeSession: boolean;
    showDotCursor: boolean;
    background: string;
    qualityLevel: number;
    compressionLevel: number;
    readonly capabilities: { power: boolean };
    disconnect(): void;
    sendCredentials(credentials: RfbCredentials): void;
    sendCtrlAltDel(): void;
    /** keysym, its physical key (KeyboardEvent.code) for QEMU's scancode path; no `down` = press and release. */
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    focus(options?: FocusOptions): void;
    blur(): void;
    clipboardPasteFrom(text: string): void;
    toDataURL(type?: string, encoderOptions?: number): string;
    toBlob(callback: (blob: Blob | null) => void, type?: string, quality?: number): void;
  }
}
