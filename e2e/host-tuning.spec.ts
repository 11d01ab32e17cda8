/**
 * Issue 20, the host's Tuning tab end to end in Chromium against lab host A.
 *
 * The lab's hosts are namespaces of THIS machine: KSM and the huge page pools are the machine's.
 * The original values (KSM run, scan rate, the huge page pools) are read from /sys first and written
 * back in afterAll whatever happened (every one tried; one that cannot be put back fails the run).
 * Expected values (page sizes, topology) come from this machine's /sys (e2e/lab/machine.ts), never
 * written down. Never labReset: the spec's own VMs (t20-…) are removed by name.
 *
 * - KSM: a scan-rate field error named in plain words; the scan rate raised through libvirt (and
 *   /sys shows it); KSM turned on (/sys run = 1) and its figures grow within seconds (the lab's
 *   guests run the same kernel and initramfs); "Off, unmerge all" brings pages sharing back to 0;
 *   Off; the scan rate put back. Each VM's opt-out (nosharepages) listed; its link opens the VM's
 *   Settings tab.
 * - Huge pages: 8 pages of the smallest size the machine offers (2 MiB on x86) allocated, read back
 *   in the tab and with `cat …/nr_hugepages` on host A, freed; a pool of the largest size (1 GiB on
 *   x86; the same size when there is only one) larger than the host's free memory refused before
 *   anything is sent.
 * - CPU: the topology line and diagram as /sys describes the machine, the pinning suggestion of a
 *   running 1-vCPU VM (one core) applied in one click and read back with `virsh vcpupin` (live and config).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pageSizeName } from '../electron/services/tuning/checks';
import { expect, openApp, test } from './fixtures';
import { guestVmXml } from './lab/guest-vm';
import { connectLabHosts } from './lab/hosts';
import { labSh, virshOn } from './lab/lab';
import { hugePoolPath, machineHugePageSizesKiB, machineTopology, parseList, topologySummary } from './lab/machine';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { removeDomains } from './pages/leftovers';
import { defineXml } from './pages/settings';
import { TuningTab } from './pages/tuning';

const tag = randomBytes(3).toString('hex');
const PIN = `t20-pin-${tag}`;
const OPT = `t20-opt "q" <x> & ü ${tag}`;
const KSM = '/sys/kernel/mm/ksm';
const SIZES = machineHugePageSizesKiB();
/** Allocated: the smallest huge page size; refused beyond free memory: the largest (the same when only one exists). */
const SMALL = SIZES[0] ?? 0;
const LARGE = SIZES[SIZES.length - 1] ?? 0;
const POOL = hugePoolPath(SMALL);
const POOL_LARGE = hugePoolPath(LARGE);
if (!SMALL)
  throw new Error('this machine offers no huge page sizes (/sys/kernel/mm/hugepages is empty): the lab needs a kernel with hugetlbfs');
const sys = (p: string) => readFileSync(p, 'utf8').trim();
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const saved = {
  run: sys(`${KSM}/run`),
  pagesToScan: sys(`${KSM}/pages_to_scan`),
  sleep: sys(`${KSM}/sleep_millisecs`),
  pool: sys(POOL),
  large: sys(POOL_LARGE),
};

test.afterAll(async () => {
  // Back to what the machine had, also after a failure: unmerge first if KSM was left on. Every
  // value is tried; any that fails or reads back different fails the run afterwards.
  const failed: string[] = [];
  const put = (p: string, v: string, check = true) => {
    try {
      if (sys(p) !== v) writeFileSync(p, v);
      if (check && sys(p) !== v) failed.push(`${p} reads ${sys(p)} after writing ${v}`);
    } catch (e) {
      failed.push(`${p} ← ${v}: ${(e as Error).message}`);
    }
  };
  if (sys(`${KSM}/run`) !== saved.run && saved.run === '0') put(`${KSM}/run`, '2', false);
  put(`${KSM}/run`, saved.run);
  put(`${KSM}/pages_to_scan`, saved.pagesToScan);
  put(`${KSM}/sleep_millisecs`, saved.sleep);
  put(POOL, saved.pool);
  if (POOL_LARGE !== POOL) put(POOL_LARGE, saved.large);
  await removeDomains(PIN);
  await removeDomains(OPT);
  if (failed.length) throw new Error(`afterAll could not put the machine back: ${failed.join('; ')}`);
});

