/**
 * The undos install and clone share: removing a definition they made (a stop that fails does
 * not skip the undefine, and still fails the undo so the volumes stay), and how an unwind's
 * report reads in the error the admin sees.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { UndoStack } from '../core/undo';
import { ErrorCode, LibvirtError } from '../libvirt/errors';
import { type DomainRef, DomainState } from '../libvirt/protocol';
import { afterUnwind, type DomainUndoIo, KeptOnPurpose, leftBehind, removeDefinition } from './undo-steps';

const dom: DomainRef = { name: 'web1', uuid: 'u', id: 3 };
const libvirt = (code: number, message: string) => new LibvirtError({ code, domain: 10, message, level: 2, int1: 0, int2: 0 });

function io(o: { state?: number | Error; destroy?: Error; undefine?: Error } = {}): DomainUndoIo & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    state: async () => {
      log.push('state');
      if (o.state instanceof Error) throw o.state;
      return o.state ?? DomainState.SHUTOFF;
    },
    destroy: async () => {
      log.push('destroy');
      if (o.destroy) throw o.destroy;
    },
    undefine: async () => {
      log.push('undefine');
      if (o.undefine) throw o.undefine;
    },
  };
}

describe('removeDefinition', () => {
  it('shut off: undefined only; running: stopped, then undefined', async () => {
    const off = io();
    await removeDefinition(off, dom);
    expect(off.log).toEqual(['state', 'undefine']);
    const on = io({ state: DomainState.RUNNING });
    await removeDefinition(on, dom);
    expect(on.log).toEqual(['state', 'destroy', 'undefine']);
  });

  it('gone already (no such domain when asked, or when undefined): done', async () => {
    const gone = io({ state: libvirt(ErrorCode.NO_DOMAIN, 'Domain not found') });
    await removeDefinition(gone, dom);
    expect(gone.log).toEqual(['state']);
    await expect(removeDefinition(io({ undefine: libvirt(ErrorCode.NO_DOMAIN, 'Domain not found') }), dom)).resolves.toBeUndefined();
  });

  it('"not running" from the stop is no failure', async () => {
    const r = io({ state: DomainState.PAUSED, destroy: libvirt(ErrorCode.OPERATION_INVALID, 'domain is not running') });
    await removeDefinition(r, dom);
    expect(r.log).toEqual(['state', 'destroy', 'undefine']);
  });

  it('a stop that fails does not skip the undefine, and still fails the undo (the VM may run on its disks)', async () => {
    const r = io({ state: DomainState.RUNNING, destroy: new Error('timed out') });
    await expect(removeDefinition(r, dom)).rejects.toThrow('undefined, but it could not be stopped: timed out');
    expect(r.log).toEqual(['state', 'destroy', 'undefine']);
    const both = io({ state: DomainState.RUNNING, destroy: new Error('timed out'), undefine: new Error('busy') });
    await expect(removeDefinition(both, dom)).rejects.toThrow('could not stop it (timed out) nor undefine it (busy)');
    const noState = io({ state: new Error('link down') });
    await expect(removeDefinition(noState, dom)).rejects.toThrow('undefined, but it could not be stopped: link down');
  });

  it('an undefine that fails throws libvirt’s error as it is', async () => {
    const e = libvirt(ErrorCode.OPERATION_INVALID, 'cannot undefine');
    await expect(removeDefinition(io({ undefine: e }), dom)).rejects.toBe(e);
  });
});

describe('leftBehind and afterUnwind', () => {
  it('each failed undo with its label; what a failed critical undo kept, with the reason', async () => {
    const s = new UndoStack();
    s.push('volume a', () => undefined);
    s.push('volume b', () => {
      throw new Error('in use');
    });
    s.push('definition x', () => Promise.reject(new Error('busy')), { critical: true });
    expect(leftBehind(await s.unwind(), 'x still uses them')).toEqual([
      'definition x: busy',
      'volume b, volume a (kept: x still uses them)',
    ]);
  });

  it('an undo that kept things on purpose speaks for itself (no label, no second list)', async () => {
    const s = new UndoStack();
    s.push('volume a', () => undefined);
    s.push('definition x', () => Promise.reject(new KeptOnPurpose('nothing was removed: check x')), { critical: true });
    expect(leftBehind(await s.unwind(), 'x still uses them')).toEqual(['nothing was removed: check x']);
  });

  it('a clean unwind leaves nothing', async () => {
    const s = new UndoStack();
    s.push('volume a', () => undefined);
    expect(leftBehind(await s.unwind(), 'r')).toEqual([]);
  });

  it('the operation’s own error when nothing is left; else a partial-rollback error that says what is left', () => {
    const err = new Error('define failed');
    expect(afterUnwind(err, [], 'the install created', 'h')).toBe(err);
    const e = afterUnwind(err, ['volume a: in use', 'files f'], 'the install created', 'Remove these by hand on the host.');
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({
      code: 'partial-rollback',
      message: 'define failed — and some of what the install created could not be removed: volume a: in use; files f',
      hint: 'Remove these by hand on the host.',
    });
    expect((afterUnwind('plain', ['x'], 'it', 'h') as Error).message).toBe('plain — and some of what it could not be removed: x');
  });
});
