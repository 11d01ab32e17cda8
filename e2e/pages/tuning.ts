/** A host's "Tuning" tab: KSM, huge pages, CPU topology and pinning suggestions. */
import { expect, type Locator, type Page } from '@playwright/test';

export class TuningTab {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('tuning-tab');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('host-tab-tuning').click();
    await expect(this.root).toBeVisible();
  }

  // ---- KSM
  get ksm(): Locator {
    return this.root.getByTestId('ksm-card');
  }

  /** Clicks a run mode: 'On', 'Off' or 'Off, unmerge all'. */
  async setRun(label: 'On' | 'Off' | 'Off, unmerge all'): Promise<void> {
    await this.ksm.getByTestId('ksm-run').getByText(label, { exact: true }).click();
  }

  /** A KSM figure as a number ("12,345" → 12345). */
  async figure(testId: 'ksm-shared' | 'ksm-sharing' | 'ksm-unshared' | 'ksm-volatile' | 'ksm-scans'): Promise<number> {
    return Number(((await this.ksm.getByTestId(testId).textContent()) ?? '').replace(/,/g, ''));
  }

  async setScanRate(pagesToScan: string, sleepMs: string): Promise<void> {
    await this.ksm.getByTestId('ksm-pages-to-scan').fill(pagesToScan);
    await this.ksm.getByTestId('ksm-sleep').fill(sleepMs);
    await this.ksm.getByTestId('ksm-params-apply').click();
  }

  optOutRow(name: string): Locator {
    return this.ksm
      .getByTestId('ksm-optout-row')
      .filter({ has: this.page.getByTestId('ksm-optout-name').getByText(name, { exact: true }) });
  }

  // ---- huge pages
  get hugepages(): Locator {
    return this.root.getByTestId('hugepages-card');
  }

  sizeRow(sizeKiB: number): Locator {
    return this.hugepages.locator(`[data-testid="hugepages-row"][data-size="${sizeKiB}"]`);
  }

  async setPool(sizeKiB: number, count: number): Promise<void> {
    await this.hugepages.getByTestId(`hugepages-count-${sizeKiB}`).fill(String(count));
    await this.hugepages.getByTestId(`hugepages-set-${sizeKiB}`).click();
  }

  // ---- CPU
  get cpu(): Locator {
    return this.root.getByTestId('cpu-card');
  }

  pinRow(name: string): Locator {
    return this.cpu.getByTestId('pin-row').filter({ has: this.page.getByTestId('pin-name').getByText(name, { exact: true }) });
  }
}
