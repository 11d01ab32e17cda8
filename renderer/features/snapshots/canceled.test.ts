import { describe, expect, it } from 'vitest';
import { canceledText } from './canceled';

describe('a cancelled snapshot delete says what it left', () => {
  it('after an earlier disk merged: the job error and its hint (not "as they were")', () => {
    const t = canceledText({
      code: 'canceled',
      message: 'The merge of “s2” stopped at vdb',
      hint: 'Merged already: vda. No file was removed. Do not revert to “s2” while it is listed.',
    });
    expect(t.message).toBe('Cancelled: The merge of “s2” stopped at vdb');
    expect(t.hint).toContain('Do not revert');
    expect(t.message).not.toContain('as they were');
  });

  it('a plain cancel (no hint, or none given): the chain is as it was', () => {
    expect(canceledText(undefined).message).toContain('as they were');
    expect(canceledText({ code: 'canceled', message: 'Cancelled by the user' }).message).toContain('as they were');
  });
});
