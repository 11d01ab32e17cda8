/**
 * Issue 11, reliability and security under faults and hostile input, end to end against the lab
 * through the real backend (web bridge) and the real UI:
 *   - hostile names of VMs, pools, networks and hosts, shown verbatim and acted on; impossible
 *     names refused clearly; hostile messages on the bridge refused;
 *   - the bridge's loopback/token/Origin checks from a real non-loopback peer; host keys; secrets;
 *   - load: 5 hosts x 1000 domains, backend RSS, UI responsive, 100 rapid actions without a lost
 *     or duplicated event;
 *   - faults: the SSH link killed during a console session, during direct and p2p migrations and
 *     during a cross-host clone (to either host); libvirtd stopped on the destination
 *     mid-migration; the destination pool filling up during a cross-host clone; the backend
 *     restarted during a p2p migration. After each: the VM on exactly one host, no disk lost, the UI says what
 *     happened, and the app reconnects by itself.
 * Figures are printed as `[reliability] …` lines.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { EventName, Events, HostInfo, RequestInput, RequestName, RequestOutput, Result, WsServerMessage } from '../shared/api';
import { addLoadHosts, removeDom1000Copies, rssMiB, testDriverDir } from './bench/_load';
import { type AppServer, expect, openApp, startServer, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { defineBigSource, domainState, labReset, labSh, readLab, virshOn } from './lab/lab';
import { modal } from './pages/add-host';
import { VireoApp } from './pages/app';
import { ConsoleDock } from './pages/consoles';
import { MigrationPanel } from './pages/migrate';

const lab = readLab();
const hostA = lab.hosts.find((h) => h.id === 'A');
const hostB = lab.hosts.find((h) => h.id === 'B');
if (!hostA || !hostB) throw new Error('the lab describes no hosts A and B');
const A = hostA;
const B = hostB;

const figure = (what: string) => console.log(`[reliability] ${what}`);

test.afterAll(async () => {
  removeDom1000Copies(5);
  rmSync(join(testDriverDir(), 't-rel-hostile.xml'), { force: true });
  await labReset();
});

/** A raw client of the web bridge: results, events, and whatever bytes we choose to send. */
class Bridge {
  private nextId = 1;
  private pending = new Map<number, (r: Result<unknown>) => void>();
  readonly events: { event: EventName; payload: unknown; at: number }[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as WsServerMessage;
      if (m.t === 'result') {
        this.pending.get(m.id)?.(m.result);
        this.pending.delete(m.id);
      } else {
        this.events.push({ event: m.event, payload: m.payload, at: Date.now() });
        for (const fn of this.listeners) fn(m.event, m.payload);
      }
    });
    ws.on('close', (code, reason) => (this.closed = { code, reason: String(reason) }));
  }

  static async open(server: AppServer, events: EventName[] = []): Promise<Bridge> {
    const base = new URL(server.url);
    const ws = new WebSocket(`ws://${base.host}/ws?token=${encodeURIComponent(server.token)}`, { origin: `http://${base.host}` });
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    const b = new Bridge(ws);
    for (const event of events) ws.send(JSON.stringify({ t: 'subscribe', event }));
    return b;
  }

  raw(name: string, input: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ t: 'invoke', id, name, input }));
    });
  }

  async call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    const r = await this.raw(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}${r.error.hint ? ` (${r.error.hint})` : ''}`);
    return r.value as RequestOutput<N>;
  }

  private listeners = new Set<(event: EventName, payload: unknown) => void>();

  /** Live events for connectLabHosts (subscribes; the events list keeps recording as well). */
  on<E extends EventName>(event: E, fn: (payload: Events[E]) => void): () => void {
    this.ws.send(JSON.stringify({ t: 'subscribe', event }));
    const l = (e: EventName, payload: unknown) => {
      if (e === event) fn(payload as Events[E]);
    };
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  of<E extends EventName>(event: E): Events[E][] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as Events[E]);
  }

  close(): void {
    this.ws.close();
  }
}

/** Tries a WebSocket upgrade to the bridge; resolves with the HTTP status or the socket error code. */
function tryUpgrade(url: string, opts: WebSocket.ClientOptions): Promise<{ status?: number; error?: string; open?: boolean }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, opts);
    ws.on('open', () => {
      ws.close();
      resolve({ open: true });
    });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
}

const keyAuth = { kind: 'key' as const, path: A.keyPath };
const specFor = (h: typeof A, name: string, uri?: string) => ({
  name,
  transport: 'ssh' as const,
  address: h.address,
  port: h.port,
  user: h.user,
  auth: { kind: 'key' as const, path: h.keyPath },
  ...(uri ? { uri } : {}),
});

/** A domain definition in the shape of the lab's guests, with no disk, no MAC, no UUID, no log file. */
async function throwawayXml(name: string): Promise<string> {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  return (await virshOn('A', ['dumpxml', '--inactive', 'stopped']))
    .replace(/<name>[^<]*<\/name>/, `<name>${esc(name)}</name>`)
    .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
    .replace(/\s*<mac [^>]*\/>/g, '')
    .replace(/\s*<log [^>]*\/>/g, '')
    .replace(/\s*<disk [\s\S]*?<\/disk>/g, '');
}

/** The sshd processes (on the host) serving the backend's SSH connection to `address`. */
async function sshdOfBackend(pid: number, h: typeof A): Promise<number[]> {
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', '( dport = :22 )'], { encoding: 'utf8' });
  const ports = out
    .split('\n')
    .filter((l) => l.includes(`${h.address}:22`) && l.includes(`pid=${pid},`))
    .map((l) => Number(/\s[\d.]+:(\d+)\s+[\d.]+:22\b/.exec(l)?.[1]));
  const pids: number[] = [];
  for (const port of ports) {
    const { stdout } = await labSh(['exec', h.id, 'ss', '-tnpH', 'state', 'established', `( sport = :22 and dport = :${port} )`]);
    pids.push(...[...stdout.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])));
  }
  return [...new Set(pids)];
}

// ---------------------------------------------------------------------------------------------
// Hostile input

test('hostile names: VMs, pools, networks and hosts with quotes, <, &, ;, $(), newlines, RTL, emoji and 10 kB show verbatim and work', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(240_000);
  const qemuNames = [
    `t-rel-"q" 'a' <b>&amp; c`,
    't-rel-; $(touch t-rel-pwned) `touch t-rel-pwned2` | id',
    't-rel-שלום עולם',
    't-rel-\u202Egnp.exe',
    't-rel-🦜 vireo 🖥️ émoji',
    `t-rel-long-${'x'.repeat(230)}`,
  ];
  // libvirt's test driver takes what the qemu driver refuses (10 kB, a newline): a host could say anything.
  const tdNames = [`t-rel-10k-${'y'.repeat(10 * 1024)}`, 't-rel-two\nlines', 't-rel-<img src=x onerror=alert(1)>'];
  const poolName = 't-rel-pool "q" <&> ; $(id) שלום 🦜';
  const netName = "t-rel-net 'q' <&> `id` ‮ 🦜";
  const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const tdFile = join(testDriverDir(), 't-rel-hostile.xml');
  writeFileSync(
    tdFile,
    `<node>${tdNames
      .map(
        (n, i) =>
          `<domain type='test'><name>${xmlEsc(n)}</name><uuid>7e1e0000-0000-4000-8000-00000000000${i}</uuid><memory>131072</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>`,
      )
      .join(
        '',
      )}<network><name>${xmlEsc(netName)}</name><bridge name='trel0'/></network><pool type='dir'><name>${xmlEsc(poolName)}</name><target><path>/tmp</path></target></pool></node>`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'vireo-rel-'));
  for (const [i, name] of qemuNames.entries()) {
    const file = join(dir, `d${i}.xml`);
    writeFileSync(file, await throwawayXml(name));
    await virshOn('A', ['destroy', name]).catch(() => {}); // left by an interrupted run
    await virshOn('A', ['undefine', name]).catch(() => {});
    await virshOn('A', ['define', file]);
  }
  figure(
    `hostile names tried in the UI: ${qemuNames.length} qemu domains, ${tdNames.length} test-driver domains, 1 pool, 1 network, 1 host`,
  );

  const app = new VireoApp(page);
  await app.open(server);
  const hostName = 't-rel "q" <b> & $(id) שלום 🦜';
  const idA = await app.addHost({ name: hostName, address: A.address, user: A.user, port: A.port, auth: keyAuth }, A.fingerprint);
  await expect(app.hostItem(hostName)).toContainText(hostName);
  const bridge = await Bridge.open(server);
  const td = await bridge.call('hosts.add', { spec: specFor(A, 't-rel-hostile-td', `test://${tdFile}`), connect: true });

  await test.step('every name shows verbatim in the VM table', async () => {
    await app.showAllVms();
    for (const name of qemuNames) await expect(page.getByTestId(`vm-${name}-${idA}-name`)).toHaveText(name);
    for (const name of tdNames) await expect(page.getByTestId(`vm-${name}-${td.id}`)).toBeVisible();
    await expect(page.getByTestId(`vm-${tdNames[2]}-${td.id}-name`)).toHaveText(tdNames[2] as string);
    expect(await page.locator('img[src=x]').count()).toBe(0); // no name became markup
  });

  await test.step('a VM named with a shell substitution starts and is forced off; nothing ran', async () => {
    const name = qemuNames[1] as string;
    await app.table.contextMenu(name, idA);
    await app.table.menuItem(name, idA, 'start').click();
    await expect(app.table.row(name, idA)).toHaveAttribute('data-state', 'running');
    await app.table.forceOff(name, idA);
    await expect(app.table.row(name, idA)).toHaveAttribute('data-state', 'shutoff');
    // Relative paths: wherever a shell would have run it (the daemons' / and ~root, our cwd).
    for (const f of [
      '/t-rel-pwned',
      '/root/t-rel-pwned',
      '/tmp/t-rel-pwned',
      '/var/lib/libvirt/t-rel-pwned',
      '/t-rel-pwned2',
      '/root/t-rel-pwned2',
    ]) {
      await expect(labSh(['exec', 'A', 'test', '-e', f])).rejects.toThrow();
    }
    for (const f of ['t-rel-pwned', 't-rel-pwned2']) expect(existsSync(f) || existsSync(join('/root', f))).toBe(false);
  });

  await test.step('the 10 kB-named VM (from the test driver) is forced off and started from the UI', async () => {
    const name = tdNames[0] as string;
    await expect(app.table.row(name, td.id)).toHaveAttribute('data-state', 'running');
    await app.table.forceOff(name, td.id);
    await expect(app.table.row(name, td.id)).toHaveAttribute('data-state', 'shutoff');
    await app.table.contextMenu(name, td.id);
    await app.table.menuItem(name, td.id, 'start').click();
    await expect(app.table.row(name, td.id)).toHaveAttribute('data-state', 'running');
    await page.screenshot({ path: testInfo.outputPath('hostile-names.png') });
  });

  await test.step('hostile pool and network names on the host page', async () => {
    // On A's own libvirtd (the test driver has no free-memory call, so its host page cannot load).
    const poolXml = join(dir, 'pool.xml');
    writeFileSync(
      poolXml,
      `<pool type='dir'><name>${xmlEsc(poolName)}</name><target><path>/tmp/vireo-lab/t-rel-pool</path></target></pool>`,
    );
    const netXml = join(dir, 'net.xml');
    writeFileSync(netXml, `<network><name>${xmlEsc(netName)}</name><bridge name='trel0'/></network>`);
    await virshOn('A', ['pool-undefine', poolName]).catch(() => {});
    await virshOn('A', ['net-undefine', netName]).catch(() => {});
    await virshOn('A', ['pool-define', poolXml]);
    await virshOn('A', ['net-define', netXml]);
    try {
      await app.openHost(hostName);
      await expect(page.getByTestId(`pool-${poolName}`)).toContainText(poolName);
      await expect(page.getByTestId(`network-${netName}`)).toContainText(netName);
    } finally {
      await virshOn('A', ['pool-undefine', poolName]).catch(() => {});
      await virshOn('A', ['net-undefine', netName]).catch(() => {});
    }
  });

  await test.step('impossible names are refused by our schema with a clear message, and by libvirt', async () => {
    for (const [name, why] of [
      ['t-rel-a\nb', /control characters/],
      ['t-rel-a/b', /must not contain "\/"/],
      [`t-rel-${'z'.repeat(10 * 1024)}`, /longer than 1024/],
    ] as const) {
      const r = await bridge.raw('install.preview', {
        hostId: idA,
        name,
        osVariant: 'linux2022',
        source: { kind: 'kernel', kernel: '/tmp/vireo-lab/guest/vmlinuz' },
        vcpus: 1,
        memoryMiB: 192,
        disk: { kind: 'none' },
        nic: { kind: 'none' },
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-input');
        expect(r.error.message).toMatch(why);
        expect(r.error.message.length).toBeLessThan(300);
      }
    }
    // libvirt itself: '/' refused, a name longer than a file name refused.
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, await throwawayXml('t-rel-a/b'));
    await expect(virshOn('A', ['define', bad])).rejects.toThrow(/cannot contain '\/'/);
    writeFileSync(bad, await throwawayXml(`t-rel-${'z'.repeat(10 * 1024)}`));
    await expect(virshOn('A', ['define', bad])).rejects.toThrow(/File name too long/);
  });
  bridge.close();
  for (const name of qemuNames) await virshOn('A', ['undefine', name]).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

