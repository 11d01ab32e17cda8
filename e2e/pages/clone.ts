/** The clone wizard: "Clone…" in a VM's menu. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';

export interface CloneDisk {
  target: string;
  mode?: 'copy' | 'share' | 'detach';
  pool?: string;
  volume?: string;
}

export class CloneWizard {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return modal(this.page, 'clone-wizard');
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Right-click the VM's row, "Clone…". */
  async openFromMenu(name: string, hostId: string): Promise<void> {
    await this.page.getByTestId(`vm-${name}-${hostId}`).click({ button: 'right' });
    await this.page.getByTestId('vm-menu').getByTestId(`vm-${name}-${hostId}-clone`).click();
    await expect(this.root).toBeVisible();
    await expect(this.id('clone-name')).toBeVisible({ timeout: 30_000 });
  }

  async target(hostId: string, name: string, opts: { start?: boolean } = {}): Promise<void> {
    await this.id('clone-target-host').selectOption(hostId);
    await expect(this.id('clone-name')).toBeVisible({ timeout: 30_000 });
    await this.id('clone-name').fill(name);
    if (opts.start !== undefined) await this.id('clone-start-after').setChecked(opts.start);
  }

  async next(): Promise<void> {
    await this.id('clone-next').click();
  }

  async disks(disks: CloneDisk[], opts: { bandwidthMiBps?: number; verify?: 'sha256' | 'size' } = {}): Promise<void> {
    await expect(this.id('clone-step-disks')).toBeVisible();
    for (const d of disks) {
      if (d.mode)
        await this.id(`clone-disk-${d.target}-mode`)
          .getByText({ copy: 'Copy', share: 'Share', detach: 'Leave out' }[d.mode], { exact: true })
          .click();
      if (d.pool) await this.id(`clone-disk-${d.target}-pool`).selectOption(d.pool);
      if (d.volume !== undefined) await this.id(`clone-disk-${d.target}-volume`).fill(d.volume);
    }
    if (opts.bandwidthMiBps !== undefined) await this.id('clone-bandwidth').fill(String(opts.bandwidthMiBps));
    if (opts.verify) await this.id('clone-verify').selectOption(opts.verify);
  }

  async review(): Promise<Locator> {
    await this.next();
    const review = this.id('clone-step-review');
    await expect(review).toBeVisible({ timeout: 30_000 });
    return review;
  }

  get xml(): Locator {
    return this.id('clone-review-xml');
  }

  async create(): Promise<Locator> {
    await this.id('clone-create').click();
    const job = this.id('clone-job');
    await expect(job).toBeVisible({ timeout: 30_000 });
    return job;
  }
}
