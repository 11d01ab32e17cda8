import { describe, expect, it } from 'vitest';
import { HostSpec } from '../../shared/api';
import { issuesByField, namedIssuesByField, summary, withSubject } from './formErrors';

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

describe('withSubject: the field named in each sentence', () => {
  it('a generic subject or none gets the label; fragments and named sentences are left alone', () => {
    expect(withSubject('Name of the clone', 'Name must not contain "/"')).toBe('Name of the clone must not contain "/"');
    expect(withSubject('New volume for vda', 'Use letters, digits, ".", "_", "+" and "-" (up to 128)')).toBe(
      'New volume for vda: use letters, digits, ".", "_", "+" and "-" (up to 128)',
    );
    expect(withSubject('Name', 'Name is empty')).toBe('Name is empty');
    expect(withSubject('Kernel', 'Must be an absolute path on the host')).toBe('Kernel must be an absolute path on the host');
    expect(withSubject('Memory (MiB)', 'At least 16 MiB')).toBe('Memory (MiB) must be at least 16 MiB');
    expect(withSubject('Install tree URL', 'An http:// or https:// URL')).toBe('Install tree URL must be an http:// or https:// URL');
    expect(withSubject('Size', 'is empty')).toBe('is empty');
    expect(withSubject(undefined, 'Must be an absolute path on the host')).toBe('Must be an absolute path on the host');
  });

  it('namedIssuesByField: each field in words, the unmapped ones under the summary as they are', () => {
    const e = namedIssuesByField(
      [
        { path: ['name'], message: 'Name is empty' },
        { path: ['disks', 0, 'volume'], message: 'Use letters only' },
        { path: ['other'], message: 'Something else.' },
      ],
      (p) => ({ name: 'name', 'disks.0.volume': 'disks.0.volume' })[p],
      { name: 'Name of the clone', 'disks.0.volume': 'New volume for vda' },
    );
    expect(e).toEqual({
      name: 'Name of the clone is empty',
      'disks.0.volume': 'New volume for vda: use letters only',
      '': 'Something else.',
    });
  });
});
