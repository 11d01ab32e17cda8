// The libvirt stream over SSH (SshSession.openLibvirtChannel) against an in-process SSH server
// that plays the host's proxy: why a connection ended must not depend on how SSH packets were
// split. When libvirtd stops, virt-ssh-helper prints its complaint, its stdout reaches EOF, and it
// exits 1; the EOF and the exit status are separate SSH messages, often in separate reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2, { type ServerChannel } from 'ssh2';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../libvirt/client';
import { SshSession } from './ssh';

const tmp = mkdtempSync(join(tmpdir(), 'vireo-libvirt-proxy-'));
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HELPER_ERR = 'virt-ssh-helper: could not proxy traffic: End of file while reading data: Input/output error\n';

/**
 * The exit status after the EOF, as OpenSSH sends it when the proxy's stdout closes before its exit
 * is reaped. ssh2's Server API sends an exit status only before the EOF: send the message itself.
 */
function exitAfterEof(ch: ServerChannel, code: number): void {
  const raw = ch as unknown as { _client: { _protocol: { exitStatus(id: number, code: number): void } }; outgoing: { id: number } };
  raw._client._protocol.exitStatus(raw.outgoing.id, code);
  ch.close();
}

/** An SSH server whose every exec request is handled by `proxy` (the channel to the client). */
async function hostWithProxy(proxy: (ch: ServerChannel) => void): Promise<SshSession> {
  const keys = ssh2.utils.generateKeyPairSync('ed25519');
  const server = new ssh2.Server({ hostKeys: [keys.private] }, (client) => {
    client.on('error', () => {});
    client.on('authentication', (ctx) => (ctx.method === 'password' && ctx.password === 'pw' ? ctx.accept() : ctx.reject(['password'])));
    client.on('ready', () => client.on('session', (acceptSession) => acceptSession().on('exec', (accept) => proxy(accept()))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.address() as AddressInfo).port;
  const kh = join(tmp, `known_hosts-${port}`);
  writeFileSync(kh, `[127.0.0.1]:${port} ${keys.public.split(' ').slice(0, 2).join(' ')}\n`);
  const s = await SshSession.connect(
    { host: '127.0.0.1', port, user: 'u', auth: { kind: 'password', password: 'pw' }, proxyJump: 'none' },
    { hostKeys: { knownHostsPath: kh, onUnknown: async () => false }, sshConfigPath: join(tmp, 'no-config') },
  );
  cleanups.push(() => s.close());
  return s;
}

/** The reason the libvirt client gives for its connection ending. */
async function closeReasonOver(s: SshSession): Promise<string> {
  const rpc = new RpcClient(await s.openLibvirtChannel('qemu:///system'), { label: 'lab-b' });
  const reason = await new Promise<Error | undefined>((resolve) => rpc.once('close', resolve));
  return reason?.message ?? '(no reason)';
}

describe('libvirt proxy channel', () => {
  it("libvirtd stopped: EOF first, the helper's exit status 1 in a later read — the helper's complaint is the reason", async () => {
    const s = await hostWithProxy((ch) => {
      ch.stderr.write(HELPER_ERR);
      ch.eof();
      setTimeout(() => exitAfterEof(ch, 1), 100);
    });
    expect(await closeReasonOver(s)).toBe(
      `${s.label}: the libvirt proxy (virt-ssh-helper or nc) exited with status 1: ${HELPER_ERR.trim()}`,
    );
  });

  it('the exit status before the EOF: the same reason', async () => {
    const s = await hostWithProxy((ch) => {
      ch.stderr.write(HELPER_ERR);
      ch.exit(1);
      ch.end();
    });
    expect(await closeReasonOver(s)).toMatch(
      /the libvirt proxy \(virt-ssh-helper or nc\) exited with status 1: virt-ssh-helper: could not proxy traffic/,
    );
  });

  it('the proxy ends cleanly (status 0): the host closed the connection', async () => {
    const s = await hostWithProxy((ch) => {
      ch.eof();
      setTimeout(() => exitAfterEof(ch, 0), 100);
    });
    expect(await closeReasonOver(s)).toBe('the host closed the connection');
  });

  it('carries bytes both ways until then', async () => {
    const s = await hostWithProxy((ch) => {
      ch.on('data', (d: Buffer) => ch.write(Buffer.concat([Buffer.from('echo:'), d])));
    });
    const stream = await s.openLibvirtChannel('qemu:///system');
    const got = new Promise<string>((resolve) => stream.once('data', (d: Buffer) => resolve(d.toString())));
    stream.write('ping');
    expect(await got).toBe('echo:ping');
    stream.destroy();
  });
});
