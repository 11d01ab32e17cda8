import { describe, expect, it } from 'vitest';
import { describeUndo, UndoStack } from './undo';

describe('UndoStack', () => {
  it('unwinds newest first and reports each undo', async () => {
    const ran: string[] = [];
    const s = new UndoStack();
    s.push('delete volume', () => void ran.push('vol'));
    s.push('undefine', async () => void ran.push('undef'));
    s.push('destroy', () => void ran.push('destroy'));
    expect(s.size).toBe(3);
    const r = await s.unwind();
    expect(ran).toEqual(['destroy', 'undef', 'vol']);
    expect(r).toEqual({ undone: ['destroy', 'undefine', 'delete volume'], failed: [], kept: [] });
    expect(s.size).toBe(0);
    expect(describeUndo(r)).toBe('');
  });

  it('a failing ordinary undo does not stop the ones before it', async () => {
    const ran: string[] = [];
    const s = new UndoStack();
    s.push('a', () => void ran.push('a'));
    s.push('b', () => {
      throw new Error('boom');
    });
    const r = await s.unwind();
    expect(ran).toEqual(['a']);
    expect(r.failed.map((f) => [f.label, f.error.message])).toEqual([['b', 'boom']]);
    expect(r.undone).toEqual(['a']);
  });

  it('a failing critical undo keeps every step registered before it', async () => {
    const ran: string[] = [];
    const s = new UndoStack();
    s.push('delete volume', () => void ran.push('vol'));
    s.push('undefine', () => Promise.reject(new Error('busy')), { critical: true });
    s.push('remove temp file', () => void ran.push('tmp'));
    const r = await s.unwind();
    expect(ran).toEqual(['tmp']);
    expect(r.kept).toEqual(['delete volume']);
    expect(describeUndo(r)).toContain('could not undo: undefine (busy)');
    expect(describeUndo(r)).toContain('kept on purpose because an undo above failed: delete volume');
  });

  it('a critical undo that works lets the rest run', async () => {
    const s = new UndoStack();
    s.push('a', () => undefined);
    s.push('b', () => undefined, { critical: true });
    expect((await s.unwind()).undone).toEqual(['b', 'a']);
  });

  it('commit forgets every step; released steps never run; unwind runs once', async () => {
    const ran: string[] = [];
    const s = new UndoStack();
    s.push('x', () => void ran.push('x'));
    s.commit();
    expect(await s.unwind()).toEqual({ undone: [], failed: [], kept: [] });
    const h = s.push('y', () => void ran.push('y'));
    s.push('z', () => void ran.push('z'));
    h.release();
    expect(s.labels()).toEqual(['z']);
    await s.unwind();
    await s.unwind();
    expect(ran).toEqual(['z']);
  });

  it('refuses a registration while it unwinds, and turns a thrown non-Error into an Error', async () => {
    const s = new UndoStack();
    let inner: unknown;
    s.push('a', () => {
      try {
        s.push('late', () => undefined);
      } catch (e) {
        inner = e;
      }
      throw 'plain string';
    });
    const r = await s.unwind();
    expect(String(inner)).toContain('registered while unwinding');
    expect(r.failed[0]?.error).toBeInstanceOf(Error);
    expect(r.failed[0]?.error.message).toBe('plain string');
  });
});
