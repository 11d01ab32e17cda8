// h2 in the lab: host A's password account (vireo, password saved with the host) reached through
// host B as a jump host whose account (vjump, `lab.sh accounts`) has a password of its own. The
// saved password must never be tried on B: B's prompt goes to the user, naming B, or is answered
// from B's own saved host. B's sshd log shows every password B was given.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, type LabHost, labHost, labSh, readLab } from '../../e2e/lab/lab';
import type { HostSpec, Prompt } from '../../shared/api';
import { EventHub } from '../core/events';
import { HostStore, MemorySecrets } from '../core/store';
import { HostManager } from './hosts';
import { PromptBroker } from './prompts';

interface Accounts {
  address: string;
  jump: { user: string; password: string };
}

let lab: Lab;
let A: LabHost;
let jump: Accounts['jump'] & { address: string };
const dirs: string[] = [];
const managers: HostManager[] = [];

beforeAll(async () => {
  await labSh(['accounts']); // idempotent: a lab started before the jump account existed gets it
  lab = readLab();
  A = labHost('A', lab);
  const acc = JSON.parse(readFileSync(join(lab.dir, 'accounts.json'), 'utf8')) as Accounts;
  jump = { ...acc.jump, address: acc.address };
});
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.closeAll()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A HostManager on a fresh data dir that knows the lab's host keys; every prompt is recorded and answered by `answer`. */
function manager(answer: (p: Prompt) => { accept: boolean; secret?: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'vireo-h2-lab-'));
  dirs.push(dir);
  const knownHostsPath = join(dir, 'known_hosts');
  copyFileSync(lab.knownHosts, knownHostsPath);
  const events = new EventHub();
  const prompts = new PromptBroker(events);
  const asked: Prompt[] = [];
  events.on('prompt', (p) => {
    asked.push(p);
    setImmediate(() => prompts.answer(p.id, answer(p)));
  });
  const hosts = new HostManager({ events, store: new HostStore(dir), secrets: new MemorySecrets(), prompts, knownHostsPath });
  managers.push(hosts);
  return { hosts, asked };
}

/** What B's sshd logs from now on (`lab.sh` runs it with -E <file>). */
function sshdLogFrom(host: 'A' | 'B'): () => string {
  const file = join(lab.dir, 'hosts', host, 'sshd.log');
  const start = statSync(file).size;
  return () => readFileSync(file).subarray(start).toString('utf8');
}

function target(): HostSpec {
  const pw = A.password;
  if (!pw) throw new Error('the lab has no password account on A (lab.json hosts[0].password): lab.sh up creates one');
  return {
    name: 'a-via-b',
    transport: 'ssh',
    address: A.address,
    user: pw.user,
    auth: { kind: 'password', password: pw.password },
    jump: `${jump.user}@${jump.address}`,
    uri: 'qemu:///system',
  };
}

describe('h2 a saved password is never sent to the jump host', () => {
  it("h2 the jump host's password prompt goes to the user, naming the jump host; the target's saved password is not tried on it", async () => {
    const bLog = sshdLogFrom('B');
    const aLog = sshdLogFrom('A');
    const { hosts, asked } = manager((p) =>
      p.kind === 'password' && p.host === jump.address && p.user === jump.user
        ? { accept: true, secret: jump.password }
        : { accept: false },
    );
    const info = await hosts.add(target(), true);
    expect(info.state.status).toBe('connected');
    expect(asked).toEqual([
      {
        id: expect.any(String),
        kind: 'password',
        hostId: info.id,
        user: jump.user,
        host: jump.address,
        message: `Password for the jump host ${jump.user}@${jump.address}:`,
      },
    ]);
    // B was given exactly one password, the one typed for it; A got its saved one (through B).
    expect(bLog()).not.toMatch(/Failed password/);
    expect(bLog()).toMatch(new RegExp(`Accepted password for ${jump.user} from 10\\.203\\.0\\.254 `));
    expect(aLog()).toMatch(new RegExp(`Accepted password for ${A.password?.user} from ${jump.address.replace(/\./g, '\\.')} `));
  });

  it("h2 the jump host's own saved host answers its prompt; the user is not asked", async () => {
    const bLog = sshdLogFrom('B');
    const { hosts, asked } = manager(() => ({ accept: false }));
    await hosts.add(
      {
        name: 'b-jump',
        transport: 'ssh',
        address: jump.address,
        user: jump.user,
        auth: { kind: 'password', password: jump.password },
        uri: 'qemu:///system',
      },
      false,
    );
    const info = await hosts.add(target(), true);
    expect(info.state.status).toBe('connected');
    expect(asked).toEqual([]);
    expect(bLog()).not.toMatch(/Failed password/);
    expect(bLog()).toMatch(new RegExp(`Accepted password for ${jump.user} `));
  });

  it('h2 a dismissed jump host prompt cancels the connection without trying any password on the jump host', async () => {
    const bLog = sshdLogFrom('B');
    const { hosts, asked } = manager(() => ({ accept: false }));
    await expect(hosts.add(target(), true)).rejects.toMatchObject({ name: 'AuthError', cancelled: true });
    expect(asked.map((p) => (p.kind === 'password' ? `${p.user}@${p.host}` : p.kind))).toEqual([`${jump.user}@${jump.address}`]);
    expect(bLog()).not.toMatch(/password for/);
  });
});
