/** The VM table, its row menu and the confirmations the actions ask for. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';

/** Test-id suffixes of the VM actions (vm-<name>-<hostId>-<action>). */
export type VmActionId =
  | 'start'
  | 'shutdown'
  | 'reboot'
  | 'reset'
  | 'pause'
  | 'resume'
  | 'hibernate'
  | 'nmi'
  | 'forceoff'
  | 'console'
  | 'delete'
  | 'details';

/** The state words the UI shows, by libvirt state. */
export const STATE_LABEL = { running: 'Running', paused: 'Paused', shutoff: 'Shut off' } as const;

export class VmTable {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('domain-table');
  }

  row(name: string, hostId: string): Locator {
    return this.page.getByTestId(`vm-${name}-${hostId}`);
  }

  state(name: string, hostId: string): Locator {
    return this.page.getByTestId(`vm-${name}-${hostId}-state`);
  }

  async filter(text: string): Promise<void> {
    await this.page.getByTestId('domain-filter').fill(text);
  }

  /** Opens the row's menu with a right click (the context menu). */
  async contextMenu(name: string, hostId: string): Promise<Locator> {
    await this.row(name, hostId).click({ button: 'right' });
    const menu = this.page.getByTestId('vm-menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  /** Opens the row's "…" menu. */
  async rowMenu(name: string, hostId: string): Promise<Locator> {
    await this.page.getByTestId(`vm-${name}-${hostId}-actions`).click();
    const menu = this.page.getByTestId('vm-menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  menuItem(name: string, hostId: string, action: VmActionId): Locator {
    return this.page.getByTestId('vm-menu').getByTestId(`vm-${name}-${hostId}-${action}`);
  }

  async closeMenu(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('vm-menu')).toBeHidden();
  }

  /** Force off from the context menu, confirming the dialog. */
  async forceOff(name: string, hostId: string): Promise<void> {
    await this.contextMenu(name, hostId);
    await this.menuItem(name, hostId, 'forceoff').click();
    const dialog = modal(this.page, 'forceoff-dialog');
    await expect(dialog).toContainText(name);
    await this.page.getByTestId('forceoff-confirm').click();
    await expect(dialog).toBeHidden();
  }

  async openDetails(name: string, hostId: string): Promise<void> {
    await this.page.getByTestId(`vm-${name}-${hostId}-name`).click();
    await expect(this.page.getByTestId(`vm-details-${name}-${hostId}`)).toBeVisible();
  }
}
