/** A host's Storage tab: its pools (actions, autostart, usage) and the picked pool's volumes. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';

export class StoragePage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('storage-tab');
  }

  /** Straight from the host tree: the host's "Storage" entry. */
  async openFromTree(hostId: string, hostName: string): Promise<void> {
    await this.page.getByTestId(`tree-storage-${hostId}`).click();
    await expect(this.page.getByTestId('host-page-name')).toHaveText(hostName);
    await expect(this.root).toBeVisible();
  }

  async open(): Promise<void> {
    await this.page.getByTestId('host-tab-storage').click();
    await expect(this.root).toBeVisible();
  }

  /** The row of a pool, by its exact name (any characters). */
  pool(name: string): Locator {
    return this.root
      .getByTestId('storage-pool')
      .filter({ has: this.page.getByTestId('storage-pool-name').getByText(name, { exact: true }) });
  }

  async poolAction(name: string, action: 'build' | 'start' | 'stop' | 'refresh' | 'delete' | 'undefine'): Promise<void> {
    await this.pool(name).getByTestId(`storage-pool-${action}`).click();
    if (action === 'delete' || action === 'undefine') await this.confirm();
  }

  async confirm(): Promise<void> {
    const dlg = modal(this.page, 'storage-confirm');
    await dlg.getByTestId('storage-confirm-ok').click();
    await expect(dlg).toBeHidden();
  }

  async definePool(name: string, path: string): Promise<void> {
    await this.page.getByTestId('storage-define-pool').click();
    const dlg = modal(this.page, 'storage-pool-form');
    await dlg.getByTestId('storage-pool-name-input').fill(name);
    await dlg.getByTestId('storage-pool-path-input').fill(path);
    await dlg.getByTestId('storage-pool-submit').click();
    await expect(dlg).toBeHidden();
  }

  get volumes(): Locator {
    return this.page.getByTestId('storage-volumes');
  }

  volume(name: string): Locator {
    return this.volumes
      .getByTestId('storage-volume')
      .filter({ has: this.page.getByTestId('storage-volume-name').getByText(name, { exact: true }) });
  }

  async createVolume(v: { name: string; format: 'qcow2' | 'raw'; sizeMiB: number; backing?: string }): Promise<void> {
    await this.volumes.getByTestId('storage-volume-create').click();
    const dlg = modal(this.page, 'storage-volume-form');
    await dlg.getByTestId('storage-volume-name-input').fill(v.name);
    await dlg.getByTestId(`storage-volume-format-${v.format}`).click();
    await dlg.getByTestId('storage-volume-size-input').fill(String(v.sizeMiB));
    if (v.backing) {
      await dlg.getByTestId('storage-volume-backing-input').click();
      await this.page.getByRole('option', { name: v.backing, exact: true }).click();
    }
    await dlg.getByTestId('storage-volume-submit').click();
    await expect(dlg).toBeHidden();
  }

  /** Opens the resize dialog, checks what it says it will do (live / offline), resizes. */
  async resize(name: string, sizeMiB: number, mode: RegExp): Promise<void> {
    await this.volume(name).getByTestId('storage-volume-resize').click();
    const dlg = modal(this.page, 'storage-resize-form');
    await expect(dlg.getByTestId('storage-resize-mode')).toHaveText(mode);
    await dlg.getByTestId('storage-resize-input').fill(String(sizeMiB));
    await dlg.getByTestId('storage-resize-submit').click();
    await expect(dlg).toBeHidden();
  }

  /** The job a clone or wipe of this panel started (the last one). */
  get volumeJob(): Locator {
    return this.volumes.getByTestId('storage-volume-job');
  }

  /** Waits for a job panel to follow a job other than `before` (the one it showed before the click), then for it to end `status`. */
  async expectNewJob(job: Locator, before: string | null, status = 'succeeded', timeout = 60_000): Promise<string> {
    await expect(job).toBeVisible({ timeout: 10_000 });
    if (before !== null) await expect(job).not.toHaveAttribute('data-job', before, { timeout: 10_000 });
    const id = (await job.getAttribute('data-job')) ?? '';
    expect(id).not.toBe('');
    await expect(job).toHaveAttribute('data-status', status, { timeout });
    return id;
  }

  private async jobBefore(job: Locator): Promise<string | null> {
    return (await job.count()) ? job.getAttribute('data-job') : null;
  }

  /** Clones a volume; the copy runs as a job shown in the panel, awaited until it succeeded. */
  async cloneVolume(name: string, copy: string, intoPool?: string): Promise<void> {
    const before = await this.jobBefore(this.volumeJob);
    await this.startClone(name, copy, intoPool);
    await this.expectNewJob(this.volumeJob, before);
  }

  /** Opens the clone dialog and submits it (the job is not awaited). */
  async startClone(name: string, copy: string, intoPool?: string): Promise<void> {
    await this.volume(name).getByTestId('storage-volume-clone').click();
    const dlg = modal(this.page, 'storage-clone-form');
    await dlg.getByTestId('storage-clone-name-input').fill(copy);
    if (intoPool) {
      await dlg.getByTestId('storage-clone-pool-input').click();
      await this.page.getByRole('option', { name: intoPool, exact: true }).click();
    }
    await dlg.getByTestId('storage-clone-submit').click();
    await expect(dlg).toBeHidden();
  }

  /** Wipes a volume (a job, awaited until it succeeded). */
  async wipeVolume(name: string): Promise<void> {
    const before = await this.jobBefore(this.volumeJob);
    await this.volume(name).getByTestId('storage-volume-wipe').click();
    await this.confirm();
    await this.expectNewJob(this.volumeJob, before);
  }

  /** Builds a pool (a job shown above the pools, awaited until it succeeded). */
  async buildPool(name: string): Promise<void> {
    const job = this.page.getByTestId('storage-pool-job');
    const before = await this.jobBefore(job);
    await this.poolAction(name, 'build');
    await this.expectNewJob(job, before);
  }

  async deleteVolume(name: string): Promise<void> {
    await this.volume(name).getByTestId('storage-volume-delete').click();
    await this.confirm();
  }
}
