// Why a migration failed, in the admin's words: told apart by the error's class and libvirt's
// code; the text only where libvirt's code is generic (the messages are libvirt 9.0's, from the lab).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { ConnectionClosedError, ErrorCode, LibvirtError } from '../../libvirt/errors';
import { SshError } from '../../transport/ssh/errors';
import { explain, libvirtCode } from './explain';

const ctx = { step: 'perform' as const, A: 'lab-a', B: 'lab-b', name: 'tiny', canceled: false, transport: 'p2p' };
const lv = (code: number, message: string) => new LibvirtError({ code, domain: 10, message, level: 2, int1: 0, int2: 0 });

describe("errors in the admin's words", () => {
  it("keeps libvirt's message, names the step, and says what to do", () => {
    const e = explain(lv(38, 'Cannot recv data: ssh: connect to host 10.203.0.99 port 22: No route to host'), ctx);
    expect(e.message).toBe(
      'Migration of tiny failed while transferring: Cannot recv data: ssh: connect to host 10.203.0.99 port 22: No route to host.',
    );
    expect(e.hint).toMatch(/^lab-a could not reach lab-b's libvirt/);
    expect(e.hostToFix).toBeUndefined();
    expect(explain(lv(38, 'Cannot recv data: nosuch@10.203.0.2: Permission denied (publickey).'), ctx).hint).toMatch(
      /^lab-a could not log in to lab-b: check lab-a's SSH keys/,
    );
    expect(explain(lv(9, "domain 'tiny' already exists with uuid 1"), ctx).hint).toMatch(/stale definition/);
  });

  it('a message already ending in a full stop gets no second one; no step, no "while"', () => {
    expect(explain(lv(1, 'internal error.'), { ...ctx, step: undefined }).message).toBe('Migration of tiny failed: internal error.');
  });

  it.each([
    [ErrorCode.CPU_INCOMPATIBLE, /^lab-b's CPU cannot run this guest's CPU model/],
    [ErrorCode.MIGRATE_UNSAFE, /^libvirt considers the storage unsafe to share/],
    [ErrorCode.NO_STORAGE_POOL, /^Pick a pool on lab-b for the copied disks/],
    [ErrorCode.AUTH_FAILED, /^lab-a could not log in to lab-b/],
    [ErrorCode.NO_CONNECT, /^lab-a could not reach lab-b's libvirt/],
    [ErrorCode.OPERATION_TIMEOUT, /^lab-b did not answer in time/],
    [ErrorCode.DOM_EXIST, /^lab-b already has this VM/],
    [ErrorCode.OPERATION_FAILED, /^See libvirt’s message above; the VM was kept where it runs/],
  ])('code %i has its own hint', (code, hint) => {
    expect(explain(lv(code, 'something happened'), ctx).hint).toMatch(hint);
  });

  it('a specific code wins over words in the message', () => {
    // "Connection timed out" would say "could not reach"; libvirt's code says the destination was too slow.
    expect(explain(lv(ErrorCode.OPERATION_TIMEOUT, 'Connection timed out'), ctx).hint).toMatch(/^lab-b did not answer in time/);
    expect(explain(lv(ErrorCode.CPU_INCOMPATIBLE, 'Permission denied'), ctx).hint).toMatch(/CPU/);
  });

  it('a generic code: the text decides, in this order — pool, size, route, login, existing domain', () => {
    const hint = (m: string) => explain(lv(ErrorCode.INTERNAL_ERROR, m), ctx).hint;
    expect(hint("cannot find storage pool for target path '/x': already exists")).toMatch(/^Pick a pool on lab-b/);
    expect(hint('volumes have different sizes')).toMatch(/^The volume waiting on lab-b has the wrong size/);
    expect(hint('size mismatch')).toMatch(/wrong size/);
    expect(hint('target is too small')).toMatch(/wrong size/);
    expect(hint('Connection refused; Permission denied')).toMatch(/could not reach/);
    expect(hint('Name or service not known')).toMatch(/could not reach/);
    expect(hint('Could not resolve hostname')).toMatch(/could not reach/);
    expect(hint('Connection timed out')).toMatch(/could not reach/);
    expect(hint('Authentication failed')).toMatch(/could not log in/);
    expect(hint('publickey')).toMatch(/could not log in/);
    expect(hint('domain already defined with uuid')).toMatch(/already has this VM/);
    // No rule: the general hint (INTERNAL_ERROR has none of its own).
    expect(hint('something else')).toBe('Read libvirt’s message above; nothing was deleted. Fix the cause and start the migration again.');
    // OPERATION_FAILED without matching words keeps its own hint.
    expect(explain(lv(ErrorCode.OPERATION_FAILED, 'x'), ctx).hint).toMatch(/^See libvirt’s message above/);
  });

  it("an error that is not libvirt's: the text, else the general hint", () => {
    expect(explain(new Error('No route to host'), ctx).hint).toMatch(/could not reach/);
    expect(explain(new AppError('copy', 'Copied 1 bytes of /x, expected 2'), ctx).hint).toMatch(/^Read libvirt’s message above/);
    // An error that only looks like libvirt's (a name, a code) is not taken for one.
    const fake = Object.assign(new Error('x'), { name: 'LibvirtError', code: ErrorCode.CPU_INCOMPATIBLE });
    expect(explain(fake, ctx).hint).toMatch(/^Read libvirt’s message above/);
    expect(libvirtCode(fake)).toBeUndefined();
    expect(libvirtCode(lv(42, 'x'))).toBe(42);
  });

  it('cancelled: says so and that nothing was deleted, whatever the error', () => {
    expect(explain(lv(ErrorCode.OPERATION_ABORTED, 'operation aborted'), { ...ctx, canceled: true })).toEqual({
      message: 'Cancelled.',
      hint: 'Nothing was deleted; start it again when you are ready.',
    });
  });

  it('a dropped link: p2p goes on on the source, direct needs both links', () => {
    const closed = new ConnectionClosedError('lab-a');
    expect(explain(closed, ctx).message).toBe('The link to a host dropped while transferring: lab-a: connection closed.');
    expect(explain(closed, ctx).hint).toMatch(/goes on on lab-a without Vireo/);
    expect(explain(closed, { ...ctx, transport: 'direct' }).hint).toMatch(/needs Vireo's links to both hosts/);
    expect(explain(new SshError('lab-a: ssh: handshake failed'), { ...ctx, transport: 'direct' }).hint).toMatch(/needs Vireo's links/);
  });

  it("the destination's libvirtd stopped (SSH still up): says to check libvirtd there", () => {
    const gone = new ConnectionClosedError(
      'lab-b',
      new Error(
        'root@10.203.0.2: the libvirt proxy (virt-ssh-helper or nc) exited with status 1: virt-ssh-helper: could not proxy traffic',
      ),
    );
    const e = explain(gone, { ...ctx, transport: 'direct' });
    expect(e.message).toContain('virt-ssh-helper');
    expect(e.hint).toMatch(/^libvirtd on lab-b stopped answering/);
    expect(e.hostToFix).toBe('lab-b');
    expect(explain(new ConnectionClosedError('lab-b (transfer)', new Error('libvirt-sock gone')), ctx).hostToFix).toBe('lab-b');
    expect(explain(new ConnectionClosedError('lab-b', new Error('the host closed the connection')), ctx).hostToFix).toBeUndefined();
  });
});
