/**
 * Issue 7, end to end against the real lab, through the UI in Chromium: live migration of `tiny`
 * A -> B (direct) and back (peer-to-peer), `tiny-local` with its disk copied, `stopped` offline
 * with its disk, a migration that does not converge (a guest loop rewriting 32 MiB of non-zero
 * memory, 10 MiB/s cap) finished by one click on each remedy the panel offers (allow downtime,
 * post-copy, pause, lift the cap, restart with auto-converge),
 * cancel mid-way, re-attach after the app restarts during a peer-to-peer migration, and each
 * pre-flight failure provoked and shown. Every scenario checks where the VM runs afterwards (on
 * the hosts themselves, with virsh) and that no disk was removed.
 *
 * One backend and one page for the file (hosts added once); the lab is reset before and after the
 * file. Each test puts tiny where it starts from (tinyOn) and runs its own guest workload, so any
 * one of them passes alone (`-g`) or after any subset of the others.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, test as base, type Page, type TestInfo } from '@playwright/test';
import { type AppServer, expect, openApp, startServer } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { domainState, guestExec, labReset, labSh, readLab, virshOn } from './lab/lab';
import { BackendClient } from './pages/backend';
import { MigrateWizard, MigrationPanel } from './pages/migrate';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
const B = lab.hosts.find((h) => h.id === 'B');
if (!A || !B) throw new Error('the lab describes no hosts A and B');

const test = base;
// In order, one worker (the config), but not 'serial': each test puts tiny where it needs it, so a
// failure does not skip the tests after it (a skipped test would hide what they check).
test.describe.configure({ mode: 'default' });

let server: AppServer;
let page: Page;
let idA = '';
let idB = '';
/** Definitions written for virsh on the hosts: under the lab dir, which both hosts see; made by this file. */
let xmlDir = '';

/** Both lab hosts, added and connected as an admin would (hosts.add, their published fingerprints confirmed). */
async function addHosts(s: AppServer): Promise<void> {
  const c = await BackendClient.connect(s);
  try {
    const hosts = await connectLabHosts(c);
    idA = hosts.find((h) => h.spec.address === A?.address)?.id ?? '';
    idB = hosts.find((h) => h.spec.address === B?.address)?.id ?? '';
    if (!idA || !idB) throw new Error('connectLabHosts did not add both lab hosts');
  } finally {
    c.close();
  }
}

async function openPage(browser: Browser, s: AppServer): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await openApp(p, s);
  await p.getByTestId('nav-all').click();
  return p;
}

/** The VM's state on each lab host, as virsh sees it there (null = not defined). */
async function where(name: string): Promise<{ A: string | null; B: string | null }> {
  const [a, b] = await Promise.all([domainState('A', name), domainState('B', name)]);
  return { A: a, B: b };
}

/** A file (disk) exists on the host: never removed by a migration. */
async function fileOn(host: 'A' | 'B', path: string): Promise<boolean> {
  return labSh(['exec', host, 'test', '-e', path]).then(
    () => true,
    () => false,
  );
}

/** Starts the non-converging workload in the guest: 32 MiB of random (non-zero) data rewritten in a loop. */
async function startDirtyLoop(host: 'A' | 'B'): Promise<void> {
  await guestExec(
    host,
    'tiny',
    'dd if=/dev/urandom of=/dev/shm/a bs=1M count=32 2>/dev/null; (while :; do cp /dev/shm/a /dev/shm/b; done) >/dev/null 2>&1 & echo $! > /dev/shm/loop.pid; echo started',
  );
}

async function stopDirtyLoop(host: 'A' | 'B'): Promise<void> {
  await guestExec(host, 'tiny', 'kill $(cat /dev/shm/loop.pid); rm -f /dev/shm/a /dev/shm/b; echo stopped');
}

/** Where tiny runs now (null: nowhere). */
async function tinyRunsOn(): Promise<'A' | 'B' | null> {
  const now = await where('tiny');
  return now.A === 'running' ? 'A' : now.B === 'running' ? 'B' : null;
}