test('hostile messages on the web bridge are refused and the backend keeps serving', async ({ server }) => {
  const bridge = await Bridge.open(server);
  let tried = 0;
  const refused = async (name: string, input: unknown, code = 'invalid-input') => {
    tried++;
    const r = await bridge.raw(name, input);
    expect(r.ok, `${name} ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  };
  await refused('hosts.remove', { hostId: 42 });
  await refused('hosts.remove', { hostId: 'lab-a', extra: true });
  await refused('hosts.add', { spec: { name: 'x', transport: 'ssh', address: '$(id)', user: 'root' } });
  await refused('hosts.add', {
    spec: { name: 'x', transport: 'ssh', address: A.address, user: 'root', uri: 'qemu:///system?socket=x;id' },
  });
  await refused('hosts.add', {
    spec: { name: 'x', transport: 'ssh', address: A.address, user: 'root', auth: { kind: 'key', path: '/k', evil: 1 } },
  });
  await refused('domains.action', { hostId: 'lab-a', uuid: '../../etc', action: 'start' });
  await refused('domains.action', { hostId: 'lab-a', uuid: '7e570000-0000-4000-8000-000000000003', action: 'exec' });
  await refused('domains.delete', {
    hostId: 'lab-a',
    uuid: '7e570000-0000-4000-8000-000000000003',
    confirmName: 'x',
    deleteVolumes: '/etc/passwd',
  });
  await refused('prompts.answer', { id: 'p', accept: 'yes' });
  await refused('jobs.cancel', { jobId: 'j'.repeat(65) });
  await refused('__proto__', {}, 'unknown-request');
  await refused('constructor', {}, 'unknown-request');
  await refused('process.exec', { cmd: 'id' }, 'unknown-request');
  figure(`hostile bridge requests refused: ${tried}`);
  // Still serving.
  expect(await bridge.call('hosts.list', {})).toEqual([]);

  // A message that is not JSON closes that socket only (1007: invalid payload data).
  bridge.ws.send('{"t":"invoke","id":1,');
  await expect.poll(() => bridge.closed?.code).toBe(1007);
  const other = await Bridge.open(server);
  other.ws.send(JSON.stringify({ t: 'exec', cmd: 'id' }));
  await expect.poll(() => other.closed?.code).toBe(1008);
  // Over the 8 MiB limit: refused without taking the backend down.
  const big = await Bridge.open(server);
  big.ws.send(JSON.stringify({ t: 'invoke', id: 1, name: 'hosts.list', input: { pad: 'x'.repeat(9 * 1024 * 1024) } }));
  await expect.poll(() => big.closed?.code).toBe(1009);
  const after = await Bridge.open(server);
  expect((await after.call('app.info', {})).mode).toBe('web');
  after.close();
});

// ---------------------------------------------------------------------------------------------
// Security

test('the web bridge refuses non-loopback peers, other Origins and missing tokens, and sends a strict CSP', async ({ server }) => {
  const { port } = new URL(server.url);
  const origin = `http://127.0.0.1:${port}`;
  const ws = `ws://127.0.0.1:${port}/ws`;
  // A real peer on the lab's network (the root namespace's lab address), reaching the loopback listener.
  expect(await tryUpgrade(`${ws}?token=${server.token}`, { origin, localAddress: lab.rootIp })).toEqual({ status: 403 });
  expect(await tryUpgrade(`ws://127.0.0.1:${port}/stream?token=${server.token}&channel=x`, { origin, localAddress: lab.rootIp })).toEqual({
    status: 403,
  });
  // Not listening anywhere but loopback.
  expect(await tryUpgrade(`ws://${lab.rootIp}:${port}/ws?token=${server.token}`, { origin })).toEqual({ error: 'ECONNREFUSED' });
  expect(await tryUpgrade(`${ws}?token=${server.token}`, { origin: 'http://evil.example' })).toEqual({ status: 403 });
  expect(await tryUpgrade(`${ws}?token=${server.token}`, { origin: `http://127.0.0.1:${Number(port) + 1}` })).toEqual({ status: 403 });
  expect(await tryUpgrade(`${ws}?token=${server.token}`, {})).toEqual({ status: 403 });
  expect(await tryUpgrade(ws, { origin })).toEqual({ status: 401 });
  expect(await tryUpgrade(`${ws}?token=${server.token}x`, { origin })).toEqual({ status: 401 });
  expect(await tryUpgrade(`${ws}?token=${server.token}`, { origin })).toEqual({ open: true });
  const res = await fetch(`http://127.0.0.1:${port}/`);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(await res.text()).not.toContain(server.token); // the token lives in the URL fragment only
});

test('host keys: unknown -> fingerprint prompt, changed -> refused; a password is never written or logged', async () => {
  const server = await startServer();
  let output = '';
  server.proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const pw = A.password;
    if (!pw) throw new Error('the lab has no password account on A');
    const bridge = await Bridge.open(server, ['prompt', 'host.state']);
    const adding = bridge.raw('hosts.add', {
      spec: {
        name: 't-rel-pw',
        transport: 'ssh',
        address: A.address,
        port: A.port,
        user: pw.user,
        auth: { kind: 'password', password: pw.password },
      },
      connect: true,
    });
    await expect.poll(() => bridge.of('prompt').length).toBe(1);
    const prompt = bridge.of('prompt')[0];
    if (prompt?.kind !== 'host-key') throw new Error(`expected a host-key prompt, got ${JSON.stringify(prompt)}`);
    expect(prompt.fingerprint).toBe(A.fingerprint);
    expect(prompt.host).toBe(A.address);
    await bridge.call('prompts.answer', { id: prompt.id, accept: true });
    const added = await adding;
    expect(added.ok, JSON.stringify(added)).toBe(true);
    const host = (added as { value: HostInfo }).value;
    expect(host.state.status).toBe('connected');
    expect(JSON.stringify(await bridge.call('hosts.list', {}))).not.toContain(pw.password);

    // B presenting a key other than the one we trust for it: refused, never prompted.
    writeFileSync(
      join(server.dataDir, 'known_hosts'),
      `${readFileSync(join(server.dataDir, 'known_hosts'), 'utf8')}${B.address} ${A.hostKey}\n`,
    );
    const changed = await bridge.raw('hosts.add', { spec: specFor(B, 't-rel-b'), connect: true });
    expect(changed.ok).toBe(false);
    if (!changed.ok) {
      expect(changed.error.message).toContain(`The host key of ${B.address} has changed`);
      expect(changed.error.message).toContain(B.fingerprint);
    }
    expect(bridge.of('prompt')).toHaveLength(1);

    // An unknown key the admin rejects: no connection, nothing trusted.
    const known = join(server.dataDir, 'known_hosts');
    writeFileSync(
      known,
      readFileSync(known, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith(`${B.address} `))
        .join('\n'),
    );
    const rejecting = bridge.raw('hosts.add', { spec: specFor(B, 't-rel-b2'), connect: true });
    await expect.poll(() => bridge.of('prompt').length).toBe(2);
    const second = bridge.of('prompt')[1];
    expect(second?.kind === 'host-key' && second.fingerprint).toBe(B.fingerprint);
    await bridge.call('prompts.answer', { id: second?.id ?? '', accept: false });
    expect((await rejecting).ok).toBe(false);
    expect(existsSync(join(server.dataDir, 'known_hosts')) ? readFileSync(join(server.dataDir, 'known_hosts'), 'utf8') : '').not.toContain(
      B.hostKey.split(' ')[1],
    );

    // Disconnect and reconnect with the password (from the in-memory store in web mode).
    await bridge.call('hosts.disconnect', { hostId: host.id });
    expect((await bridge.call('hosts.connect', { hostId: host.id })).state.status).toBe('connected');
    bridge.close();
    for (const f of readdirSync(server.dataDir, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) expect(readFileSync(join(f.parentPath, f.name), 'utf8'), f.name).not.toContain(pw.password);
    }
    expect(output).not.toContain(pw.password);
    figure(
      `password login: data dir files checked ${readdirSync(server.dataDir, { recursive: true }).length}, backend output ${output.length} bytes, password found 0 times`,
    );
  } finally {
    await server.stop();
  }
});

// ---------------------------------------------------------------------------------------------
// Load

test('load: 5 hosts x 1000 domains at once; UI responsive, backend RSS < 150 MiB; 100 rapid actions, no event lost or duplicated', async ({
  page,
  server,
}) => {
  test.setTimeout(300_000);
  const pid = server.proc.pid ?? 0;
  const hosts = await addLoadHosts(server, 5);
  expect(hosts.map((h) => h.state.status)).toEqual(Array(5).fill('connected'));
  const app = new VireoApp(page);
  await app.open(server);
  await app.showAllVms();
  await expect(page.getByTestId('domain-count')).toHaveText('5000', { timeout: 60_000 });
  const rss = rssMiB(pid);
  figure(`backend RSS with 5 x 1000 domains listed: ${rss.toFixed(1)} MiB`);
  expect(rss).toBeLessThan(150);

  await test.step('the UI answers: filter, select, open a host', async () => {
    await app.table.filter('bench-0999');
    await expect(page.getByTestId('domain-count')).toHaveText('5');
    const first = hosts[0] as HostInfo;
    await app.table.row('bench-0999', first.id).click();
    await expect(page.getByTestId('toolbar-target')).toHaveText('bench-0999');
    await app.table.filter('');
    await expect(page.getByTestId('domain-count')).toHaveText('5000');
  });

  await test.step('100 rapid start/stop actions on 10 domains at once: exactly 100 events, in order', async () => {
    const host = hosts[0] as HostInfo;
    const bridge = await Bridge.open(server, ['domain.changed']);
    // Subscriptions are processed in order with invokes: once this answers, we are subscribed.
    const doms = (await bridge.call('domains.list', { hostId: host.id })).filter((d) => /^bench-000\d|^bench-0010$/.test(d.name));
    expect(doms).toHaveLength(10);
    const uuids = new Set(doms.map((d) => d.uuid));
    const actions: string[] = [];
    await Promise.all(
      doms.map(async (d) => {
        for (let i = 0; i < 10; i++) {
          const action = i % 2 === 0 ? 'destroy' : 'start';
          await bridge.call('domains.action', { hostId: host.id, uuid: d.uuid, action });
          actions.push(`${d.name}:${action}`);
        }
      }),
    );
    expect(actions).toHaveLength(100);
    const mine = () => bridge.of('domain.changed').filter((e) => e.hostId === host.id && uuids.has(e.uuid));
    await expect.poll(() => mine().length).toBeGreaterThanOrEqual(100);
    // Anything late or doubled would arrive before the answer to a later call on the same link.
    await bridge.call('domains.list', { hostId: host.id });
    expect(mine()).toHaveLength(100);
    for (const d of doms) {
      const states = mine()
        .filter((e) => e.uuid === d.uuid)
        .map((e) => e.state);
      expect(states, d.name).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 'shutoff' : 'running')));
    }
    figure(`rapid actions: ${actions.length} sent, ${mine().length} domain.changed events received (0 lost, 0 duplicated)`);
    await expect(app.table.row('bench-0001', host.id)).toHaveAttribute('data-state', 'running');
    bridge.close();
  });
  figure(`backend RSS after the actions: ${rssMiB(pid).toFixed(1)} MiB`);
});

