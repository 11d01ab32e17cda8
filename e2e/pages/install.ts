/** The install wizard: "New VM" on a host's page. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';

export interface KernelSource {
  kernel: string;
  initrd?: string;
  cmdline: string;
}

export interface Resources {
  name: string;
  vcpus?: number;
  memoryMiB?: number;
  disk?: { pool?: string; sizeMiB: number; format?: 'qcow2' | 'raw' };
  /** 'bridge:labbr0', 'network:default', 'none'. */
  nic?: string;
  virtType?: 'kvm' | 'qemu';
  start?: boolean;
}

export class InstallWizard {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return modal(this.page, 'install-wizard');
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** From the host's page: "New VM". */
  async open(): Promise<void> {
    await this.id('host-page-new-vm').click();
    await expect(this.root).toBeVisible();
    await expect(this.id('install-step-source')).toBeVisible({ timeout: 30_000 });
  }

  async os(label: string): Promise<void> {
    await this.id('install-os').click();
    await this.id('install-os').fill(label);
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await expect(this.id('install-os')).toHaveValue(label);
  }

  async kernelSource(s: KernelSource): Promise<void> {
    await this.id('install-source-kernel').check();
    await this.id('install-kernel').fill(s.kernel);
    await this.id('install-initrd').fill(s.initrd ?? '');
    await this.id('install-cmdline').fill(s.cmdline);
  }

  async isoSource(pool: string): Promise<void> {
    await this.id('install-source-iso').check();
    await this.id('install-iso-pool').selectOption(pool);
  }

  /** Uploads a local file as an ISO and waits until the pool lists it (and it is picked). */
  async uploadIso(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.id('install-upload-input').setInputFiles(file);
    await expect(this.id('install-upload-job')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    await expect(this.id('install-iso-volume')).toHaveValue(file.name, { timeout: 15_000 });
  }

  async next(): Promise<void> {
    await this.id('install-next').click();
  }

  async resources(r: Resources): Promise<void> {
    await expect(this.id('install-step-resources')).toBeVisible();
    await this.id('install-name').fill(r.name);
    if (r.vcpus !== undefined) await this.id('install-vcpus').fill(String(r.vcpus));
    if (r.memoryMiB !== undefined) await this.id('install-memory').fill(String(r.memoryMiB));
    if (r.virtType) await this.acceleration(r.virtType);
    if (r.disk) {
      await this.id('install-disk-kind').getByText('New volume').click();
      if (r.disk.pool) await this.id('install-disk-pool').selectOption(r.disk.pool);
      await this.id('install-disk-size').fill(String(r.disk.sizeMiB));
      await this.id('install-disk-unit').selectOption('MiB');
      if (r.disk.format) await this.id('install-disk-format').selectOption(r.disk.format);
    }
    if (r.nic) await this.id('install-nic').selectOption(r.nic);
    if (r.start !== undefined) await this.id('install-start').setChecked(r.start);
  }

  /**
   * Picks the acceleration. A host with KVM offers a choice (KVM or QEMU); a host without it shows
   * one read-only field (QEMU software emulation): QEMU works on both, KVM only on the first.
   */
  async acceleration(virtType: 'kvm' | 'qemu'): Promise<void> {
    const field = this.id('install-step-resources').getByLabel('Acceleration', { exact: true });
    await expect(field).toBeVisible();
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') {
      await field.selectOption(virtType);
      return;
    }
    if (virtType === 'kvm') throw new Error('this host offers no KVM (the wizard shows QEMU software emulation only)');
    await expect(field).toHaveValue('QEMU software emulation');
  }

  /** Next from resources; waits for the review (the host checked the spec). */
  async review(): Promise<Locator> {
    await this.next();
    const review = this.id('install-step-review');
    await expect(review).toBeVisible({ timeout: 30_000 });
    return review;
  }

  get xml(): Locator {
    return this.id('install-review-xml');
  }

  get defaults(): Locator {
    return this.id('install-defaults');
  }

  get warnings(): Locator {
    return this.id('install-warnings');
  }

  async create(): Promise<Locator> {
    await this.id('install-create').click();
    const job = this.id('install-job');
    await expect(job).toBeVisible({ timeout: 30_000 });
    return job;
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}
