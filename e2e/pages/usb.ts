/** A VM's USB tab: its devices, the host-device picker and the emulated-device dialog. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';

export class UsbPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('usb-panel');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('details-tab-usb').click();
    await expect(this.root).toBeVisible();
  }

  async scope(s: 'live' | 'config' | 'both'): Promise<void> {
    await this.page.getByTestId(`usb-scope-${s}`).click();
    await expect(this.page.getByTestId('usb-scope')).toHaveAttribute('data-value', s);
  }

  /** The VM's USB devices of one kind ('tablet', 'disk', 'hostdev' …). */
  devices(kind?: string): Locator {
    const rows = this.root.getByTestId('usb-vm-device');
    return kind ? rows.and(this.page.locator(`[data-kind="${kind}"]`)) : rows;
  }

  async detach(kind: string): Promise<void> {
    await this.devices(kind).getByTestId('usb-vm-device-detach').click();
  }

  // ---- the host-device picker
  get picker(): Locator {
    return modal(this.page, 'usb-picker');
  }

  async openPicker(): Promise<Locator> {
    await this.page.getByTestId('usb-attach-host').click();
    await expect(this.picker).toBeVisible();
    return this.picker;
  }

  hostDevice(name: string): Locator {
    return this.picker.getByTestId(`usb-host-${name}`);
  }

  // ---- emulated devices
  get emulated(): Locator {
    return modal(this.page, 'usb-emulated');
  }

  async addEmulated(kind: 'tablet' | 'keyboard' | 'mouse'): Promise<void> {
    await this.page.getByTestId('usb-attach-emulated').click();
    await expect(this.emulated).toBeVisible();
    await this.emulated.getByTestId(`usb-emu-kind-${kind}`).click();
    await this.emulated.getByTestId('usb-emu-attach').click();
    await expect(this.emulated).toBeHidden();
  }

  /** A USB disk on a new blank volume in `pool`. */
  async addNewDisk(pool: string, volume: string, sizeMiB: number): Promise<void> {
    await this.page.getByTestId('usb-attach-emulated').click();
    await expect(this.emulated).toBeVisible();
    await this.emulated.getByTestId('usb-emu-kind-disk').click();
    await expect(this.emulated.getByTestId('usb-emu-pool')).toHaveValue(new RegExp(`^${pool}`));
    await this.emulated.getByTestId('usb-emu-source-new').click();
    await this.emulated.getByTestId('usb-emu-volume-name').fill(volume);
    await this.emulated.getByTestId('usb-emu-size').fill(String(sizeMiB));
    await this.emulated.getByTestId('usb-emu-attach').click();
    await expect(this.emulated).toBeHidden({ timeout: 30_000 });
  }
}