// ---------------------------------------------------------------------------------------------
// Faults

test('fault: the SSH link killed during a console session; the app reconnects by itself and says so', async ({ page, server }) => {
  test.setTimeout(240_000);
  const state = await virshOn('A', ['domstate', 'tiny']).catch(() => '');
  if (state.trim() !== 'running') await labReset();
  const bridge = await Bridge.open(server, ['host.state', 'console.state']);
  await connectLabHosts(bridge);
  const app = new VireoApp(page);
  const dock = new ConsoleDock(page);
  await openApp(page, server);
  const idA = await app.expectConnected(A.name);
  await app.showAllVms();
  await app.table.contextMenu('tiny', idA);
  await app.table.menuItem('tiny', idA, 'console').click();
  await dock.expectOpen('serial', 'tiny', { host: idA });
  await dock.typeLine('tiny', 'echo BEFORE-$((20+1))');
  await expect(dock.screen('tiny')).toContainText('BEFORE-21');

  const pids = await sshdOfBackend(server.proc.pid ?? 0, A);
  expect(pids.length).toBeGreaterThan(0);
  for (const p of pids) process.kill(p, 'SIGKILL');

  await test.step('the UI says what happened, then that it is back', async () => {
    await expect(page.getByText(`${A.name}: connection lost`).or(page.getByText(`${A.name}: reconnected`))).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(`${A.name}: reconnected`)).toBeVisible({ timeout: 60_000 });
    await expect(app.hostStatus(idA)).toHaveAttribute('data-status', 'connected');
    expect(bridge.of('host.state').some((e) => e.hostId === idA && e.state.status === 'reconnecting')).toBe(true);
  });

  await test.step('the console reopens by itself and the guest answers', async () => {
    await dock.expectOpen('serial', 'tiny', { host: idA, timeout: 60_000 });
    await dock.typeLine('tiny', 'echo AFTER-$((40+2))');
    await expect(dock.screen('tiny')).toContainText('AFTER-42', { timeout: 30_000 });
  });

  await test.step('tiny runs on exactly one host, its disk is there', async () => {
    expect((await virshOn('A', ['domstate', 'tiny'])).trim()).toBe('running');
    expect(await virshOn('B', ['list', '--all', '--name'])).not.toMatch(/^tiny$/m);
    expect(existsSync(lab.guests.tiny?.disk ?? '')).toBe(true);
  });
  figure('fault survived: SSH link killed during a console session (reconnected, console reopened)');
  bridge.close();
});