/** tiny's kernel oopsed in its current QEMU process (its serial log starts empty with each one). */
function tinyOopsed(on: 'A' | 'B'): boolean {
  const serial = join(lab.dir, 'hosts', on, 'log', 'qemu', 'tiny-serial.log');
  return existsSync(serial) && /Oops|BUG:|Kernel panic|detected stalls/.test(readFileSync(serial, 'latin1'));
}

async function restartTiny(on: 'A' | 'B'): Promise<void> {
  await virshOn(on, ['destroy', 'tiny']);
  await virshOn(on, ['start', 'tiny']);
}

/**
 * Runs `fn` while tiny (on `host`) rewrites its memory; afterwards, wherever tiny runs, the loop is
 * stopped — or tiny is started afresh when `restart` says so or its kernel oopsed. QEMU 7.2 without
 * KVM (this lab) corrupts a guest that rewrites its memory during some migrations: after a cap
 * lifted mid-way, and sometimes with auto-converge, its kernel oopses on arrival. virsh alone does
 * the same (`migrate --bandwidth 10` then `migrate-setspeed` to the maximum; `migrate
 * --auto-converge --bandwidth 10`: both oopsed the guest in this lab, 4 Dec 2026). The migration is
 * what these tests check; the next test gets a healthy guest.
 */
async function withDirtyLoop(host: 'A' | 'B', fn: () => Promise<void>, o: { restart?: boolean } = {}): Promise<void> {
  await startDirtyLoop(host);
  try {
    await fn();
  } finally {
    const on = await tinyRunsOn();
    if (on && (o.restart || tinyOopsed(on))) {
      if (!o.restart) test.info().annotations.push({ type: 'guest', description: `tiny oopsed on ${on} (QEMU without KVM): restarted` });
      await restartTiny(on);
    } else if (on)
      await stopDirtyLoop(on).catch(async (err: Error) => {
        // A guest that stalls after such a migration (RCU stalls, soft lockups: QEMU without KVM) may not have
        // written it to its serial log yet when the check above ran: its console does not answer. Start it afresh.
        test
          .info()
          .annotations.push({ type: 'guest', description: `tiny did not answer on ${on} (${err.message.split('\n')[0]}): restarted` });
        await restartTiny(on);
      });
  }
}

/**
 * Puts tiny, running, on `host` and nowhere else: a live migration with virsh when it runs on the
 * other host (as the previous test may have left it), so that each test starts where it says.
 */
async function tinyOn(host: 'A' | 'B'): Promise<void> {
  const other = host === 'A' ? 'B' : 'A';
  const dest = host === 'A' ? A : B;
  // A guest whose kernel oopsed (see withDirtyLoop) is started afresh where it is, before it
  // moves: each test gets a healthy one.
  const on = await tinyRunsOn();
  if (on && tinyOopsed(on)) await restartTiny(on);
  const now = await where('tiny');
  if (now[other] === 'running' && now[host] === null)
    await virshOn(other, ['migrate', '--live', '--unsafe', '--persistent', '--undefinesource', 'tiny', dest?.sshUri ?? ''], 180_000);
  expect(await where('tiny')).toEqual(host === 'A' ? { A: 'running', B: null } : { A: null, B: 'running' });
  await expect(page.getByTestId(`vm-tiny-${host === 'A' ? idA : idB}`)).toHaveAttribute('data-state', 'running');
}

/**
 * Drops the backend's SSH link to a lab host as a broken network would: the sshd process serving
 * each of the backend's connections (found by the backend's local ports) is killed on the host.
 */
async function dropAppLink(host: 'A' | 'B', s: AppServer): Promise<void> {
  const h = host === 'A' ? A : B;
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', 'dst', `${h?.address}`]).toString();
  const ports = out
    .split('\n')
    .filter((l) => l.includes(`pid=${s.proc.pid},`) && l.includes(`${h?.address}:22`))
    .map((l) => /\s\S+:(\d+)\s+\S+:22\s/.exec(l)?.[1])
    .filter((p): p is string => !!p);
  expect(ports.length).toBeGreaterThan(0);
  for (const port of ports) {
    const r = await labSh(['exec', host, 'ss', '-Htnp', 'state', 'established', `( sport = :22 and dport = :${port} )`]);
    for (const m of r.stdout.matchAll(/pid=(\d+)/g)) await labSh(['exec', host, 'kill', '-9', m[1] as string]).catch(() => {});
  }
}

