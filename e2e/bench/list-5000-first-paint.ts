/**
 * list-5000-first-paint (absolute, ms): renderer time from choosing "All VMs" to the first paint
 * of the VM table holding 5000 domains (the lab's libvirt test driver, reached over SSH on host A).
 * The data is already in the renderer's cache (the host is connected and listed), so this is the
 * renderer's own cost: building the sorted, grouped rows and painting the visible ones. The
 * renderer marks both ends itself (store/ui.ts `vireo:select`, DomainTable `vireo:table-painted`,
 * the latter from a task queued in requestAnimationFrame, i.e. after the frame's paint).
 *
 * extra: the cold load (navigation to the table painted, fetch included), and long tasks
 * (PerformanceObserver 'longtask', > 50 ms) while scrolling the whole table top to bottom.
 */
import { type Browser, chromium, type Page } from '@playwright/test';
import { type AppServer, CHROMIUM, CHROMIUM_ARGS, startServer } from '../fixtures';
import { readLab } from '../lab/lab';
import { BackendClient, trustHostKey } from '../pages/backend';
import type { Bench } from './types';

let server: AppServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let hostId = '';
let rows = 0;

/** Leaves the table (host overview), then selects All VMs and reads the renderer's measure. */
async function firstPaint(p: Page): Promise<number> {
  await p.getByTestId(`host-${hostId}`).click();
  await p.getByTestId('host-page-name').waitFor();
  await p.getByTestId('domain-table').waitFor({ state: 'detached' });
  await p.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
  });
  await p.getByTestId('nav-all').click();
  const ms = await p.waitForFunction(
    () => {
      const m = performance.getEntriesByName('vireo:select-to-table', 'measure')[0];
      return m ? m.duration : null;
    },
    undefined,
    { timeout: 30_000 },
  );
  return (await ms.jsonValue()) as number;
}

/** Scrolls the whole table at a steady pace and reports long tasks and the longest frame. */
async function scrollAll(p: Page): Promise<{ longTasks: number; longestTask: number; longestFrame: number; frames: number }> {
  return p.evaluate(async () => {
    const tasks: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    obs.observe({ type: 'longtask', buffered: false });
    const el = document.querySelector('[data-testid="domain-table"]') as HTMLElement;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    let last = await frame();
    let longestFrame = 0;
    let frames = 0;
    const step = 480; // 12 rows a frame: about 700 rows a second at 60 Hz
    for (const dir of [1, -1]) {
      for (;;) {
        const before = el.scrollTop;
        el.scrollTop = before + dir * step;
        const t = await frame();
        longestFrame = Math.max(longestFrame, t - last);
        last = t;
        frames++;
        if (el.scrollTop === before) break;
      }
    }
    await frame();
    await new Promise((r) => setTimeout(r, 100));
    obs.disconnect();
    return { longTasks: tasks.filter((d) => d > 50).length, longestTask: tasks.length ? Math.max(...tasks) : 0, longestFrame, frames };
  });
}

let cold = Number.NaN;

const bench: Bench = {
  name: 'list-5000-first-paint',
  unit: 'ms',
  runs: 5,
  async setup() {
    const lab = readLab();
    const A = lab.hosts.find((h) => h.id === 'A');
    if (!A) throw new Error('the lab has no host A');
    const uris = A.testUris as Record<string, string | undefined> | undefined;
    // Measured on 5000 domains or not at all: a smaller fixture under this name would mislead.
    const uri = uris?.dom5000;
    if (!uri) throw new Error('the lab offers no dom5000 test-driver URI (testUris.dom5000): run `npm run lab -- up` to make it');
    server = await startServer();
    trustHostKey(server, A.address, A.hostKey);
    const backend = await BackendClient.connect(server);
    const host = await backend.call('hosts.add', {
      spec: {
        name: 'bench-many',
        transport: 'ssh',
        address: A.address,
        port: A.port,
        user: A.user,
        auth: { kind: 'key', path: A.keyPath },
        uri,
      },
      connect: true,
    });
    rows = (await backend.call('domains.list', { hostId: host.id })).length;
    if (rows !== 5000) throw new Error(`the dom5000 fixture lists ${rows} domains, not 5000`);
    backend.close();
    hostId = host.id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it too.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(server.url);
    // Cold: navigation start to the table painted, the domain list fetched over SSH included.
    const mark = await page.waitForFunction(
      () => performance.getEntriesByName('vireo:table-painted', 'mark')[0]?.startTime ?? null,
      undefined,
      {
        timeout: 60_000,
      },
    );
    cold = (await mark.jsonValue()) as number;
    await page
      .getByTestId('domain-count')
      .filter({ hasText: String(rows) })
      .waitFor();
  },
  async vireo() {
    if (!page) throw new Error('setup did not run');
    return firstPaint(page);
  },
  async extra(): Promise<Record<string, number>> {
    if (!page) return {};
    const s = await scrollAll(page);
    return {
      rows,
      'cold load ms': cold,
      'long tasks >50ms while scrolling': s.longTasks,
      'longest task ms': s.longestTask,
      'longest frame ms': s.longestFrame,
      'frames scrolled': s.frames,
    };
  },
  async teardown() {
    await browser?.close();
    await server?.stop();
  },
};

export default bench;
