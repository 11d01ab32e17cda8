import { describe, expect, it } from 'vitest';
import { COMBOS, keyForChar, sendCombo, typeText } from './keys';

function recorder() {
  const sent: string[] = [];
  return {
    sent,
    sendKey: (keysym: number, code: string | null, down?: boolean) =>
      sent.push(`${keysym.toString(16)}/${code}/${down === undefined ? 'tap' : down ? 'down' : 'up'}`),
  };
}

describe('VNC keys', () => {
  it('presses a combination in order and releases it in reverse', () => {
    const r = recorder();
    const cad = COMBOS.find((c) => c.id === 'ctrl-alt-del');
    if (!cad) throw new Error('no Ctrl+Alt+Del');
    sendCombo(r, cad.keys);
    expect(r.sent).toEqual([
      'ffe3/ControlLeft/down',
      'ffe9/AltLeft/down',
      'ffff/Delete/down',
      'ffff/Delete/up',
      'ffe9/AltLeft/up',
      'ffe3/ControlLeft/up',
    ]);
  });

  it('types text with Shift where the US layout needs it', () => {
    expect(keyForChar('a')).toEqual({ key: { keysym: 0x61, code: 'KeyA' }, shift: false });
    expect(keyForChar('A')).toEqual({ key: { keysym: 0x41, code: 'KeyA' }, shift: true });
    expect(keyForChar('$')).toEqual({ key: { keysym: 0x24, code: 'Digit4' }, shift: true });
    expect(keyForChar('é')).toEqual({ key: { keysym: 0xe9, code: null }, shift: false });
    expect(keyForChar('€').key.keysym).toBe(0x10020ac);
    const r = recorder();
    typeText(r, 'Hi\n');
    expect(r.sent).toEqual(['ffe1/ShiftLeft/down', '48/KeyH/tap', 'ffe1/ShiftLeft/up', '69/KeyI/tap', 'ff0d/Enter/tap']);
  });
});
