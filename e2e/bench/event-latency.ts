/**
 * event-latency (absolute, ms): a state change made on the host (virsh suspend/resume of tiny,
 * inside host A) until the VM's row shows it in Chromium, through the whole chain: libvirtd's
 * lifecycle event -> RPC over SSH -> backend -> web bridge -> react-query -> DOM.
 *
 * In the page a MutationObserver stamps the moment the row's state changes; in Node we stamp the
 * moment virsh returned. Both stamps are wall-clock milliseconds (performance.timeOrigin + now);
 * the page/Node clock offset is measured before each sample (a round trip bracketing a
 * page.evaluate) and subtracted. libvirt emits the event before virsh exits, so a sample can be
 * at or below 0: the UI was already there when the command returned.
 */

import { performance } from 'node:perf_hooks';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type AppServer, CHROMIUM, CHROMIUM_ARGS, startServer } from '../fixtures';
import { labReset, readLab, virshOn } from '../lab/lab';
import { BackendClient, trustHostKey } from '../pages/backend';
import { median } from './run';
import type { Bench } from './types';

const SAMPLES = 20;

let server: AppServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let rowSelector = '';
const fromStart: number[] = [];
const fromReturn: number[] = [];
const virshMs: number[] = [];

const now = () => performance.timeOrigin + performance.now();

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

/** One toggle: returns ms from virsh's return to the row showing the new state. */
async function sample(p: Page): Promise<number> {
  const before = await currentState(p);
  const [verb, want] = before === 'paused' ? (['resume', 'running'] as const) : (['suspend', 'paused'] as const);
  const offset = await clockOffset(p);
  await p.evaluate(
    ({ sel, want }) => {
      const w = window as unknown as { __vireoLatency?: Promise<number> };
      w.__vireoLatency = new Promise<number>((resolve) => {
        const grid = document.querySelector('[data-testid="domain-table"]') ?? document.body;
        const check = () => {
          if (document.querySelector(sel)?.getAttribute('data-state') === want) {
            obs.disconnect();
            resolve(performance.timeOrigin + performance.now());
            return true;
          }
          return false;
        };
        const obs = new MutationObserver(check);
        obs.observe(grid, { attributes: true, attributeFilter: ['data-state'], subtree: true, childList: true });
      });
    },
    { sel: rowSelector, want },
  );
  const t0 = now();
  await virshOn('A', [verb, 'tiny']);
  const t1 = now();
  const seen = await p.evaluate(() => (window as unknown as { __vireoLatency: Promise<number> }).__vireoLatency);
  const dom = seen - offset;
  fromStart.push(dom - t0);
  virshMs.push(t1 - t0);
  return dom - t1;
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
  },
  async vireo() {
    if (!page) throw new Error('setup did not run');
    const xs: number[] = [];
    fromStart.length = 0;
    fromReturn.length = 0;
    virshMs.length = 0;
    for (let i = 0; i < SAMPLES; i++) xs.push(await sample(page));
    fromReturn.push(...xs);
    return median(xs);
  },
  async extra() {
    return {
      samples: fromReturn.length,
      'p90 ms': [...fromReturn].sort((a, b) => a - b)[Math.floor(fromReturn.length * 0.9)] ?? Number.NaN,
      'max ms': Math.max(...fromReturn),
      'median from virsh start ms': median(fromStart),
      'median virsh duration ms': median(virshMs),
    };
  },
  async teardown() {
    if (page && (await currentState(page)) === 'paused') await virshOn('A', ['resume', 'tiny']).catch(() => {});
    await browser?.close();
    await server?.stop();
  },
};

export default bench;
