/** The migration wizard and the live migration panel. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';

export interface MigrateOptions {
  mode?: 'live' | 'offline';
  storage?: 'shared' | 'copy';
  transport?: 'direct' | 'p2p';
  peerUri?: string;
  destPool?: string;
  bandwidthMiBps?: number;
  postCopy?: boolean;
  persist?: boolean;
  undefineSource?: boolean;
}

export class MigrateWizard {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return modal(this.page, 'migrate-wizard');
  }

  /** Right-click the VM's row, "Migrate…". */
  async openFromMenu(name: string, hostId: string): Promise<void> {
    await this.page.getByTestId(`vm-${name}-${hostId}`).click({ button: 'right' });
    await this.page.getByTestId('vm-menu').getByTestId(`vm-${name}-${hostId}-migrate`).click();
    await expect(this.root).toBeVisible();
  }

  /** Drags the VM's entry in the host tree onto a host: the wizard opens with that destination. */
  async openByDrag(name: string, hostId: string, destHostId: string): Promise<void> {
    await this.page.getByTestId(`tree-vm-${name}-${hostId}`).dragTo(this.page.getByTestId(`host-${destHostId}`));
    await expect(this.root).toBeVisible();
    await expect(this.page.getByTestId('migrate-options')).toBeVisible();
  }

  async destination(hostId: string, newName?: string): Promise<void> {
    await this.page.getByTestId(`migrate-dest-${hostId}`).click();
    if (newName !== undefined) await this.page.getByTestId('migrate-new-name').fill(newName);
  }

  async next(): Promise<void> {
    await this.page.getByTestId('migrate-next').click();
  }

  async options(o: MigrateOptions): Promise<void> {
    const p = this.page;
    await expect(p.getByTestId('migrate-options')).toBeVisible();
    if (o.mode) await p.getByTestId(`migrate-mode-${o.mode}`).check();
    if (o.storage) await p.getByTestId(`migrate-storage-${o.storage}`).check();
    if (o.transport) await p.getByTestId(`migrate-transport-${o.transport}`).check();
    if (o.peerUri !== undefined) await p.getByTestId('migrate-peer-uri').fill(o.peerUri);
    if (o.destPool !== undefined) await p.getByTestId('migrate-dest-pool').selectOption(o.destPool);
    if (o.bandwidthMiBps !== undefined) await p.getByTestId('migrate-bandwidth').fill(String(o.bandwidthMiBps));
    if (o.postCopy !== undefined) await p.getByTestId('migrate-postcopy').setChecked(o.postCopy);
    if (o.persist !== undefined) await p.getByTestId('migrate-persist').setChecked(o.persist);
    if (o.undefineSource !== undefined) await p.getByTestId('migrate-undefine').setChecked(o.undefineSource);
  }

  /** Goes to the checks step and waits for them. */
  async checks(): Promise<Locator> {
    await this.next();
    const list = this.page.getByTestId('migrate-checks');
    await expect(list).toBeVisible({ timeout: 30_000 });
    return list;
  }

  check(id: string): Locator {
    return this.page.getByTestId(`check-${id}`);
  }

  async recheck(): Promise<void> {
    await this.page.getByTestId('migrate-recheck').click();
    await expect(this.page.getByTestId('migrate-checking')).toBeHidden({ timeout: 30_000 });
  }

  async start(): Promise<MigrationPanel> {
    await expect(this.page.getByTestId('migrate-start')).toBeEnabled();
    await this.page.getByTestId('migrate-start').click();
    const panel = new MigrationPanel(this.page, this.root);
    await expect(panel.root).toBeVisible();
    return panel;
  }

  async close(): Promise<void> {
    await this.page.getByTestId('migrate-close').click();
    await expect(this.root).toBeHidden();
  }
}

export class MigrationPanel {
  readonly root: Locator;
  constructor(
    readonly page: Page,
    scope: Locator,
  ) {
    this.root = scope.getByTestId('migration-panel');
  }

  /** Opens the panel of the newest migration job from the Jobs drawer. */
  static async fromJobs(page: Page, title: RegExp): Promise<MigrationPanel> {
    await page.getByTestId('jobs-button').click();
    const drawer = page.getByTestId('jobs-drawer');
    const card = drawer.locator('[data-testid^="job-"]').filter({ hasText: title }).first();
    await expect(card).toBeVisible({ timeout: 30_000 });
    await card.locator('[data-testid$="-open"]').click();
    const m = modal(page, 'migration-panel-modal');
    await expect(m).toBeVisible();
    return new MigrationPanel(page, m);
  }

  async jobId(): Promise<string> {
    return (await this.root.getAttribute('data-job-id')) ?? '';
  }

  fig(id: string): Locator {
    return this.root.getByTestId(`mig-fig-${id}`);
  }

  get nonConvergence(): Locator {
    return this.root.getByTestId('mig-nonconv');
  }

  remedy(action: string): Locator {
    return this.root.getByTestId(`mig-remedy-${action}`);
  }

  /** Waits until the job has ended with `status`; returns the result card. */
  async ended(status: 'succeeded' | 'failed' | 'canceled', timeout = 90_000): Promise<Locator> {
    await expect(this.root).toHaveAttribute('data-status', status, { timeout });
    const result = this.root.getByTestId('mig-result');
    await expect(result).toBeVisible();
    return result;
  }

  /**
   * Steers the running migration from the panel's controls: its bandwidth (MiB/s, 0 = unlimited)
   * or its allowed downtime (ms); done when the control says the new value ("now …"). Retried
   * while the link to the source is coming back (a set refused then changes nothing).
   */
  async steer(which: 'bandwidth' | 'downtime', value: number, timeout = 30_000): Promise<void> {
    const c = this.root.getByTestId('mig-controls');
    const now = which === 'downtime' ? `now ${value} ms` : value === 0 ? 'now unlimited' : `now ${value} MiB/s`;
    await expect(async () => {
      await c.getByTestId(`mig-${which}-input`).fill(String(value));
      await c.getByTestId(`mig-${which}-set`).click();
      await expect(c).toContainText(now, { timeout: 3_000 });
    }).toPass({ timeout });
  }

  /** Waits for the live percentage to reach `pct` %. */
  async reaches(pct: number, timeout = 60_000): Promise<void> {
    await expect
      .poll(async () => Number(((await this.root.getByTestId('mig-percent').textContent()) ?? '0').replace(/[^0-9]/g, '')), {
        timeout,
        intervals: [200],
      })
      .toBeGreaterThanOrEqual(pct);
  }
}
