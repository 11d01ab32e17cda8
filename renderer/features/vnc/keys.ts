/**
 * Key combinations a window manager or the browser would swallow, and typing text as key
 * presses (for BIOS prompts and consoles without a clipboard agent). X11 keysyms plus the
 * physical key (KeyboardEvent.code) so QEMU's extended key events send exact scancodes.
 */
export interface Key {
  keysym: number;
  code: string | null;
}

export const K = {
  ctrl: { keysym: 0xffe3, code: 'ControlLeft' },
  alt: { keysym: 0xffe9, code: 'AltLeft' },
  shift: { keysym: 0xffe1, code: 'ShiftLeft' },
  superL: { keysym: 0xffeb, code: 'MetaLeft' },
  del: { keysym: 0xffff, code: 'Delete' },
  backspace: { keysym: 0xff08, code: 'Backspace' },
  tab: { keysym: 0xff09, code: 'Tab' },
  enter: { keysym: 0xff0d, code: 'Enter' },
  esc: { keysym: 0xff1b, code: 'Escape' },
  print: { keysym: 0xff61, code: 'PrintScreen' },
  sysrq: { keysym: 0xff15, code: 'PrintScreen' },
} satisfies Record<string, Key>;

export const fkey = (n: number): Key => ({ keysym: 0xffbe + n - 1, code: `F${n}` });

export interface Combo {
  id: string;
  label: string;
  keys: Key[];
}

export const COMBOS: readonly Combo[] = [
  { id: 'ctrl-alt-del', label: 'Ctrl+Alt+Del', keys: [K.ctrl, K.alt, K.del] },
  { id: 'ctrl-alt-backspace', label: 'Ctrl+Alt+Backspace', keys: [K.ctrl, K.alt, K.backspace] },
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `ctrl-alt-f${n}`, label: `Ctrl+Alt+F${n}`, keys: [K.ctrl, K.alt, fkey(n)] })),
  { id: 'alt-tab', label: 'Alt+Tab', keys: [K.alt, K.tab] },
  { id: 'alt-f4', label: 'Alt+F4', keys: [K.alt, fkey(4)] },
  { id: 'ctrl-esc', label: 'Ctrl+Esc', keys: [K.ctrl, K.esc] },
  { id: 'super', label: 'Super (Windows key)', keys: [K.superL] },
  { id: 'print', label: 'Print Screen', keys: [K.print] },
];

/** Presses the keys in order and releases them in reverse. */
export function sendCombo(rfb: { sendKey(keysym: number, code: string | null, down?: boolean): void }, keys: readonly Key[]): void {
  for (const k of keys) rfb.sendKey(k.keysym, k.code, true);
  for (const k of [...keys].reverse()) rfb.sendKey(k.keysym, k.code, false);
}

const SHIFTED: Record<string, string> = {
  '!': 'Digit1',
  '@': 'Digit2',
  '#': 'Digit3',
  $: 'Digit4',
  '%': 'Digit5',
  '^': 'Digit6',
  '&': 'Digit7',
  '*': 'Digit8',
  '(': 'Digit9',
  ')': 'Digit0',
  _: 'Minus',
  '+': 'Equal',
  '{': 'BracketLeft',
  '}': 'BracketRight',
  '|': 'Backslash',
  ':': 'Semicolon',
  '"': 'Quote',
  '<': 'Comma',
  '>': 'Period',
  '?': 'Slash',
  '~': 'Backquote',
};
const PLAIN: Record<string, string> = {
  '-': 'Minus',
  '=': 'Equal',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  ';': 'Semicolon',
  "'": 'Quote',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
  '`': 'Backquote',
  ' ': 'Space',
};

/** The key (US layout) that types `ch`, and whether Shift is held for it. */
export function keyForChar(ch: string): { key: Key; shift: boolean } {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === '\n' || ch === '\r') return { key: K.enter, shift: false };
  if (ch === '\t') return { key: K.tab, shift: false };
  if (/^[a-z]$/.test(ch)) return { key: { keysym: cp, code: `Key${ch.toUpperCase()}` }, shift: false };
  if (/^[A-Z]$/.test(ch)) return { key: { keysym: cp, code: `Key${ch}` }, shift: true };
  if (/^[0-9]$/.test(ch)) return { key: { keysym: cp, code: `Digit${ch}` }, shift: false };
  if (SHIFTED[ch]) return { key: { keysym: cp, code: SHIFTED[ch] }, shift: true };
  if (PLAIN[ch]) return { key: { keysym: cp, code: PLAIN[ch] }, shift: false };
  // Anything else by keysym only: Latin-1 as is, the rest as Unicode keysyms.
  return { key: { keysym: cp <= 0xff ? cp : 0x1000000 + cp, code: null }, shift: false };
}

/** Types text key by key (\n = Enter). */
export function typeText(rfb: { sendKey(keysym: number, code: string | null, down?: boolean): void }, text: string): void {
  for (const ch of text.replace(/\r\n/g, '\n')) {
    const { key, shift } = keyForChar(ch);
    if (shift) rfb.sendKey(K.shift.keysym, K.shift.code, true);
    rfb.sendKey(key.keysym, key.code);
    if (shift) rfb.sendKey(K.shift.keysym, K.shift.code, false);
  }
}