// Keep the modal helper referenced for the fault tests below that confirm dialogs.
void modal;

// ---- faults during migrations (electron/services/migration.ts) --------------------------------

const tinyUuid = lab.guests.tiny?.uuid ?? '';

async function labHosts(bridge: Bridge): Promise<{ idA: string; idB: string }> {
  const hosts = await connectLabHosts(bridge);
  const idA = hosts.find((h) => h.spec.address === A.address)?.id;
  const idB = hosts.find((h) => h.spec.address === B.address)?.id;
  if (!idA || !idB) throw new Error('lab hosts not added');
  return { idA, idB };
}

/** Where tiny is active (running or paused), by asking each host's own libvirtd. */
async function activeOn(): Promise<string[]> {
  const out: string[] = [];
  for (const h of ['A', 'B'] as const) if ((await virshOn(h, ['list', '--name'])).split('\n').includes('tiny')) out.push(h);
  return out;
}

/** Starts a migration of tiny A -> B throttled to 1 MiB/s, and waits until memory is moving. */
async function slowMigration(bridge: Bridge, ids: { idA: string; idB: string }, transport: 'direct' | 'p2p') {
  const state = await virshOn('A', ['domstate', 'tiny']).catch(() => '');
  if (state.trim() !== 'running') await labReset();
  const job = await bridge.call('migrations.start', {
    hostId: ids.idA,
    uuid: tinyUuid,
    destHostId: ids.idB,
    mode: 'live',
    storage: 'shared',
    transport,
    bandwidthMiBps: 1,
  });
  await expect
    .poll(
      () =>
        bridge
          .of('job.progress')
          .some(
            (j) => j.id === job.id && j.kind === 'migration' && (j.detail.figures.dataProcessed ?? j.detail.figures.memProcessed ?? 0) > 0,
          ),
      { timeout: 90_000 },
    )
    .toBe(true);
  return job;
}

