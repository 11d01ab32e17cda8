/** A VM's Resources tab (QoS): scope, CPU weight/cap and pinning, disk limits, NIC bandwidth. */
import { expect, type Locator, type Page } from '@playwright/test';

export type Scope = 'live' | 'config' | 'both';
export type DiskField = 'total_bytes_sec' | 'read_bytes_sec' | 'write_bytes_sec' | 'total_iops_sec' | 'read_iops_sec' | 'write_iops_sec';
export type NicDir = 'inbound' | 'outbound';
export type NicPart = 'average' | 'peak' | 'burst';

export const nicId = (mac: string): string => `qos-nic-${mac.replace(/:/g, '').toLowerCase()}`;

export class QosPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('qos-panel');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('details-tab-resources').click();
    await expect(this.root).toBeVisible();
  }

  async scope(s: Scope): Promise<void> {
    await this.page.getByTestId(`qos-scope-${s}`).click();
    await expect(this.page.getByTestId('qos-scope')).toHaveAttribute('data-value', s);
  }

  /** A section by its test id prefix: 'qos-disk-vda', nicId(mac), 'qos-cpu', 'qos-pin'. */
  section(id: string): Locator {
    return this.page.getByTestId(id);
  }

  apply(id: string): Locator {
    return this.page.getByTestId(`${id}-apply`);
  }

  /** The green/yellow outcome after an Apply (data-differences = how many values libvirt reports otherwise). */
  applied(id: string): Locator {
    return this.page.getByTestId(`${id}-applied`);
  }

  error(id: string): Locator {
    return this.page.getByTestId(`${id}-error`);
  }

  /** What libvirt reports now: side 'live' (running VM) or 'config' (next boot). */
  readout(id: string, side: 'live' | 'config'): Locator {
    return this.page.getByTestId(`${id}-${side}`);
  }

  diskInput(target: string, field: DiskField): Locator {
    return this.page.getByTestId(`qos-disk-${target}-${field}-value`);
  }

  async setDisk(target: string, field: DiskField, value: string, unit?: string): Promise<void> {
    if (unit) await this.page.getByTestId(`qos-disk-${target}-${field}-unit`).selectOption({ label: unit });
    await this.diskInput(target, field).fill(value);
  }

  /** The validation message under a field (a RateField's own box). */
  fieldError(fieldTestId: string): Locator {
    return this.page.getByTestId(fieldTestId).locator('.mantine-InputWrapper-error');
  }

  async preset(target: string, preset: 'unlimited' | 'hdd' | 'ssd' | 'usb2'): Promise<void> {
    await this.page.getByTestId(`qos-disk-${target}-preset-${preset}`).click();
  }

  async unlimited(mac: string, dir: NicDir, on: boolean): Promise<void> {
    const sw = this.page.getByTestId(`${nicId(mac)}-${dir}-unlimited`);
    if ((await sw.isChecked()) !== on) await sw.click({ force: true });
    await expect(sw).toBeChecked({ checked: on });
  }

  nicInput(mac: string, dir: NicDir, part: NicPart): Locator {
    return this.page.getByTestId(`${nicId(mac)}-${dir}-${part}-value`);
  }

  async setNic(mac: string, dir: NicDir, part: NicPart, value: string): Promise<void> {
    await this.nicInput(mac, dir, part).fill(value);
  }

  get shares(): Locator {
    return this.page.getByTestId('qos-cpu-shares');
  }

  pinCell(row: number | 'emulator', cpu: number): Locator {
    return this.page.getByTestId(`${row === 'emulator' ? 'qos-pin-emulator' : `qos-pin-vcpu${row}`}-cpu${cpu}`);
  }

  pinNow(row: number | 'emulator'): Locator {
    return this.page.getByTestId(`${row === 'emulator' ? 'qos-pin-emulator' : `qos-pin-vcpu${row}`}-now`);
  }
}