test.beforeAll(async ({ browser }) => {
  await labReset();
  mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
  xmlDir = mkdtempSync(join(lab.dir, 'tmp', 'mig-e2e-'));
  server = await startServer();
  await addHosts(server);
  page = await openPage(browser, server);
});

test.afterAll(async () => {
  await page?.close().catch(() => {});
  await server?.stop();
  // tiny-local ran with a live-only change (cache) in the pre-flight scenario: a fresh start (also
  // when VIREO_LAB_NO_RESET=1 skips the reset below).
  await virshOn('A', ['destroy', 'tiny-local']).catch(() => {});
  await virshOn('A', ['start', 'tiny-local']).catch(() => {});
  await labReset();
  if (xmlDir) rmSync(xmlDir, { recursive: true, force: true });
});

/** Writes a definition where both lab hosts can read it (the lab dir is shared with them). */
function xmlFile(name: string, xml: string): string {
  const f = join(xmlDir, `${name}.xml`);
  writeFileSync(f, xml);
  return f;
}

test('pre-flight: each failure provoked and shown with its reason and fix; nothing moves', async () => {
  const testInfo = test.info();
  test.setTimeout(240_000);
  const w = new MigrateWizard(page);
  const tinyXml = readFileSync(join(lab.dir, 'xml', 'tiny.xml'), 'utf8');

  await test.step('bad name: refused where it is typed', async () => {
    await w.openFromMenu('tiny', idA);
    await w.destination(idB, 'bad/name');
    await expect(w.root).toContainText('Name must not contain "/"');
    await expect(page.getByTestId('migrate-next')).toBeDisabled();
    await page.getByTestId('migrate-new-name').fill('');
    await w.next();
  });

  await test.step('copy disks without a pool at the disk’s directory on B: fail, fix = pick a pool', async () => {
    await w.options({ storage: 'copy' });
    await w.checks();
    await expect(w.check('storage')).toHaveAttribute('data-status', 'fail');
    await expect(w.check('storage')).toContainText('lab-b has no storage pool at /tmp/vireo-lab/shared');
    await expect(page.getByTestId('migrate-start')).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('preflight-failed.png') });
    await w.check('storage').getByTestId('check-storage-fix').click();
    await expect(page.getByTestId('migrate-dest-pool')).toBeVisible();
    await w.options({ destPool: 'default' });
    await w.checks();
    await expect(w.check('storage')).toHaveAttribute('data-status', 'pass');
    await expect(w.check('storage')).toContainText('/var/lib/libvirt/images/tiny.qcow2 in pool default');
  });

  await test.step('peer-to-peer to an unreachable address, then with a user B refuses', async () => {
    await page.getByTestId('migrate-back').click();
    await w.options({ storage: 'shared', transport: 'p2p', peerUri: 'qemu+ssh://10.203.0.99/system' });
    await w.checks();
    await expect(w.check('reachable')).toHaveAttribute('data-status', 'fail');
    await expect(w.check('reachable')).toContainText(/No route to host|could not reach/);
    await page.getByTestId('migrate-back').click();
    await w.options({ peerUri: 'qemu+ssh://nosuch@10.203.0.2/system' });
    await w.checks();
    await expect(w.check('reachable')).toHaveAttribute('data-status', 'fail');
    await expect(w.check('reachable')).toContainText('Permission denied');
  });

  await test.step('B already has another VM named tiny: fail, fix = a new name', async () => {
    const other = tinyXml
      .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
      .replace(/\s*<mac address=[^>]*\/>/, '')
      .replace(/\s*<log file=[^>]*\/>/, '');
    await virshOn('B', ['define', xmlFile('tiny-other', other)]);
    await page.getByTestId('migrate-back').click();
    await w.options({ transport: 'direct' });
    await w.checks();
    await expect(w.check('name')).toHaveAttribute('data-status', 'fail');
    await expect(w.check('name')).toContainText("another VM named 'tiny'");
    await w.check('name').getByTestId('check-name-fix').click();
    await expect(page.getByTestId('migrate-new-name')).toBeFocused();
    await page.getByTestId('migrate-new-name').fill('tiny-moved');
    await w.next();
    await w.checks();
    await expect(w.check('name')).toHaveAttribute('data-status', 'pass');
    await virshOn('B', ['undefine', 'tiny']);
  });

  await test.step('B defines this VM (same UUID) under another name: fail, fix = remove the stale definition (disks kept)', async () => {
    const old = tinyXml.replace('<name>tiny</name>', '<name>tiny-old</name>').replace(/\s*<log file=[^>]*\/>/, '');
    await virshOn('B', ['define', xmlFile('tiny-old', old)]);
    await w.recheck();
    await expect(w.check('name')).toHaveAttribute('data-status', 'fail');
    await expect(w.check('name')).toContainText("already defines this VM as 'tiny-old'");
    await w.check('name').getByTestId('check-name-fix').click();
    await expect(w.check('name')).toHaveAttribute('data-status', 'pass');
    expect(await domainState('B', 'tiny-old')).toBeNull();
    expect(await fileOn('B', lab.guests.tiny?.disk ?? '')).toBe(true);
    await w.close();
  });

  await test.step('copy disks onto a too-small volume already on B: fail', async () => {
    await virshOn('B', ['vol-create-as', 'default', 'tiny-local.qcow2', '1M', '--format', 'qcow2']);
    await w.openFromMenu('tiny-local', idA);
    await w.destination(idB);
    await w.next();
    await w.options({ storage: 'copy' });
    await w.checks();
    await expect(w.check('storage')).toHaveAttribute('data-status', 'fail');
    await expect(w.check('storage')).toContainText('too small (1.0 MiB, the disk is 64.0 MiB)');
    await w.close();
    await virshOn('B', ['vol-delete', '--pool', 'default', 'tiny-local.qcow2']);
  });

  await test.step("a running VM with cache='writeback' on shared storage: warn, fix = switch the definition to cache='none'", async () => {
    const def = await virshOn('A', ['dumpxml', '--inactive', 'tiny-local']);
    await virshOn('A', ['define', xmlFile('tiny-local-wb', def.replace("cache='none'", "cache='writeback'"))]);
    await virshOn('A', ['destroy', 'tiny-local']);
    await virshOn('A', ['start', 'tiny-local']);
    await w.openFromMenu('tiny-local', idA);
    await w.destination(idB);
    await w.next();
    await w.options({ storage: 'shared' });
    await w.checks();
    await expect(w.check('disk-cache')).toHaveAttribute('data-status', 'warn');
    await expect(w.check('disk-cache')).toContainText("cache='writeback'");
    await expect(w.check('storage')).toHaveAttribute('data-status', 'fail'); // its disk is not on B
    await w.check('disk-cache').getByTestId('check-disk-cache-fix').click();
    await expect(w.check('disk-cache')).toHaveAttribute('data-status', 'pass');
    await expect(w.check('disk-cache')).toContainText("its definition has cache='none'");
    expect(await virshOn('A', ['dumpxml', '--inactive', 'tiny-local'])).toContain("cache='none'");
    await w.close();
  });

  await test.step('CPU the destination cannot provide, bridge missing on B (offline, stopped)', async () => {
    const def = await virshOn('A', ['dumpxml', '--inactive', 'stopped']);
    const bad = def
      .replace(
        '</features>',
        "</features>\n  <cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model><feature policy='require' name='avx512f'/></cpu>",
      )
      .replace("<source bridge='labbr0'/>", "<source bridge='nosuchbr0'/>");
    await virshOn('A', ['define', xmlFile('stopped-bad', bad)]);
    try {
      await w.openFromMenu('stopped', idA);
      await w.destination(idB);
      await w.next();
      await w.checks();
      await expect(w.check('cpu')).toHaveAttribute('data-status', 'warn');
      await expect(w.check('cpu')).toContainText('avx512f');
      await expect(w.check('network')).toHaveAttribute('data-status', 'fail');
      await expect(w.check('network')).toContainText('lab-b has no bridge nosuchbr0');
      await w.close();
    } finally {
      await virshOn('A', ['define', join(lab.dir, 'xml', 'stopped.xml')]);
    }
  });

  // Nothing moved, nothing removed.
  expect(await where('tiny')).toEqual({ A: 'running', B: null });
  expect(await where('tiny-local')).toEqual({ A: 'running', B: null });
  expect(await where('stopped')).toEqual({ A: 'shut off', B: null });
  expect(await fileOn('A', lab.guests['tiny-local']?.disk ?? '')).toBe(true);
});

