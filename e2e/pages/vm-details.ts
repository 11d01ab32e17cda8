/** One VM's page: header actions, overview, graphs, XML. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';
import type { VmActionId } from './vm-table';

export class VmDetails {
  constructor(readonly page: Page) {}

  root(name: string, hostId: string): Locator {
    return this.page.getByTestId(`vm-details-${name}-${hostId}`);
  }

  action(name: string, hostId: string, action: VmActionId): Locator {
    return this.page.getByTestId(`vm-${name}-${hostId}-${action}`);
  }

  state(name: string, hostId: string): Locator {
    return this.page.getByTestId(`vm-${name}-${hostId}-state`);
  }

  async tab(which: 'overview' | 'graphs' | 'xml'): Promise<void> {
    await this.page.getByTestId(`details-tab-${which}`).click();
  }

  get xml(): Locator {
    return this.page.getByTestId('details-xml');
  }

  /** Delete through the dialog: check which volumes are ticked, tick more, type the name, confirm. */
  async delete(name: string, hostId: string, opts: { expectTicked?: string[]; volumesOf?: string[] } = {}): Promise<void> {
    await this.action(name, hostId, 'delete').click();
    const dialog = modal(this.page, 'delete-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('delete-disks')).toHaveAttribute('data-loaded', 'true');
    for (const target of opts.expectTicked ?? []) await expect(dialog.getByTestId(`delete-disk-${target}`)).toBeChecked();
    for (const target of opts.volumesOf ?? []) await dialog.getByTestId(`delete-disk-${target}`).check();
    await expect(dialog.getByTestId('delete-submit')).toBeDisabled();
    await dialog.getByTestId('delete-confirm-name').fill(name);
    await dialog.getByTestId('delete-submit').click();
    await expect(dialog).toBeHidden();
  }
}
