/** The Add-host dialog and the host-key prompt that follows on a first connect. */
import { expect, type Locator, type Page } from '@playwright/test';

export type AuthChoice = { kind: 'agent' } | { kind: 'key'; path: string } | { kind: 'password'; password: string };

export interface NewHost {
  address: string;
  name?: string;
  user?: string;
  port?: number;
  /** ProxyJump: `[user@]host[:port]`. */
  jump?: string;
  /** "Connect when Vireo starts" (checked by default for a new host). */
  autoconnect?: boolean;
  /** The libvirt URI on the host (the dialog's default: qemu:///system). */
  uri?: string;
  auth: AuthChoice;
}

/** A Mantine modal by its test id: the dialog element itself (the root element has no box of its own). */
export function modal(page: Page, testId: string): Locator {
  return page.getByTestId(testId).getByRole('dialog');
}

const AUTH_LABEL = { agent: 'SSH agent', key: 'Key file', password: 'Password' } as const;

export class AddHostDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = modal(page, 'add-host-modal');
  }

  /** Opens the dialog from the empty state or the sidebar, whichever is there. */
  async open(): Promise<void> {
    const empty = this.page.getByTestId('empty-add-host');
    if (await empty.isVisible()) await empty.click();
    else await this.page.getByTestId('sidebar-add-host').click();
    await expect(this.root).toBeVisible();
  }

  async fill(h: NewHost): Promise<void> {
    await this.root.locator('input[name=address]').fill(h.address);
    if (h.name) await this.root.locator('input[name=name]').fill(h.name);
    if (h.user) await this.root.locator('input[name=user]').fill(h.user);
    if (h.port) await this.root.locator('input[name=port]').fill(String(h.port));
    if (h.jump !== undefined) await this.root.locator('input[name=jump]').fill(h.jump);
    await this.root.getByText(AUTH_LABEL[h.auth.kind], { exact: true }).click();
    if (h.auth.kind === 'key') await this.root.locator('input[name=keyPath]').fill(h.auth.path);
    if (h.auth.kind === 'password') await this.root.locator('input[name=password]').fill(h.auth.password);
    if (h.autoconnect !== undefined) await this.root.locator('input[name=autoconnect]').setChecked(h.autoconnect);
    if (h.uri !== undefined) await this.root.locator('input[name=uri]').fill(h.uri);
  }

  async submit(): Promise<void> {
    await this.root.getByTestId('add-host-submit').click();
  }

  /** The inline error of a failed add (SSH's or libvirt's own words). */
  get error(): Locator {
    return this.root.getByTestId('error-alert');
  }

  async cancel(): Promise<void> {
    await this.root.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.root).toBeHidden();
  }
}

export class HostKeyPrompt {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = modal(page, 'prompt-dialog');
  }

  /** Waits for the prompt and returns the fingerprint it shows. */
  async fingerprint(): Promise<string> {
    const fp = this.page.getByTestId('prompt-fingerprint');
    await expect(fp).toBeVisible();
    return ((await fp.textContent()) ?? '').trim();
  }

  /**
   * Trusts the key shown and waits until that prompt is gone. The next prompt (a jump host's
   * target, say) may open at once in the same place, so "gone" means hidden or showing another key.
   */
  async trust(): Promise<void> {
    const fp = this.page.getByTestId('prompt-fingerprint');
    const trusted = ((await fp.textContent()) ?? '').trim();
    await this.page.getByTestId('prompt-trust').click();
    await expect
      .poll(async () => ((await fp.isVisible()) ? ((await fp.textContent()) ?? '').trim() : null), {
        message: `the prompt for ${trusted} closes`,
      })
      .not.toBe(trusted);
  }
}