test('live: tiny A -> B direct (wizard from the VM menu), then back by dragging it onto A, peer-to-peer', async () => {
  const testInfo = test.info();
  const w = new MigrateWizard(page);
  await tinyOn('A');
  await w.openFromMenu('tiny', idA);
  await w.destination(idB);
  await page.screenshot({ path: testInfo.outputPath('wizard-destination.png') });
  await w.next();
  await w.options({ mode: 'live', storage: 'shared', transport: 'direct' });
  await page.screenshot({ path: testInfo.outputPath('wizard-options.png') });
  await w.checks();
  await expect(w.check('storage')).toHaveAttribute('data-status', 'warn');
  await expect(w.check('storage')).toContainText('--unsafe');
  for (const id of ['state', 'disk-cache', 'cpu', 'network', 'name', 'reachable', 'memory'])
    await expect(w.check(id)).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('migrate-virsh')).toContainText('migrate --live --persistent --undefinesource --unsafe');
  await page.screenshot({ path: testInfo.outputPath('wizard-checks.png') });
  const panel = await w.start();
  await expect(panel.root.getByTestId('mig-phase')).not.toBeEmpty();
  const result = await panel.ended('succeeded');
  await page.screenshot({ path: testInfo.outputPath('result-direct.png') });
  await expect(result).toHaveAttribute('data-outcome', 'moved');
  await expect(panel.fig('result-downtime')).toHaveText(/\d+ ms|\d+(\.\d)? s/);
  await expect(panel.fig('result-data')).toHaveText(/MiB|GiB/);
  await expect(result.getByTestId('mig-result-dest')).toContainText('running, persistent definition');
  await expect(result.getByTestId('mig-result-source')).toContainText('not defined');
  expect(await where('tiny')).toEqual({ A: null, B: 'running' });
  await w.close();
  await expect(page.getByTestId(`vm-tiny-${idB}`)).toHaveAttribute('data-state', 'running');

  // Back to A by dragging it in the host tree onto lab-a: the wizard opens at the options.
  await w.openByDrag('tiny', idB, idA);
  await w.options({ transport: 'p2p' });
  await w.checks();
  await expect(w.check('reachable')).toHaveAttribute('data-status', 'pass');
  await expect(w.check('reachable')).toContainText('qemu+ssh://root@10.203.0.1/system');
  const back = await w.start();
  await back.ended('succeeded');
  expect(await where('tiny')).toEqual({ A: 'running', B: null });
  expect(await fileOn('A', lab.guests.tiny?.disk ?? '')).toBe(true);
  await w.close();
});

