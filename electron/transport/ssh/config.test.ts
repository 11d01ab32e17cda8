import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseJumpSpec, parseSshConfig, resolveSshConfig } from './config';

describe('ssh config', () => {
  const cfg = parseSshConfig(`
# global defaults first
User fallback

Host lab-a lab-a.alias
  HostName 10.203.0.1
  Port 2200
  IdentityFile ~/.ssh/lab_key
  IdentityFile "/keys/%r@%h"

Host *.jump !nojump.jump
  ProxyJump admin@bastion:2222,second

Match host whatever
  User ignored

Host *
  User everyone
  Port 22
  IdentityFile %d/.ssh/id_ed25519
`);

  it('takes the first value per keyword and collects identity files', () => {
    const r = resolveSshConfig(cfg, 'lab-a', 'me');
    expect(r).toEqual({
      hostName: '10.203.0.1',
      port: 2200,
      user: 'fallback',
      identityFiles: [`${homedir()}/.ssh/lab_key`, '/keys/fallback@10.203.0.1', `${homedir()}/.ssh/id_ed25519`],
    });
  });

  it('handles wildcards, negation and ProxyJump', () => {
    expect(resolveSshConfig(cfg, 'x.jump', 'me').proxyJump).toBe('admin@bastion:2222,second');
    expect(resolveSshConfig(cfg, 'nojump.jump', 'me').proxyJump).toBeUndefined();
    expect(resolveSshConfig(cfg, 'other', 'me')).toMatchObject({ user: 'fallback', port: 22 });
    expect(resolveSshConfig([], 'other', 'me')).toEqual({ identityFiles: [] });
  });

  it('parses jump specs', () => {
    expect(parseJumpSpec('admin@bastion:2222')).toEqual({ user: 'admin', host: 'bastion', port: 2222 });
    expect(parseJumpSpec('bastion')).toEqual({ host: 'bastion' });
    expect(parseJumpSpec('u@[fe80::1]:22')).toEqual({ user: 'u', host: 'fe80::1', port: 22 });
    expect(parseJumpSpec('ssh://root@10.203.0.1')).toEqual({ user: 'root', host: '10.203.0.1' });
  });
});
