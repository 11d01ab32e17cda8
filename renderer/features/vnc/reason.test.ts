import { describe, expect, it } from 'vitest';
import { refusalReason } from './reason';

describe('refusalReason', () => {
  it("drops QEMU's trailing NUL and ends the sentence", () => {
    expect(refusalReason('Authentication failed\u0000')).toBe('Authentication failed.');
  });
  it('turns runs of control characters inside into one space', () => {
    expect(refusalReason('Too many\r\n\u0007failures')).toBe('Too many failures.');
  });
  it('keeps a sentence that already ends, and says nothing for nothing', () => {
    expect(refusalReason('Denied!')).toBe('Denied!');
    expect(refusalReason('\u0000')).toBe('');
    expect(refusalReason(undefined)).toBe('');
  });
});
