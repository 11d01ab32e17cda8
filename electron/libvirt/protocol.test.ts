import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProc, Program } from './client';
import {
  DomainState,
  domainStateName,
  lifecycleNames,
  Proc,
  procName,
  readCharArray,
  readDomain,
  readNetwork,
  readNodeDevice,
  readOptDomain,
  readOptString,
  readStoragePool,
  readStorageVol,
  uuidToBytes,
  uuidToString,
  writeDomain,
  writeNetwork,
  writeNodeDevice,
  writeOptDomain,
  writeOptString,
  writeStoragePool,
  writeStorageVol,
} from './protocol';
import { XdrReader, XdrWriter } from './xdr';

const UUID = '0123abcd-4567-89ef-0011-223344556677';
const hex = (b: Buffer): string => b.toString('hex');
const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};

describe('procedure numbers', () => {
  it('are unique', () => {
    const nums = Object.values(Proc);
    expect(new Set(nums).size).toBe(nums.length);
  });
  it('match libvirt for the ones easiest to get wrong', () => {
    // 15 is DOMAIN_GET_AUTOSTART; the scheduler type call is 56.
    expect(Proc.DOMAIN_GET_SCHEDULER_TYPE).toBe(56);
    expect(Proc.CONNECT_GET_ALL_DOMAIN_STATS).toBe(344);
    expect(Proc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY).toBe(316);
    expect(Proc.DOMAIN_MIGRATE_PERFORM3_PARAMS).toBe(305);
    expect(Proc.DOMAIN_GET_EMULATOR_PIN_INFO).toBe(280);
  });
  it('are named in client messages once protocol.ts is loaded', () => {
    expect(procName(212)).toBe('DOMAIN_GET_STATE');
    expect(describeProc(Program.REMOTE, 212)).toBe('DOMAIN_GET_STATE (212)');
  });
});

describe('UUIDs', () => {
  it('convert both ways', () => {
    const b = uuidToBytes(UUID);
    expect(hex(b)).toBe('0123abcd456789ef0011223344556677');
    expect(uuidToString(b)).toBe(UUID);
    expect(uuidToString(uuidToBytes(UUID.replace(/-/g, '').toUpperCase()))).toBe(UUID);
  });
  it('refuse what is not one', () => {
    expect(() => uuidToBytes('tiny')).toThrow(RangeError);
    expect(() => uuidToString(Buffer.alloc(15))).toThrow(RangeError);
  });
});

describe('object references', () => {
  const dom = { name: 'tiny', uuid: UUID, id: 3 };

  it('remote_nonnull_domain has the libvirt byte layout', () => {
    expect(hex(enc((w) => writeDomain(w, dom)))).toBe(`00000004${hex(Buffer.from('tiny'))}0123abcd456789ef001122334455667700000003`);
    // Inactive: id -1; names are padded to 4 bytes.
    expect(hex(enc((w) => writeDomain(w, { name: 'stopped', uuid: UUID, id: -1 })))).toBe(
      `00000007${hex(Buffer.from('stopped'))}000123abcd456789ef0011223344556677ffffffff`,
    );
  });

  it('optional forms carry a 0/1 flag', () => {
    expect(hex(enc((w) => writeOptDomain(w, null)))).toBe('00000000');
    const b = enc((w) => writeOptDomain(w, dom));
    expect(hex(b.subarray(0, 4))).toBe('00000001');
    expect(readOptDomain(new XdrReader(b))).toEqual(dom);
    expect(readOptDomain(new XdrReader(Buffer.alloc(4)))).toBeNull();
    expect(hex(enc((w) => writeOptString(w, undefined)))).toBe('00000000');
    expect(readOptString(new XdrReader(enc((w) => writeOptString(w, 'vda'))))).toBe('vda');
  });

  it('round-trip for every kind', () => {
    const uuid = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => uuidToString(b));
    const name = fc.string({ maxLength: 40 });
    fc.assert(
      fc.property(name, uuid, fc.integer({ min: -1, max: 0x7fffffff }), (n, u, id) => {
        const d = { name: n, uuid: u, id };
        expect(readDomain(new XdrReader(enc((w) => writeDomain(w, d))))).toEqual(d);
        expect(readNetwork(new XdrReader(enc((w) => writeNetwork(w, { name: n, uuid: u }))))).toEqual({ name: n, uuid: u });
        expect(readStoragePool(new XdrReader(enc((w) => writeStoragePool(w, { name: n, uuid: u }))))).toEqual({ name: n, uuid: u });
      }),
    );
    fc.assert(
      fc.property(name, name, name, (pool, n, key) => {
        const v = { pool, name: n, key };
        const b = enc((w) => writeStorageVol(w, v));
        expect(readStorageVol(new XdrReader(b))).toEqual(v);
        expect(readNodeDevice(new XdrReader(enc((w) => writeNodeDevice(w, { name: n }))))).toEqual({ name: n });
      }),
    );
  });

  it('storage vol is three strings', () => {
    expect(hex(enc((w) => writeStorageVol(w, { pool: 'p', name: 'v', key: '/k' })))).toBe(
      '00000001' + '70000000' + '00000001' + '76000000' + '00000002' + '2f6b0000',
    );
  });
});

describe('enums', () => {
  it('name states and lifecycle events', () => {
    expect(domainStateName(DomainState.SHUTOFF)).toBe('SHUTOFF');
    expect(domainStateName(99)).toBe('NOSTATE');
    expect(lifecycleNames(5, 1)).toEqual({
      event: 'STOPPED',
      detail: 'DESTROYED',
    });
    expect(lifecycleNames(2, 1)).toEqual({
      event: 'STARTED',
      detail: 'MIGRATED',
    });
    expect(lifecycleNames(42, 7)).toEqual({ event: '42', detail: '7' });
  });
});

describe('char arrays', () => {
  it('read 4 bytes per char, stopping at NUL', () => {
    const b = enc((w) => {
      for (const c of 'x86_64') w.int(c.charCodeAt(0));
      for (let i = 6; i < 32; i++) w.int(0);
    });
    expect(b.length).toBe(128);
    const r = new XdrReader(b);
    expect(readCharArray(r, 32)).toBe('x86_64');
    expect(r.remaining).toBe(0);
  });
});
