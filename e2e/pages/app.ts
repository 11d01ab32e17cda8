/** The main window: the host tree in the sidebar and navigation between views. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppServer } from '../fixtures';
import { openApp } from '../fixtures';
import { AddHostDialog, HostKeyPrompt, type NewHost } from './add-host';
import { VmDetails } from './vm-details';
import { VmTable } from './vm-table';

export class VireoApp {
  readonly addHostDialog: AddHostDialog;
  readonly prompt: HostKeyPrompt;
  readonly table: VmTable;
  readonly details: VmDetails;

  constructor(readonly page: Page) {
    this.addHostDialog = new AddHostDialog(page);
    this.prompt = new HostKeyPrompt(page);
    this.table = new VmTable(page);
    this.details = new VmDetails(page);
  }

  async open(server: AppServer): Promise<void> {
    await openApp(this.page, server);
  }

  /** The sidebar entry of a host, found by its display name. */
  hostItem(name: string): Locator {
    return this.page.getByTestId('host-sidebar').locator(`[data-host-name="${name.replace(/"/g, '\\"')}"]`);
  }

  /** The generated host id of a host shown in the sidebar (its test ids use it). */
  async hostId(name: string): Promise<string> {
    const item = this.hostItem(name);
    await expect(item).toBeVisible();
    const testId = await item.getAttribute('data-testid');
    const id = testId?.replace(/^host-/, '');
    if (!id) throw new Error(`no host id for ${name}`);
    return id;
  }

  hostStatus(hostId: string): Locator {
    return this.page.getByTestId(`host-${hostId}-status`);
  }

  async expectConnected(name: string): Promise<string> {
    const id = await this.hostId(name);
    await expect(this.hostStatus(id)).toHaveAttribute('data-status', 'connected');
    return id;
  }

  /**
   * Adds a host through the dialog. With a fingerprint, the first-connect prompt must show exactly
   * it and is accepted; without, no prompt is expected (key already known).
   */
  async addHost(h: NewHost & { name: string }, expectFingerprint?: string): Promise<string> {
    await this.addHostDialog.open();
    await this.addHostDialog.fill(h);
    await this.addHostDialog.submit();
    if (expectFingerprint) {
      expect(await this.prompt.fingerprint()).toBe(expectFingerprint);
      await this.prompt.trust();
    }
    await expect(this.addHostDialog.root).toBeHidden({ timeout: 30_000 });
    return this.expectConnected(h.name);
  }

  async showAllVms(): Promise<void> {
    await this.page.getByTestId('nav-all').click();
    await expect(this.table.root).toBeVisible();
  }

  async openHost(name: string): Promise<void> {
    await this.hostItem(name).click();
    await expect(this.page.getByTestId('host-page-name')).toHaveText(name);
  }
}