test('cancel at about 50 %: the migration stops, tiny stays running on A', async () => {
  const testInfo = test.info();
  const w = new MigrateWizard(page);
  await tinyOn('A');
  await w.openFromMenu('tiny', idA);
  await w.destination(idB);
  await w.next();
  await w.options({ bandwidthMiBps: 4 });
  await w.checks();
  const panel = await w.start();
  await panel.reaches(40);
  await expect(panel.fig('speed')).toHaveText(/MiB\/s|KiB\/s/);
  // During the first pass nothing says yet how long the pause will be (issue 21: no "≈ 30 s" guess).
  await expect(panel.fig('downtime')).toHaveText('after the first pass');
  await expect(panel.root.getByTestId('mig-chart')).toBeVisible();
  // The allowed pause can be changed while it runs (the panel says the new value).
  await expect(panel.root.getByTestId('mig-controls')).toContainText('now QEMU default');
  await panel.steer('downtime', 3000);
  await page.screenshot({ path: testInfo.outputPath('live-panel.png') });
  await panel.root.getByTestId('mig-cancel').click();
  const result = await panel.ended('canceled');
  await expect(result).toHaveAttribute('data-outcome', 'stayed');
  await expect(result.getByTestId('mig-result-message')).toContainText('running on lab-a');
  expect(await where('tiny')).toEqual({ A: 'running', B: null });
  expect(await fileOn('A', lab.guests.tiny?.disk ?? '')).toBe(true);
  await w.close();
});

