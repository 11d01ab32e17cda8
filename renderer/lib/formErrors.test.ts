import { describe, expect, it } from 'vitest';
import { HostSpec } from '../../shared/api';
import { issuesByField, summary } from './formErrors';

const labels = { address: 'Address', name: 'Display name', port: 'Port' };
const fieldOf = (p: string) => ({ address: 'address', name: 'name', port: 'port' })[p];

describe('issuesByField', () => {
  it('names every wrong field at once, in words', () => {
    const r = HostSpec.safeParse({ name: 'x'.repeat(70), transport: 'ssh', address: 'bad address!', port: 0 });
    const e = issuesByField(r.error?.issues ?? [], fieldOf, labels);
    expect(e).toEqual({
      name: 'Display name is longer than 64 characters',
      address: 'Address may contain only letters, digits, ".", ":", "-", "_"',
      port: 'Port must be at least 1',
    });
    expect(summary(e, labels)).toBe('Check these 3 fields: Address, Display name, Port.');
  });

  it('puts an issue of no field under the summary, and joins two issues of one field', () => {
    const e = issuesByField(
      [
        { path: ['x'], message: 'is missing' },
        { path: ['address'], message: 'is empty' },
        { path: ['address'], message: 'Second sentence.' },
      ],
      fieldOf,
      labels,
    );
    expect(e).toEqual({ '': 'x is missing', address: 'Address is empty Second sentence.' });
    expect(summary({}, labels)).toBe('');
    expect(summary({ address: 'a' }, labels)).toBe('Check this field: Address.');
  });
});
