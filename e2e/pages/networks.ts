/** A host's "Networks" tab: the networks table, the create form and one network's DHCP panel. */
import { expect, type Locator, type Page } from '@playwright/test';
import { modal } from './add-host';

export interface StaticHost {
  mac: string;
  ip: string;
  name?: string;
}

export interface NewNetwork {
  name: string;
  mode: 'nat' | 'route' | 'isolated' | 'open' | 'bridge';
  bridge?: string;
  address?: string;
  prefix?: number;
  dhcp?: { start: string; end: string };
  hosts?: StaticHost[];
  ipv6?: { address: string; prefix?: number; dhcp?: { start: string; end: string } };
}

export class NetworksTab {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('networks-tab');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('host-tab-networks').click();
    await expect(this.root).toBeVisible();
  }

  /** A network's row, found by its exact name (any characters). */
  row(name: string): Locator {
    return this.root.getByTestId('network-row').filter({ has: this.page.getByTestId('network-name').getByText(name, { exact: true }) });
  }

  get error(): Locator {
    return this.root.getByTestId('networks-error');
  }

  // ---- the create form
  get form(): Locator {
    return modal(this.page, 'network-form');
  }

  /** Opens the form and fills it (static hosts: one row each, added with "Add static host"). */
  async fill(n: NewNetwork): Promise<void> {
    await this.root.getByTestId('networks-create').click();
    await expect(this.form).toBeVisible();
    const f = this.form;
    await f.getByTestId('network-form-name').fill(n.name);
    await f.getByTestId(`network-form-mode-${n.mode}`).check();
    if (n.bridge !== undefined) await f.getByTestId('network-form-bridge').fill(n.bridge);
    if (n.address !== undefined) await f.getByTestId('network-form-address').fill(n.address);
    if (n.prefix !== undefined) await f.getByTestId('network-form-prefix').fill(String(n.prefix));
    if (n.dhcp) {
      await f.getByTestId('network-form-dhcp-start').fill(n.dhcp.start);
      await f.getByTestId('network-form-dhcp-end').fill(n.dhcp.end);
    }
    for (const [i, h] of (n.hosts ?? []).entries()) {
      await f.getByTestId('network-form-host-add').click();
      const row = f.getByTestId('network-form-host').nth(i);
      await row.getByTestId('network-form-host-mac').fill(h.mac);
      await row.getByTestId('network-form-host-ip').fill(h.ip);
      if (h.name) await row.getByTestId('network-form-host-name').fill(h.name);
    }
    if (n.ipv6) {
      await f.getByTestId('network-form-address6').fill(n.ipv6.address);
      if (n.ipv6.prefix !== undefined) await f.getByTestId('network-form-prefix6').fill(String(n.ipv6.prefix));
      if (n.ipv6.dhcp) {
        await f.getByTestId('network-form-dhcp6-start').fill(n.ipv6.dhcp.start);
        await f.getByTestId('network-form-dhcp6-end').fill(n.ipv6.dhcp.end);
      }
    }
  }

  /** "Define only": defined, not started. */
  async defineOnly(n: NewNetwork): Promise<void> {
    await this.fill(n);
    await this.form.getByTestId('network-form-define').click();
    await expect(this.form).toBeHidden({ timeout: 30_000 });
    await expect(this.row(n.name)).toHaveAttribute('data-active', 'false');
  }

  /**
   * "Edit…" on a network: the DHCP range (null: none), the static hosts wanted (the rows are
   * replaced), autostart; saved. Returns the result panel (what went live, pending or saved).
   */
  async edit(
    name: string,
    e: { dhcp?: { start: string; end: string } | null; hosts?: StaticHost[]; autostart?: boolean },
  ): Promise<Locator> {
    await this.row(name).getByTestId('network-edit').click();
    const f = this.form;
    await expect(f).toBeVisible();
    if (e.dhcp !== undefined) {
      await f.getByTestId('network-form-dhcp-start').fill(e.dhcp?.start ?? '');
      await f.getByTestId('network-form-dhcp-end').fill(e.dhcp?.end ?? '');
    }
    if (e.hosts) {
      while ((await f.getByTestId('network-form-host').count()) > 0) await f.getByTestId('network-form-host-remove').first().click();
      for (const [i, h] of e.hosts.entries()) {
        await f.getByTestId('network-form-host-add').click();
        const row = f.getByTestId('network-form-host').nth(i);
        await row.getByTestId('network-form-host-mac').fill(h.mac);
        await row.getByTestId('network-form-host-ip').fill(h.ip);
        if (h.name) await row.getByTestId('network-form-host-name').fill(h.name);
      }
    }
    const sw = f.getByTestId('network-form-autostart');
    if (e.autostart !== undefined && (await sw.isChecked()) !== e.autostart) await sw.click({ force: true });
    await f.getByTestId('network-form-save').click();
    const result = f.getByTestId('network-edit-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    return result;
  }

  async closeEdit(): Promise<void> {
    await this.form.getByTestId('network-edit-done').click();
    await expect(this.form).toBeHidden();
  }

  async submit(): Promise<void> {
    await this.form.getByTestId('network-form-submit').click();
  }

  async create(n: NewNetwork): Promise<void> {
    await this.fill(n);
    await this.submit();
    await expect(this.form).toBeHidden({ timeout: 30_000 });
    await expect(this.row(n.name)).toHaveAttribute('data-active', 'true');
  }

  async cancel(): Promise<void> {
    await this.form.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.form).toBeHidden();
  }

  // ---- one network's actions
  async delete(name: string): Promise<void> {
    await this.row(name).getByTestId('network-delete').click();
    await this.row(name).getByTestId('network-delete-confirm').click();
  }

  // ---- the DHCP panel
  get dhcp(): Locator {
    return this.root.getByTestId('dhcp-panel');
  }

  async openDhcp(name: string): Promise<void> {
    await this.row(name).getByTestId('network-dhcp-open').click();
    await expect(this.dhcp).toHaveAttribute('data-network', name);
  }

  lease(mac: string): Locator {
    return this.dhcp.locator(`[data-testid="dhcp-lease"][data-mac="${mac}"]`);
  }

  staticHost(mac: string): Locator {
    return this.dhcp.locator(`[data-testid="dhcp-host"][data-mac="${mac}"]`);
  }

  /** A static host's row by its address (an IPv6 host has no MAC). */
  staticHostAt(ip: string): Locator {
    return this.dhcp.locator(`[data-testid="dhcp-host"][data-ip="${ip}"]`);
  }

  /** Adds an IPv6 static host (the network's IPv6 subnet picked): by host name, and DUID when given. */
  async addStaticHost6(h: { ip: string; name?: string; id?: string }): Promise<void> {
    await this.dhcp.getByTestId('dhcp-add-family-ipv6').check();
    await this.dhcp.getByTestId('dhcp-add-ip').fill(h.ip);
    await this.dhcp.getByTestId('dhcp-add-name').fill(h.name ?? '');
    await this.dhcp.getByTestId('dhcp-add-id').fill(h.id ?? '');
    await this.dhcp.getByTestId('dhcp-add-submit').click();
  }

  async addStaticHost(h: StaticHost): Promise<void> {
    await this.dhcp.getByTestId('dhcp-add-mac').fill(h.mac);
    await this.dhcp.getByTestId('dhcp-add-ip').fill(h.ip);
    if (h.name) await this.dhcp.getByTestId('dhcp-add-name').fill(h.name);
    await this.dhcp.getByTestId('dhcp-add-submit').click();
  }
}