/** Waits for a job of `kind` (any id when `id` is undefined) to end; returns its last state. */
async function jobEnd(bridge: Bridge, id: string | undefined, timeout = 180_000, kind: Events['job.progress']['kind'] = 'migration') {
  let last: Events['job.progress'] | undefined;
  await expect
    .poll(
      async () => {
        const jobs = (await bridge.call('jobs.list', {})).filter((j) => j.kind === kind && (id === undefined || j.id === id));
        last = jobs.find((j) => j.status !== 'running') ?? last;
        return jobs.length > 0 && jobs.every((j) => j.status !== 'running');
      },
      { timeout, intervals: [500] },
    )
    .toBe(true);
  if (!last) throw new Error(`no ${kind} job ended`);
  return last;
}

/** After a fault: tiny active on exactly one host, its disk there, both hosts connected in the app. */
async function afterFault(bridge: Bridge, ids: { idA: string; idB: string }, what: string): Promise<string> {
  await expect.poll(activeOn, { timeout: 60_000 }).toHaveLength(1);
  const [where] = await activeOn();
  expect(existsSync(lab.guests.tiny?.disk ?? '')).toBe(true);
  await expect
    .poll(async () => (await bridge.call('hosts.list', {})).filter((h) => [ids.idA, ids.idB].includes(h.id)).map((h) => h.state.status), {
      timeout: 60_000,
    })
    .toEqual(['connected', 'connected']);
  figure(`fault survived: ${what} -> tiny runs on ${where} only, disk intact, both hosts reconnected`);
  return where as string;
}

