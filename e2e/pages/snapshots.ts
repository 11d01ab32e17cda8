/** A VM's Snapshots tab: the tree, and the take / revert / delete dialogs. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SnapshotsTab {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('snapshots-tab');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('details-tab-snapshots').click();
    await expect(this.root).toBeVisible({ timeout: 30_000 });
  }

  get rows(): Locator {
    return this.root.getByTestId('snapshot-row');
  }

  /** The row of a snapshot by its exact name (any characters). */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('snapshot-name-text').getByText(name, { exact: true }) });
  }

  /** Row names in tree order, with their depth: ['a:0', 'b:1']. */
  async tree(): Promise<string[]> {
    return this.rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-name')}:${e.getAttribute('data-depth')}`));
  }

  async openCreate(): Promise<Locator> {
    await this.root.getByTestId('snapshot-create').click();
    const d = this.page.getByTestId('snapshot-create-dialog');
    await expect(d.getByTestId('snapshot-name')).toBeVisible();
    return d;
  }

  async create(o: {
    name: string;
    description?: string;
    kind: 'internal' | 'external';
    memory?: boolean;
    exclude?: string[];
  }): Promise<void> {
    const d = await this.openCreate();
    await d.getByTestId('snapshot-name').fill(o.name);
    if (o.description) await d.getByTestId('snapshot-description').fill(o.description);
    await d.getByTestId(`snapshot-kind-${o.kind}`).check();
    if (o.memory) {
      await d.getByTestId('snapshot-memory').check();
      // memory state and a disk left out exclude each other (the RAM would resume over a disk that moved on)
      for (const inc of await d.locator('[data-testid^="snapshot-disk-include-"]').all()) await expect(inc).toBeDisabled();
    }
    for (const t of o.exclude ?? []) await d.getByTestId(`snapshot-disk-include-${t}`).uncheck();
    if (o.exclude?.length && o.kind === 'external') {
      await expect(d.getByTestId('snapshot-memory')).toBeDisabled();
      await expect(d.getByTestId('snapshot-memory-why')).toContainText('a disk that moved on');
    }
    await d.getByTestId('snapshot-create-submit').click();
    await expect(d.getByTestId('snapshot-create-submit')).toBeHidden({ timeout: 60_000 });
    await expect(this.row(o.name)).toHaveAttribute('data-current', 'true');
  }

  async revert(
    name: string,
    o: { saveCurrentAs?: string; expectByVireo?: boolean; memory?: boolean; saveLabel?: string } = {},
  ): Promise<void> {
    await this.row(name).getByTestId('snapshot-revert').click();
    const d = this.page.getByTestId('snapshot-revert-dialog');
    await expect(d.getByTestId('snapshot-revert-confirm')).toBeVisible();
    if (o.expectByVireo !== undefined) await expect(d.getByTestId('snapshot-revert-by-vireo')).toHaveCount(o.expectByVireo ? 1 : 0);
    if (o.memory !== undefined) await expect(d.getByTestId('snapshot-revert-memory')).toHaveCount(o.memory ? 1 : 0);
    // "snapshot the current state first": what it keeps of a running VM, in its label
    if (o.saveLabel) await expect(d).toContainText(o.saveLabel);
    if (o.saveCurrentAs) {
      await d.getByTestId('snapshot-save-current').check();
      await d.getByTestId('snapshot-save-current-name').fill(o.saveCurrentAs);
    }
    await d.getByTestId('snapshot-revert-confirm').click();
    await expect(d.getByTestId('snapshot-revert-confirm')).toBeHidden({ timeout: 60_000 });
    await expect(this.row(name)).toHaveAttribute('data-current', 'true');
  }

  /** Opens the delete dialog of a snapshot. */
  async openDelete(name: string): Promise<Locator> {
    await this.row(name).getByTestId('snapshot-delete').click();
    const d = this.page.getByTestId('snapshot-delete-dialog');
    await expect(d.getByTestId('snapshot-delete-confirm')).toBeVisible();
    return d;
  }

  /**
   * Deletes through the dialog (with a method for an external snapshot of a running VM, its
   * children when asked); waits for the job's end and for the rows to go.
   */
  async delete(name: string, method?: 'libvirt' | 'blockjobs', o: { children?: string[]; revertedAway?: boolean } = {}): Promise<void> {
    const d = await this.openDelete(name);
    if (method) await d.getByTestId(`snapshot-delete-method-${method}`).check();
    if (o.revertedAway !== undefined) await expect(d.getByTestId('snapshot-delete-reverted-away')).toHaveCount(o.revertedAway ? 1 : 0);
    if (o.children) {
      await expect(d.getByTestId('snapshot-delete-children')).toBeVisible();
      await expect(d.getByText(`child snapshot${o.children.length === 1 ? '' : 's'}: ${o.children.join(', ')}`)).toBeVisible();
      await d.getByTestId('snapshot-delete-children').check();
    }
    await d.getByTestId('snapshot-delete-confirm').click();
    await expect(d.getByTestId('snapshot-job')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    await d.getByTestId('snapshot-delete-close').click();
    await expect(d.getByTestId('snapshot-delete-close')).toBeHidden();
    for (const n of [name, ...(o.children ?? [])]) await expect(this.row(n)).toHaveCount(0);
  }
}