/** "1.2 s", "850 ms", "12 s" as the panel writes them, in ms. */
function msOf(text: string): number {
  const m = /([\d.]+)\s*(ms|s)\b/.exec(text);
  if (!m) throw new Error(`not a duration: ${JSON.stringify(text)}`);
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

/** A migration of tiny at 10 MiB/s while the guest rewrites 32 MiB: the panel flags it, one click finishes it. */
async function nonConverging(
  from: 'A' | 'B',
  remedy: 'max-downtime' | 'postcopy' | 'suspend' | 'bandwidth' | 'restart-autoconverge',
  testInfo: TestInfo,
): Promise<MigrationPanel> {
  const [src, dst] = from === 'A' ? [idA, idB] : [idB, idA];
  const w = new MigrateWizard(page);
  await w.openFromMenu('tiny', src);
  await w.destination(dst);
  await w.next();
  await w.options({ bandwidthMiBps: 10, postCopy: remedy === 'postcopy' });
  await w.checks();
  const panel = await w.start();
  await expect(panel.nonConvergence).toBeVisible({ timeout: 90_000 });
  await expect(panel.nonConvergence).toContainText('Not converging');
  await expect(panel.fig('eta')).toHaveText('never at this rate');
  // The pause is bounded by the allowed downtime (QEMU's 300 ms default until a remedy raises it).
  await expect(panel.fig('downtime')).toHaveText('≤ 300 ms once it converges');
  // Ranked by what the guest goes through: lifting the cap first, pausing it last.
  const ranked = await panel.root
    .getByTestId('mig-remedies')
    .locator('[data-rank]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(ranked[0]).toBe('mig-remedy-bandwidth');
  expect(ranked[ranked.length - 1]).toBe('mig-remedy-suspend');
  expect(ranked).toContain(`mig-remedy-${remedy}`);
  // No remedy offers a vCPU cap: libvirt refuses it while the migration holds the domain.
  expect(ranked).not.toContain('mig-remedy-throttle');
  // In the light theme every remedy reads as a button (the first filled, the others outlined), and
  // the descriptions beside them start at the same x.
  const looks = await panel.root
    .locator('[data-rank]')
    .evaluateAll((els) => els.map((e) => ({ bg: getComputedStyle(e).backgroundColor, border: getComputedStyle(e).borderTopColor })));
  const clear = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  expect(looks.map((l, i) => (i === 0 ? !clear(l.bg) : !clear(l.border)))).toEqual(looks.map(() => true));
  const xs = await panel.root
    .locator('[data-testid$="-impact"]')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  expect(new Set(xs).size).toBe(1);
  if (remedy === 'max-downtime') await page.screenshot({ path: testInfo.outputPath('non-convergence.png') });
  // The pause the remedy allows, as its button says ("Allow 4.5 s of downtime").
  const allowedMs = remedy === 'max-downtime' ? msOf((await panel.remedy(remedy).textContent()) ?? '') : null;
  const firstJob = await panel.jobId();
  // The restart's button says where auto-converge starts and how it climbs (autoconverge.ts).
  const offered =
    remedy === 'restart-autoconverge' ? ((await panel.root.getByTestId('mig-remedy-restart-autoconverge-impact').textContent()) ?? '') : '';
  await panel.remedy(remedy).click();
  const clicked = Date.now();
  if (remedy === 'restart-autoconverge') {
    // The first attempt is cancelled (tiny stays on the source); the panel follows the new job,
    // started with auto-converge from the numbers the remedy gave, and says why them.
    await expect(panel.root).not.toHaveAttribute('data-job-id', firstJob, { timeout: 60_000 });
    await expect(panel.root).toHaveAttribute('data-status', 'running');
    await expect(panel.root.getByTestId('mig-log')).toContainText('--auto-converge');
    // The offer (numbers from the rates of the last two passes) and, on the new job, the same words.
    expect(offered).toMatch(/slows the guest’s vCPUs by \d+ % at first\. The guest dirtied [\d.]+ MiB\/s while [\d.]+ MiB\/s was sent/);
    const why = panel.root.getByTestId('mig-autoconverge');
    await expect(why).toHaveText(
      /^Auto-converge from \d+ %, \+\d+ % per step, chosen from the attempt that did not converge: The guest dirtied [\d.]+ MiB\/s while [\d.]+ MiB\/s was sent/,
    );
    testInfo.annotations.push({ type: 'auto-converge', description: (await why.textContent()) ?? '' });
    await page.screenshot({ path: testInfo.outputPath('restarted-with-auto-converge.png') });
  }
  const result = await panel.ended('succeeded', 150_000);
  await expect(result).toHaveAttribute('data-outcome', 'moved');
  // Auto-converge did the work: QEMU throttled the guest on the way (each step is in the log).
  if (remedy === 'restart-autoconverge')
    await expect(panel.root.getByTestId('mig-log')).toContainText('Auto-converge: QEMU slows the guest’s vCPUs by');
  testInfo.annotations.push({
    type: 'remedy',
    description: `${remedy}: ${Math.round((Date.now() - clicked) / 1000)} s from the click to the end`,
  });
  if (allowedMs !== null) {
    // The estimate against what libvirt reports at the end: the panel promises a pause of at most
    // the allowed downtime (QEMU stops the guest only once the rest fits in it), and it holds: 5.5 s
    // allowed, 297 ms measured on 5 Dec 2026.
    const actual = msOf((await panel.fig('result-downtime').textContent()) ?? '');
    testInfo.annotations.push({ type: 'downtime', description: `allowed ${allowedMs} ms, libvirt reports ${actual} ms` });
    expect(actual).toBeLessThanOrEqual(allowedMs);
  }
  await w.close();
  return panel;
}

/** Each remedy the panel offers, used on a migration that does not converge: where it starts and where tiny ends. */
const REMEDY_CASES: {
  title: string;
  remedy: Parameters<typeof nonConverging>[1];
  from: 'A' | 'B';
  ends: { A: string | null; B: string | null };
  /** Without KVM the guest comes out corrupted: started afresh after (see withDirtyLoop; else only when it oopsed). */
  restartGuest?: boolean;
}[] = [
  {
    title: 'not converging: flagged in plain words; one click on "allow downtime" finishes it (A -> B)',
    remedy: 'max-downtime',
    from: 'A',
    ends: { A: null, B: 'running' },
  },
  {
    title: 'not converging: one click on "switch to post-copy" finishes it (B -> A)',
    remedy: 'postcopy',
    from: 'B',
    ends: { A: 'running', B: null },
  },
  {
    // Paused to finish, resumed on arrival: running, not paused.
    title: 'not converging: one click on "pause the guest" finishes it, and the guest runs on B',
    remedy: 'suspend',
    from: 'A',
    ends: { A: null, B: 'running' },
  },
  {
    title: 'not converging: one click on "lift the bandwidth limit" finishes it (B -> A; without KVM the guest is restarted after)',
    remedy: 'bandwidth',
    from: 'B',
    ends: { A: 'running', B: null },
    restartGuest: true,
  },
  {
    // The restart starts high (chosen from the first attempt's rates, and the panel says why): it
    // finishes; a guest that oopsed on arrival (QEMU without KVM) is started afresh after.
    title:
      'not converging: one click on "restart with auto-converge" cancels, starts again with it from the rates measured, and finishes (A -> B)',
    remedy: 'restart-autoconverge',
    from: 'A',
    ends: { A: null, B: 'running' },
  },
];

for (const c of REMEDY_CASES) {
  test(c.title, async () => {
    const testInfo = test.info();
    test.setTimeout(480_000);
    await tinyOn(c.from);
    await withDirtyLoop(
      c.from,
      async () => {
        await nonConverging(c.from, c.remedy, testInfo);
        expect(await where('tiny')).toEqual(c.ends);
      },
      { restart: !!c.restartGuest },
    );
  });
}

test('link dropped mid-way (peer-to-peer B -> A): the host goes on, the panel follows again after the reconnect', async () => {
  const w = new MigrateWizard(page);
  await tinyOn('B');
  await w.openFromMenu('tiny', idB);
  await w.destination(idA);
  await w.next();
  await w.options({ transport: 'p2p', bandwidthMiBps: 8 });
  await w.checks();
  const panel = await w.start();
  await panel.reaches(10);
  await dropAppLink('B', server);
  await expect(panel.root.getByTestId('mig-phase')).toContainText(/link to lab-b lost|following lab-b again/, { timeout: 30_000 });
  // Steered again through the new link: the cap lifted (8 MiB/s -> unlimited), the rest at full speed.
  await expect(panel.root.getByTestId('mig-controls')).toContainText('now 8 MiB/s');
  await panel.steer('bandwidth', 0);
  await panel.ended('succeeded');
  expect(await where('tiny')).toEqual({ A: 'running', B: null });
  await w.close();
});

test('re-attach: the app quits during a peer-to-peer migration; restarted, it finds the job on the host and resumes the panel', async ({
  browser,
}) => {
  const w = new MigrateWizard(page);
  await tinyOn('A');
  await w.openFromMenu('tiny', idA);
  await w.destination(idB);
  await w.next();
  await w.options({ transport: 'p2p', bandwidthMiBps: 6 });
  await w.checks();
  const panel = await w.start();
  await panel.reaches(5);
  // The app goes away (its connections with it); the source host keeps migrating.
  await page.close();
  await server.stop();
  server = await startServer({ dataDir: server.dataDir });
  page = await openPage(browser, server);
  for (const id of [idA, idB]) await page.getByTestId(`host-${id}-retry`).click();
  const found = await MigrationPanel.fromJobs(page, /found on lab-a/);
  await expect(found.root.getByText('found on the host')).toBeVisible();
  // A job found again is steered like one started here: the cap lifted, the rest at full speed.
  await found.steer('bandwidth', 0);
  await found.ended('succeeded');
  expect(await where('tiny')).toEqual({ A: null, B: 'running' });
  await page.keyboard.press('Escape');
});

test('copy disks: tiny-local A -> B live, its disk created and filled in B’s pool; the source disk stays', async () => {
  const w = new MigrateWizard(page);
  await w.openFromMenu('tiny-local', idA);
  await w.destination(idB);
  await w.next();
  await w.options({ storage: 'copy' });
  await w.checks();
  await expect(w.check('storage')).toHaveAttribute('data-status', 'pass');
  await expect(w.check('storage')).toContainText('qcow2 copies its full virtual size');
  await expect(page.getByTestId('migrate-copy-bytes')).toHaveAttribute('data-bytes', String(64 * 1024 * 1024));
  await expect(page.getByTestId('migrate-virsh')).toContainText('--copy-storage-all');
  const panel = await w.start();
  const result = await panel.ended('succeeded', 120_000);
  await expect(result.getByTestId('mig-result-dest')).toContainText('running');
  expect(await where('tiny-local')).toEqual({ A: null, B: 'running' });
  const disk = lab.guests['tiny-local']?.disk ?? '';
  expect(await fileOn('A', disk)).toBe(true);
  expect(await fileOn('B', disk)).toBe(true);
  await w.close();
});

test('offline: stopped A -> B with its disk (copied through the storage pools), definition moved', async () => {
  const w = new MigrateWizard(page);
  await w.openFromMenu('stopped', idA);
  await w.destination(idB);
  await w.next();
  await expect(page.getByTestId('migrate-mode-offline')).toBeChecked();
  await expect(page.getByTestId('migrate-storage-copy')).toBeChecked();
  await w.checks();
  await expect(w.check('storage')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('migrate-virsh')).toContainText('--offline');
  const panel = await w.start();
  const result = await panel.ended('succeeded');
  await expect(result.getByTestId('mig-result-dest')).toContainText('shut off, persistent definition');
  await expect(result.getByTestId('mig-result-source')).toContainText('not defined');
  expect(await where('stopped')).toEqual({ A: null, B: 'shut off' });
  const disk = lab.guests.stopped?.disk ?? '';
  expect(await fileOn('A', disk)).toBe(true);
  expect(await fileOn('B', disk)).toBe(true);
  await w.close();
});