/** The Jobs drawer shows the job and, for a failure, libvirt's/our message. */
async function jobShown(page: import('@playwright/test').Page, job: Events['job.progress']): Promise<void> {
  await page.getByTestId('jobs-button').click();
  const card = page.getByTestId(`job-${job.id}`);
  await expect(card).toBeVisible();
  if (job.error) await expect(card).toContainText(job.error.message.slice(0, 60));
  await page.keyboard.press('Escape');
}

test('fault: the SSH link to the source killed during a direct migration', async ({ page, server }) => {
  test.setTimeout(300_000);
  const bridge = await Bridge.open(server, ['job.progress', 'host.state']);
  const ids = await labHosts(bridge);
  await openApp(page, server);
  const job = await slowMigration(bridge, ids, 'direct');
  for (const p of await sshdOfBackend(server.proc.pid ?? 0, A)) process.kill(p, 'SIGKILL');
  const end = await jobEnd(bridge, job.id);
  figure(`direct migration after link kill: ${end.status}${end.error ? `: ${end.error.message} — ${end.error.hint ?? ''}` : ''}`);
  // Without Vireo's link to A nobody can finish a direct migration: it must fail, and say so.
  expect(end.status).toBe('failed');
  expect(end.error?.hint).toMatch(/needs Vireo's links to both hosts/);
  // Finish after a failed transfer removes the incoming copy: never "starting the guest on lab-b".
  const phases = bridge.of('job.progress').flatMap((j) => (j.id === job.id ? [j.phase] : []));
  expect(phases.filter((p) => /starting the guest/.test(p))).toEqual([]);
  await afterFault(bridge, ids, 'SSH link killed during a direct migration');
  await jobShown(page, end);
  // Once over, the panel's phase line points at the result, not at a stale "link lost: checking…".
  const panel = await MigrationPanel.fromJobs(page, /Migrate tiny/);
  await expect(panel.root.getByTestId('mig-phase')).toHaveText('failed: see the result below');
  await page.keyboard.press('Escape');
  bridge.close();
  await labReset();
});

test('fault: the SSH link to the source killed during a p2p migration (it goes on on the host)', async ({ page, server }) => {
  test.setTimeout(300_000);
  const bridge = await Bridge.open(server, ['job.progress', 'host.state']);
  const ids = await labHosts(bridge);
  await openApp(page, server);
  await slowMigration(bridge, ids, 'p2p');
  for (const p of await sshdOfBackend(server.proc.pid ?? 0, A)) process.kill(p, 'SIGKILL');
  // Once reconnected, a migration job is followed again; lift the cap so it ends soon.
  await expect
    .poll(async () => (await bridge.call('hosts.list', {})).find((h) => h.id === ids.idA)?.state.status, { timeout: 60_000 })
    .toBe('connected');
  await expect
    .poll(
      async () => {
        // Lifted only when a control call succeeds (it fails while the link is still down).
        const running = (await bridge.call('jobs.list', {})).filter((j) => j.kind === 'migration' && j.status === 'running');
        let lifted = running.length > 0;
        for (const j of running)
          lifted &&= (await bridge.raw('migrations.control', { jobId: j.id, control: { action: 'bandwidth', mibps: 0 } })).ok;
        return lifted || (await activeOn()).length === 1;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
  const end = await jobEnd(bridge, undefined);
  figure(`p2p migration after link kill: ${end.status}${end.error ? `: ${end.error.message}` : ''}`);
  const where = await afterFault(bridge, ids, 'SSH link killed during a p2p migration');
  expect(where).toBe('B'); // p2p: the source host finished it without us
  await jobShown(page, end);
  bridge.close();
  await labReset();
});

test('fault: libvirtd on the destination stopped mid-migration, started again later', async ({ page, server }) => {
  test.setTimeout(300_000);
  const bridge = await Bridge.open(server, ['job.progress', 'host.state']);
  const ids = await labHosts(bridge);
  await openApp(page, server);
  const job = await slowMigration(bridge, ids, 'direct');
  await labSh(['libvirtd-stop', 'B']);
  let end: Events['job.progress'];
  try {
    // The app notices that B's daemon is gone, says so, and the migration ends without B.
    await expect
      .poll(() => bridge.of('host.state').some((e) => e.hostId === ids.idB && e.state.status !== 'connected'), { timeout: 60_000 })
      .toBe(true);
    await expect(page.getByTestId(`host-${ids.idB}-status`)).toHaveText(/Reconnecting|Failed/);
    end = await jobEnd(bridge, job.id);
  } finally {
    await labSh(['libvirtd-start', 'B']);
  }
  figure(
    `direct migration with the destination's libvirtd stopped: ${end.status}${end.error ? `: ${end.error.message} — ${end.error.hint ?? ''}` : ''}`,
  );
  expect(end.status).toBe('failed');
  // The proxy's own complaint names the cause, whatever the order in which SSH delivered its EOF
  // and exit status (ProxyStream): always this hint, never the one for a dropped link.
  expect(end.error?.message).toMatch(/lab-b: connection closed: .*the libvirt proxy \(virt-ssh-helper or nc\) exited with status 1/);
  // The cause to fix comes first; B cannot be read while its libvirtd is down, so what to check on
  // both hosts afterwards follows (the outcome is unknown until B answers again).
  expect(end.error?.hint).toMatch(
    /^libvirtd on lab-b stopped answering while SSH to it still works: check libvirtd there \(systemctl status libvirtd\), then migrate again\. Vireo reconnects to lab-b by itself once libvirtd is back\. Wait until lab-b is connected again, then look on both hosts/,
  );
  const where = await afterFault(bridge, ids, "destination's libvirtd stopped mid-migration (and started again)");
  expect(where).toBe('A');
  await jobShown(page, end);
  bridge.close();
  await labReset();
});

test('fault: the backend restarted during a p2p migration finds it again on the host', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'vireo-rel-restart-'));
  let server = await startServer({ dataDir });
  try {
    let bridge = await Bridge.open(server, ['job.progress']);
    const ids = await labHosts(bridge);
    await slowMigration(bridge, ids, 'p2p');
    bridge.close();
    await server.stop();
    server = await startServer({ dataDir });
    bridge = await Bridge.open(server, ['job.progress', 'host.state']);
    for (const h of await bridge.call('hosts.list', {}))
      if (h.state.status !== 'connected') await bridge.call('hosts.connect', { hostId: h.id });
    // Found on A: a reattached migration job.
    await expect
      .poll(async () => (await bridge.call('jobs.list', {})).filter((j) => j.kind === 'migration').length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    const [found] = (await bridge.call('jobs.list', {})).filter((j) => j.kind === 'migration');
    if (!found) throw new Error('no migration found after the restart');
    const full = await bridge.call('jobs.get', { jobId: found.id });
    expect(full.kind === 'migration' && full.detail.info.reattached).toBe(true);
    await bridge.raw('migrations.control', { jobId: found.id, control: { action: 'bandwidth', mibps: 0 } });
    await openApp(page, server);
    await page.getByTestId('jobs-button').click();
    await expect(page.getByTestId(`job-${found.id}`)).toBeVisible();
    await page.keyboard.press('Escape');
    const end = await jobEnd(bridge, found.id);
    figure(`p2p migration after a backend restart: ${end.status}`);
    const where = await afterFault(bridge, ids, 'backend restarted during a p2p migration');
    expect(where).toBe('B');
    bridge.close();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await labReset();
  }
});

// ---- faults during a cross-host clone (electron/services/clone.ts) ----------------------------

const cloneTag = `t-rel-${Date.now().toString(36)}`;
const MiB = 1024 * 1024;

/** A shut-off source on A with a 48 MiB disk of random bytes, and its sha256 (made again after a lab reset removed it). */
let bigSource: Promise<{ name: string; uuid: string; path: string; sum: string }> | undefined;
async function theBigSource() {
  if (bigSource && !(await domainState('A', (await bigSource).name))) bigSource = undefined;
  bigSource ??= (async () => {
    const name = `${cloneTag}-src`;
    const path = await defineBigSource(name, 48 * MiB);
    const uuid = (await virshOn('A', ['domuuid', name])).trim();
    return { name, uuid, path, sum: await sha256On('A', path) };
  })();
  return bigSource;
}
test.afterAll(async () => {
  if (!bigSource) return;
  const { name } = await bigSource;
  await virshOn('A', ['undefine', '--remove-all-storage', name]).catch(() => {});
});

async function sha256On(h: 'A' | 'B', path: string): Promise<string> {
  return (await labSh(['exec', h, 'sha256sum', path])).stdout.split(' ')[0] ?? '';
}

/** Volumes of a pool on a host (after a refresh). */
async function poolVolumes(h: 'A' | 'B', pool: string): Promise<string[]> {
  await virshOn(h, ['pool-refresh', pool]);
  return (await virshOn(h, ['vol-list', '--pool', pool]))
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean)
    .sort();
}

