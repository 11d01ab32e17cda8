/**
 * event-latency (absolute, ms): a state change made on the host (virsh suspend/resume of tiny,
 * inside host A) until the VM's row shows it in Chromium, through the whole chain: libvirtd's
 * lifecycle event -> RPC over SSH -> backend -> web bridge -> react-query -> DOM.
 *
 * The headline runs from the moment the command is sent to one long-lived virsh shell inside host
 * A (its connection already open) until the row shows the change: a figure that cannot read 0.
 * The moment virsh reports the change done ("Domain 'tiny' suspended") comes after libvirtd has
 * already emitted the event, so the UI often shows the change before virsh says so: measured
 * from there (the old headline, kept as an extra) it reads 0 or less. In the page a
 * MutationObserver stamps the row's change; both stamps are wall-clock ms (performance.timeOrigin
 * + now), and the page/Node offset is measured before each sample (the tightest of a few round
 * trips) and subtracted.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type AppServer, CHROMIUM, CHROMIUM_ARGS, startServer } from '../fixtures';
import { LAB_SCRIPT, labReset, readLab, virshOn } from '../lab/lab';
import { BackendClient, trustHostKey } from '../pages/backend';
import { median } from './run';
import type { Bench } from './types';

const SAMPLES = 20;

let server: AppServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let rowSelector = '';
const fromSent: number[] = [];
const fromDone: number[] = [];
const virshMs: number[] = [];

const now = () => performance.timeOrigin + performance.now();

/** One interactive virsh inside host A (line-buffered), so each command costs only its RPC. */
class VirshShell {
  private proc: ChildProcessWithoutNullStreams;
  private buf = '';
  private waiter: { re: RegExp; resolve(t: number): void; reject(e: Error): void } | null = null;

  constructor() {
    this.proc = spawn('bash', [LAB_SCRIPT, 'exec', 'A', 'stdbuf', '-oL', 'virsh', '-c', 'qemu:///system'], { stdio: 'pipe' });
    const onData = (d: Buffer) => {
      const t = now();
      this.buf += d.toString();
      const lines = this.buf.split('\n');
      this.buf = lines.pop() ?? '';
      for (const line of lines) {
        const w = this.waiter;
        if (!w) continue;
        if (w.re.test(line)) {
          this.waiter = null;
          w.resolve(t);
        } else if (/^error:/.test(line)) {
          this.waiter = null;
          w.reject(new Error(`virsh: ${line}`));
        }
      }
    };
    this.proc.stdout.on('data', onData);
    this.proc.stderr.on('data', onData);
  }

  /** Sends a command; resolves with the time the line matching `done` arrived. */
  run(cmd: string, done: RegExp): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`virsh: no answer to ${cmd}`)), 30_000);
      this.waiter = {
        re: done,
        resolve: (t) => {
          clearTimeout(timer);
          resolve(t);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.proc.stdin.write(`${cmd}\n`);
    });
  }

  close(): void {
    this.proc.stdin.end('quit\n');
  }
}

let shell: VirshShell | undefined;

/** page clock - node clock, from the tightest of a few round trips. */
async function clockOffset(p: Page): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    const tp = await p.evaluate(() => performance.timeOrigin + performance.now());
    const t1 = now();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: tp - (t0 + t1) / 2 };
  }
  return best.offset;
}

async function currentState(p: Page): Promise<string | null> {
  return p.locator(rowSelector).getAttribute('data-state');
}

/** One toggle: ms from the command sent to the row showing it (from virsh's "done" goes to fromDone). */
async function sample(p: Page, sh: VirshShell): Promise<number> {
  const before = await currentState(p);
  const [verb, want, word] =
    before === 'paused' ? (['resume', 'running', 'resumed'] as const) : (['suspend', 'paused', 'suspended'] as const);
  const offset = await clockOffset(p);
  await p.evaluate(
    ({ sel, want }) => {
      const w = window as unknown as { __vireoLatency?: Promise<number> };
      w.__vireoLatency = new Promise<number>((resolve) => {
        const grid = document.querySelector('[data-testid="domain-table"]') ?? document.body;
        const obs = new MutationObserver(() => {
          if (document.querySelector(sel)?.getAttribute('data-state') === want) {
            obs.disconnect();
            resolve(performance.timeOrigin + performance.now());
          }
        });
        obs.observe(grid, { attributes: true, attributeFilter: ['data-state'], subtree: true, childList: true });
      });
    },
    { sel: rowSelector, want },
  );
  const t0 = now();
  const t1 = await sh.run(`${verb} tiny`, new RegExp(`Domain '?tiny'? ${word}`));
  const seen = await p.evaluate(() => (window as unknown as { __vireoLatency: Promise<number> }).__vireoLatency);
  const dom = seen - offset;
  fromDone.push(dom - t1);
  virshMs.push(t1 - t0);
  return dom - t0;
}

/** tiny must be running on A; the lab is reset only when it is missing altogether. */
async function ensureTinyRunning(): Promise<void> {
  const state = (await virshOn('A', ['domstate', 'tiny']).catch(() => '')).trim();
  if (state === '') await labReset();
  else if (state === 'paused') await virshOn('A', ['resume', 'tiny']);
  else if (state !== 'running') await virshOn('A', ['start', 'tiny']);
}

const bench: Bench = {
  name: 'event-latency',
  unit: 'ms',
  runs: 1,
  async setup() {
    const lab = readLab();
    const A = lab.hosts.find((h) => h.id === 'A');
    if (!A) throw new Error('the lab has no host A');
    await ensureTinyRunning();
    server = await startServer();
    trustHostKey(server, A.address, A.hostKey);
    const backend = await BackendClient.connect(server);
    const host = await backend.call('hosts.add', {
      spec: {
        name: 'lab-a',
        transport: 'ssh',
        address: A.address,
        port: A.port,
        user: A.user,
        auth: { kind: 'key', path: A.keyPath },
        uri: 'qemu:///system',
      },
      connect: true,
    });
    backend.close();
    rowSelector = `[data-testid="vm-tiny-${host.id}"]`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it too.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(server.url);
    await page.locator(rowSelector).waitFor({ timeout: 30_000 });
    shell = new VirshShell();
  },
  async vireo() {
    if (!page || !shell) throw new Error('setup did not run');
    const xs: number[] = [];
    fromSent.length = 0;
    fromDone.length = 0;
    virshMs.length = 0;
    for (let i = 0; i < SAMPLES; i++) xs.push(await sample(page, shell));
    fromSent.push(...xs);
    return median(xs);
  },
  async extra() {
    return {
      samples: fromSent.length,
      'p90 ms': [...fromSent].sort((a, b) => a - b)[Math.floor(fromSent.length * 0.9)] ?? Number.NaN,
      'max ms': Math.max(...fromSent),
      'median virsh command ms': median(virshMs),
      'old vireo ms (median from virsh reporting done)': median(fromDone),
      'old: samples at or below 0 ms': fromDone.filter((x) => x <= 0).length,
    };
  },
  async teardown() {
    shell?.close();
    if (page && (await currentState(page)) === 'paused') await virshOn('A', ['resume', 'tiny']).catch(() => {});
    await browser?.close();
    await server?.stop();
  },
};

export default bench;
