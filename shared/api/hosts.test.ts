import { describe, expect, it } from 'vitest';
import { requests } from './contract';
import { HostSpec } from './hosts';

const H = 'lab-a';
const spec = {
  name: 'lab-a',
  transport: 'ssh',
  address: '10.203.0.1',
  port: 22,
  user: 'root',
  auth: { kind: 'key', path: '/k' },
  uri: 'qemu:///system',
};

describe('hosts: names and addresses a shell or ssh could misread are refused', () => {
  it('the sample spec passes', () => {
    expect(HostSpec.safeParse(spec).success).toBe(true);
  });

  it('refuses host names and addresses a shell or ssh could misread', () => {
    for (const address of ['a; rm -rf /', '$(id)', '-oProxyCommand=id', 'a b', 'ä.example', 'x'.repeat(254), 'a\nb']) {
      expect(HostSpec.safeParse({ ...spec, address }).success, address).toBe(false);
    }
    for (const user of ['root;id', '-l', 'a b', '$(id)']) {
      expect(HostSpec.safeParse({ ...spec, user }).success, user).toBe(false);
    }
    // An absolute ?socket= is a legal URI now (uri.test.ts); a remote URI or a quote is not.
    for (const uri of ['qemu+ssh://evil/system', 'qemu:///system?socket=tmp/x', "test:///a'b"]) {
      expect(HostSpec.safeParse({ ...spec, uri }).success, uri).toBe(false);
    }
    expect(HostSpec.safeParse({ ...spec, name: 'x'.repeat(10 * 1024) }).success).toBe(false);
  });

  it('takes a jump host as ssh -J does ([user@]host[:port], a chain with commas) and refuses anything else', () => {
    for (const jump of ['bastion', 'admin@bastion.example.org:2222', 'root@10.203.0.1', 'a@[fe80::1]:22', 'a@b:22,c@d']) {
      expect(HostSpec.safeParse({ ...spec, jump }).success, jump).toBe(true);
    }
    for (const jump of ['', 'a b', '-oProxyCommand=id', 'a;id', '$(id)', 'a,', 'a@b:22:33', 'a\nb', 'x'.repeat(600)]) {
      expect(HostSpec.safeParse({ ...spec, jump }).success, jump).toBe(false);
    }
    // hosts.update: '' removes the jump host.
    expect(requests['hosts.update'].input.safeParse({ hostId: H, jump: '' }).success).toBe(true);
    expect(requests['hosts.update'].input.safeParse({ hostId: H, jump: 'a b' }).success).toBe(false);
  });
});