/** Starts the big source's clone A -> B into `pool`, capped at `mibps`; waits until 4 MiB have moved. */
async function startCrossClone(bridge: Bridge, ids: { idA: string; idB: string }, name: string, pool: string, mibps?: number) {
  const src = await theBigSource();
  const o = await bridge.call('clone.options', { hostId: ids.idA, uuid: src.uuid, targetHostId: ids.idB });
  const started = await bridge.call('clone.start', {
    hostId: ids.idA,
    uuid: src.uuid,
    targetHostId: ids.idB,
    name,
    disks: o.disks.map((d) =>
      d.defaultMode === 'copy'
        ? { target: d.target, mode: 'copy' as const, pool, volume: `${name}.img` }
        : { target: d.target, mode: d.defaultMode },
    ),
    nics: o.nics.map((n) => ({ mac: n.mac, ...(n.suggested ? { target: n.suggested } : {}) })),
    start: false,
    verify: 'sha256',
    ...(mibps ? { bandwidthMiBps: mibps } : {}),
  });
  if (mibps)
    await expect
      .poll(
        () =>
          bridge.of('job.progress').some((j) => j.id === started.job.id && j.kind === 'clone' && (j.detail.figures.bytes ?? 0) > 4 * MiB),
        { timeout: 60_000 },
      )
      .toBe(true);
  return started.job;
}