/** `virsh vcpupin` of vCPU 0: its CPU affinity column. */
async function vcpupin(name: string, side: '--live' | '--config'): Promise<string> {
  const out = await virshOn('A', ['vcpupin', name, '--vcpu', '0', side]);
  return /^\s*0\s+(\S+)\s*$/m.exec(out)?.[1] ?? out;
}

test('host tuning: KSM on and its figures grow, then off; huge pages allocated and freed; a pinning suggestion applied and read back', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  // A running 1-vCPU guest of our own for the pinning; a shut-off one that opts out of KSM (hostile name).
  await defineXml(guestVmXml({ name: PIN }));
  await virshOn('A', ['start', PIN]);
  await defineXml(guestVmXml({ name: xmlText(OPT), extra: '\n  <memoryBacking><nosharepages/></memoryBacking>' }));

  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  backend.close();
  const app = new VireoApp(page);
  await openApp(page, server);
  await app.expectConnected('lab-a');
  await app.openHost('lab-a');
  const tab = new TuningTab(page);
  await tab.open();

  await test.step('KSM: a wrong scan rate named at its field; the rate raised; on, figures grow; unmerge; off; the rate put back', async () => {
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText(saved.run === '1' ? 'On' : saved.run === '2' ? 'Off, unmerge all' : 'Off');
    await expect(tab.ksm.getByTestId('ksm-caveat-cpu')).toContainText('Scanning costs CPU');
    await expect(tab.ksm.getByTestId('ksm-caveat-side-channel')).toContainText('side channel between guests');
    await expect(tab.ksm.getByTestId('ksm-rate')).toContainText(
      `${Number(saved.pagesToScan).toLocaleString('en')} pages every ${saved.sleep} ms`,
    );

    await tab.setScanRate('5000', '0');
    await expect(tab.ksm.getByText('Pause between scans must be at least 1 ms')).toBeVisible();
    await expect(tab.ksm.getByTestId('ksm-params-summary')).toHaveText('Check this field: Pause between scans. Nothing was sent.');
    expect(sys(`${KSM}/sleep_millisecs`)).toBe(saved.sleep);

    await tab.setScanRate('5000', '10');
    await expect(tab.ksm.getByTestId('ksm-rate')).toContainText('Now: 5,000 pages every 10 ms');
    expect(sys(`${KSM}/pages_to_scan`)).toBe('5000');
    expect(sys(`${KSM}/sleep_millisecs`)).toBe('10');

    const before = await tab.figure('ksm-sharing');
    const scans = await tab.figure('ksm-scans');
    await tab.setRun('On');
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText('On');
    expect(sys(`${KSM}/run`)).toBe('1');
    await expect.poll(() => tab.figure('ksm-scans'), { timeout: 30_000 }).toBeGreaterThan(scans);
    await expect.poll(() => tab.figure('ksm-sharing'), { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await tab.figure('ksm-shared')).toBeGreaterThan(0);
    await expect(tab.ksm.getByTestId('ksm-saved')).not.toHaveText('0 B');
    await expect(tab.ksm.getByTestId('ksm-chart')).toBeVisible();
    await tab.ksm.screenshot({ path: testInfo.outputPath('ksm-on.png') });

    await tab.setRun('Off, unmerge all');
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText('Off, unmerge all');
    expect(sys(`${KSM}/run`)).toBe('2');
    await expect.poll(() => tab.figure('ksm-sharing'), { timeout: 30_000 }).toBe(0);
    await tab.setRun('Off');
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText('Off');
    expect(sys(`${KSM}/run`)).toBe('0');

    await tab.setScanRate(saved.pagesToScan, saved.sleep);
    await expect(tab.ksm.getByTestId('ksm-rate')).toContainText(
      `${Number(saved.pagesToScan).toLocaleString('en')} pages every ${saved.sleep} ms`,
    );
    expect(sys(`${KSM}/pages_to_scan`)).toBe(saved.pagesToScan);
    expect(sys(`${KSM}/sleep_millisecs`)).toBe(saved.sleep);

    await expect(tab.optOutRow(OPT).getByTestId('ksm-optout-state')).toHaveText('opted out');
    await expect(tab.optOutRow(PIN).getByTestId('ksm-optout-state')).toHaveText('may share');
  });

  await test.step("huge pages: 8 of the machine's smallest size allocated and read back, then freed; its largest size beyond free memory refused", async () => {
    const base = Number(saved.pool);
    const row = tab.sizeRow(SMALL);
    await expect(row.getByTestId('hugepages-total')).toHaveText(String(base));
    await tab.setPool(SMALL, base + 8);
    await expect(tab.hugepages.getByTestId(`hugepages-result-${SMALL}`)).toHaveText(
      `The ${pageSizeName(SMALL)} pool holds ${base + 8} pages (asked ${base + 8}), read back from the host.`,
    );
    await expect(row.getByTestId('hugepages-total')).toHaveText(String(base + 8));
    expect((await labSh(['exec', 'A', 'cat', POOL])).stdout.trim()).toBe(String(base + 8));
    await tab.hugepages.screenshot({ path: testInfo.outputPath('hugepages.png') });
    await tab.hugepages.getByTestId(`hugepages-free-${SMALL}`).click();
    await expect(row.getByTestId('hugepages-total')).toHaveText('0');
    expect((await labSh(['exec', 'A', 'cat', POOL])).stdout.trim()).toBe('0');

    // The most pages a request may ask (1,000,000) of the largest size: beyond any lab machine's free memory (≥ 1.9 TiB even for 2 MiB pages).
    const large = Number(saved.large);
    const count = 1_000_000;
    await tab.setPool(LARGE, count);
    const growGiB = (((count - (LARGE === SMALL ? 0 : large)) * LARGE) / 1024 ** 2).toFixed(1);
    await expect(tab.hugepages.getByTestId('error-alert')).toContainText(
      new RegExp(
        `${count} pages of ${pageSizeName(LARGE)} need ${growGiB.replace('.', '\\.')} GiB more, and lab-a has .* free, of which .* is kept for the host itself`,
      ),
    );
    expect(sys(POOL_LARGE)).toBe(LARGE === SMALL ? '0' : saved.large);
    await expect(tab.hugepages.getByTestId('thp-enabled')).toContainText(/\[?(always|madvise|never)/);
  });

  await test.step('CPU: the topology, the suggestion for a running 1-vCPU VM applied in one click, read back with virsh', async () => {
    const m = machineTopology();
    await expect(tab.cpu.getByTestId('topology-summary')).toContainText(topologySummary(m));
    await expect(tab.cpu.getByTestId('topology-cpu')).toHaveCount(m.list.length);
    const row = tab.pinRow(PIN);
    await expect(row).toContainText('running');
    const suggestion = row.getByTestId('pin-suggestion');
    await expect(suggestion).toHaveAttribute('data-level', 'core');
    const cpu = (await suggestion.getAttribute('data-cpus')) ?? '';
    expect(m.coreGroups).toContain(cpu);
    await expect(row.getByTestId('pin-current')).toHaveText('not pinned (all CPUs)');
    await row.hover();
    for (const c of parseList(cpu))
      await expect(tab.cpu.locator(`[data-testid="topology-cpu"][data-cpu="${c}"]`)).toHaveAttribute('data-lit', 'yes');
    await row.getByTestId('pin-apply').click();
    await expect(tab.cpu.getByTestId('pin-result')).toHaveText(`Applied to the running VM and the next boot; read back: vCPU 0 → ${cpu}`);
    expect(await vcpupin(PIN, '--live')).toBe(cpu);
    expect(await vcpupin(PIN, '--config')).toBe(cpu);
    await expect(row.getByTestId('pin-applied')).toBeVisible();
    await expect(row.getByTestId('pin-current')).toHaveText(`vCPU 0 → ${cpu}`);
    await tab.cpu.screenshot({ path: testInfo.outputPath('cpu.png') });
  });

  await test.step("the opt-out list links to the VM's Settings tab", async () => {
    await tab.optOutRow(OPT).getByTestId('ksm-optout-link').click();
    await expect(page.getByTestId('settings-panel')).toBeVisible();
  });
});
