// Who answers an SSH login prompt: a saved password only ever goes to the host it was saved for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type PromptHost, type PromptRequest, SshSession } from '../transport/ssh';
import { startTestSshd, type TestSshd } from '../transport/ssh-test-server';
import type { PromptAnswer, PromptRequest as UserPrompt } from './prompts';
import { answerSshPrompt, type SshPromptRouting } from './ssh-prompts';

const target: PromptHost = { role: 'target', host: 'kvm1.example', port: 22, user: 'admin' };
const jump: PromptHost = { role: 'jump', host: 'bastion.example', port: 2222, user: 'hop' };
const pw = (h: PromptHost, kind: PromptRequest['kind'] = 'password'): PromptRequest => ({
  kind,
  for: h,
  prompts: [{ prompt: `Password for ${h.user}@${h.host}:`, echo: false }],
});

function routing(over: Partial<SshPromptRouting> = {}) {
  const ask = vi.fn(async (_req: UserPrompt): Promise<PromptAnswer> => ({ accept: true, secret: 'typed' }));
  const r: SshPromptRouting = { hostId: 'kvm1-abc', targetSecret: () => 'TARGET-SECRET', jumpSecret: () => undefined, ask, ...over };
  return { r, ask };
}

describe('h2 prompt routing', () => {
  it("answers the target's own password prompt from the target's saved secret", async () => {
    const { r, ask } = routing();
    expect(await answerSshPrompt(pw(target), r)).toEqual(['TARGET-SECRET']);
    expect(ask).not.toHaveBeenCalled();
  });

  it("h2 never answers a jump host's password prompt with the target's secret: the user is asked, naming the jump host", async () => {
    const { r, ask } = routing();
    expect(await answerSshPrompt(pw(jump), r)).toEqual(['typed']);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0]?.[0]).toEqual({
      kind: 'password',
      hostId: 'kvm1-abc',
      user: 'hop',
      host: 'bastion.example:2222',
      message: 'Password for hop@bastion.example:',
    });
  });

  it("uses the jump host's own saved secret when it is a saved host", async () => {
    const jumpSecret = vi.fn((h: PromptHost) =>
      h.host === 'bastion.example' && h.port === 2222 && h.user === 'hop' ? 'JUMP-SECRET' : undefined,
    );
    const { r, ask } = routing({ jumpSecret });
    expect(await answerSshPrompt(pw(jump), r)).toEqual(['JUMP-SECRET']);
    expect(jumpSecret).toHaveBeenCalledWith(jump);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks the user for key passphrases and keyboard-interactive questions, even with a saved password', async () => {
    const { r, ask } = routing();
    expect(await answerSshPrompt(pw(target, 'passphrase'), r)).toEqual(['typed']);
    const ki: PromptRequest = {
      kind: 'keyboard-interactive',
      for: target,
      prompts: [
        { prompt: 'Password:', echo: false },
        { prompt: 'Verification code:', echo: true },
      ],
    };
    expect(await answerSshPrompt(ki, r)).toEqual(['typed', 'typed']);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('a cancelled question cancels the login', async () => {
    const { r } = routing({ ask: async () => ({ accept: false }) });
    expect(await answerSshPrompt(pw(jump), r)).toBeNull();
  });
});

describe('h2 through a real SSH jump host (in-process servers)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'vireo-h2-'));
  const servers: TestSshd[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("h2 the target's saved password never reaches the jump host", async () => {
    const hop = await startTestSshd({ passwords: { hop: 'hop-pw' } });
    const kvm = await startTestSshd({ passwords: { admin: 'TARGET-SECRET' } });
    servers.push(hop, kvm);
    const kh = join(tmp, 'known_hosts');
    hop.trustIn(kh);
    kvm.trustIn(kh);
    const seen: PromptRequest[] = [];
    const ask = vi.fn(async (_req: UserPrompt): Promise<PromptAnswer> => ({ accept: true, secret: 'hop-pw' }));
    const { r } = routing({ ask });
    const s = await SshSession.connect(
      {
        host: '127.0.0.1',
        port: kvm.port,
        user: 'admin',
        auth: { kind: 'password', password: 'TARGET-SECRET' },
        proxyJump: `hop@127.0.0.1:${hop.port}`,
      },
      {
        hostKeys: { knownHostsPath: kh, onUnknown: async () => false },
        sshConfigPath: join(tmp, 'no-config'),
        onPrompt: (p) => {
          seen.push(p);
          return answerSshPrompt(p, r);
        },
      },
    );
    s.close();
    expect(seen.map((p) => [p.kind, p.for])).toEqual([['password', { role: 'jump', host: '127.0.0.1', port: hop.port, user: 'hop' }]]);
    expect(seen[0]?.prompts[0]?.prompt).toBe(`Password for the jump host hop@127.0.0.1:${hop.port}:`);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(hop.auths.filter((a) => a.method === 'password')).toEqual([{ method: 'password', user: 'hop', password: 'hop-pw' }]);
    expect(kvm.auths.filter((a) => a.method === 'password')).toEqual([{ method: 'password', user: 'admin', password: 'TARGET-SECRET' }]);
  });
});