/** After a failed clone: nothing new on B, the source untouched, both hosts connected again. */
async function cloneLeftNothing(bridge: Bridge, ids: { idA: string; idB: string }, name: string, pool: string, before: string[]) {
  const src = await theBigSource();
  expect(await poolVolumes('B', pool)).toEqual(before);
  expect((await virshOn('B', ['list', '--all', '--name'])).split('\n').map((l) => l.trim())).not.toContain(name);
  expect(await sha256On('A', src.path)).toBe(src.sum);
  await expect
    .poll(async () => (await bridge.call('hosts.list', {})).filter((h) => [ids.idA, ids.idB].includes(h.id)).map((h) => h.state.status), {
      timeout: 60_000,
    })
    .toEqual(['connected', 'connected']);
}

test('fault: the SSH link killed during a cross-host clone (to the source, then to the destination); a retry succeeds', async ({
  page,
  server,
}) => {
  test.setTimeout(300_000);
  await labReset();
  const bridge = await Bridge.open(server, ['job.progress', 'host.state']);
  const ids = await labHosts(bridge);
  await openApp(page, server);
  const src = await theBigSource();
  for (const side of [A, B]) {
    const name = `${cloneTag}-kill-${side.id}`;
    const before = await poolVolumes('B', 'default');
    const job = await startCrossClone(bridge, ids, name, 'default', 8);
    const killed = await sshdOfBackend(server.proc.pid ?? 0, side);
    expect(killed.length).toBeGreaterThan(0);
    for (const p of killed) process.kill(p, 'SIGKILL');
    const end = await jobEnd(bridge, job.id, 120_000, 'clone');
    figure(`cross-host clone, link to ${side.id} killed mid-copy: ${end.status}: ${end.error?.message ?? ''} — ${end.error?.hint ?? ''}`);
    expect(end.status).toBe('failed');
    expect(end.error?.message).toMatch(/connection closed|closed the connection|link/i);
    expect(end.error?.hint).toMatch(/clone again/);
    await cloneLeftNothing(bridge, ids, name, 'default', before);
    await jobShown(page, end);
    figure(`fault survived: SSH link to ${side.id} killed during a cross-host clone -> nothing left on B, source intact, reconnected`);
  }
  // What the hint says to do works: the same clone again, to the end.
  const name = `${cloneTag}-retry`;
  const job = await startCrossClone(bridge, ids, name, 'default');
  const end = await jobEnd(bridge, job.id, 120_000, 'clone');
  expect(end.error?.message).toBeUndefined();
  expect(end.status).toBe('succeeded');
  expect(await sha256On('B', `/var/lib/libvirt/images/${name}.img`)).toBe(src.sum);
  bridge.close();
  await labReset();
});

test("fault: the destination pool fills up during a cross-host clone; libvirt's message, nothing left, a retry succeeds", async ({
  page,
  server,
}) => {
  test.setTimeout(300_000);
  await labReset();
  // A 64 MiB pool on B (a tmpfs inside B's mount namespace): room for the 48 MiB copy, until
  // something else fills it mid-copy.
  const dir = '/var/lib/libvirt/vireo-small';
  await labSh(['exec', 'B', 'sh', '-c', 'mkdir -p "$1" && mount -t tmpfs -o size=64m vireo-small "$1"', 'sh', dir]);
  const bridge = await Bridge.open(server, ['job.progress', 'host.state']);
  try {
    await virshOn('B', ['pool-define-as', 'small', 'dir', '--target', dir]);
    await virshOn('B', ['pool-start', 'small']);
    const ids = await labHosts(bridge);
    await openApp(page, server);
    const src = await theBigSource();
    const name = `${cloneTag}-full`;
    const before = await poolVolumes('B', 'small');
    const job = await startCrossClone(bridge, ids, name, 'small', 8);
    await labSh(['exec', 'B', 'sh', '-c', 'cat /dev/zero > "$1/filler" 2>/dev/null; df -h "$1" | tail -n1', 'sh', dir]);
    const end = await jobEnd(bridge, job.id, 120_000, 'clone');
    figure(`cross-host clone into a pool that filled up: ${end.status}: ${end.error?.message ?? ''} — ${end.error?.hint ?? ''}`);
    expect(end.status).toBe('failed');
    expect(end.error?.message).toMatch(/No space left on device/);
    expect(end.error?.hint).toMatch(/ran out of space/);
    await labSh(['exec', 'B', 'rm', '-f', `${dir}/filler`]);
    await cloneLeftNothing(bridge, ids, name, 'small', before);
    await jobShown(page, end);
    figure('fault survived: destination pool full during a cross-host clone -> partial copy removed, source intact');
    // Space freed: the same clone goes through.
    const again = await startCrossClone(bridge, ids, name, 'small');
    const ok = await jobEnd(bridge, again.id, 120_000, 'clone');
    expect(ok.error?.message).toBeUndefined();
    expect(ok.status).toBe('succeeded');
    expect(await sha256On('B', `${dir}/${name}.img`)).toBe(src.sum);
  } finally {
    bridge.close();
    await labReset(); // removes the clone and the pool 'small' on B
    await labSh(['exec', 'B', 'sh', '-c', 'umount "$1"; rmdir "$1"', 'sh', dir]).catch(() => {});
  }
});
