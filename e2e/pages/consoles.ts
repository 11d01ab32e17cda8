/** The console dock: serial consoles (xterm.js) and VNC displays (noVNC), one tab per VM and kind. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { readLab, virshOn } from '../lab/lab';

export class ConsoleDock {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('console-dock');
  }

  tab(kind: 'serial' | 'vnc', name: string): Locator {
    return this.page.getByTestId(`console-tab-${kind}-${name}`);
  }

  serial(name: string): Locator {
    return this.page.getByTestId(`console-serial-${name}`);
  }

  /** The terminal's visible rows (xterm's DOM renderer). */
  screen(name: string): Locator {
    return this.serial(name).locator('.xterm-rows');
  }

  vnc(name: string): Locator {
    return this.page.getByTestId(`console-vnc-${name}`);
  }

  canvas(name: string): Locator {
    return this.vnc(name).getByTestId('vnc-screen').locator('canvas');
  }

  async expectOpen(kind: 'serial' | 'vnc', name: string, opts: { host?: string; timeout?: number } = {}): Promise<void> {
    const el = kind === 'serial' ? this.serial(name) : this.vnc(name);
    await expect(el).toHaveAttribute('data-state', 'open', { timeout: opts.timeout ?? 30_000 });
    if (opts.host) await expect(el).toHaveAttribute('data-host', opts.host, { timeout: opts.timeout ?? 30_000 });
  }

  /** Types a line into the serial console (the terminal takes the keyboard when clicked). */
  async typeLine(name: string, line: string): Promise<void> {
    await this.serial(name).getByTestId('console-terminal').click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  async size(name: string): Promise<{ cols: number; rows: number }> {
    const el = this.serial(name);
    return { cols: Number(await el.getAttribute('data-cols')), rows: Number(await el.getAttribute('data-rows')) };
  }
}

/**
 * Established TCP connections from a process (the backend) to a lab host's sshd, counted from
 * `ss` in this (the root) namespace. Other people's processes are told apart by pid.
 */
export function sshSessions(pid: number, address: string): number {
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', '( dport = :22 )'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`${address}:22`) && l.includes(`pid=${pid},`)).length;
}

/**
 * A throwaway guest on lab host A built like tiny (no disk, no UUID/MAC, no serial log), changed by
 * `edit` — e.g. without a serial port, or with a VNC password. Defined and started with virsh on A
 * (the hosts see the machine's /tmp); returns a function that removes it again.
 */
export async function throwawayGuest(name: string, edit: (xml: string) => string): Promise<() => Promise<void>> {
  const lab = readLab();
  const xml = edit(
    readFileSync(`${lab.dir}/xml/tiny.xml`, 'utf8')
      .replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`)
      .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
      .replace(/\s*<description>[^<]*<\/description>/, '')
      .replace(/\s*<mac address=[^>]*\/>/, '')
      .replace(/\s*<log file=[^>]*\/>/, '')
      .replace(/\s*<disk [\s\S]*?<\/disk>/, ''),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'vireo-e2e-guest-')), `${name}.xml`);
  writeFileSync(file, xml);
  await virshOn('A', ['define', file]);
  await virshOn('A', ['start', name]);
  return async () => {
    await virshOn('A', ['destroy', name]).catch(() => {});
    await virshOn('A', ['undefine', name]).catch(() => {});
  };
}

/** The serial port and console of a guest's XML removed. */
export const withoutSerial = (xml: string): string =>
  xml.replace(/\s*<serial [\s\S]*?<\/serial>/, '').replace(/\s*<console [\s\S]*?<\/console>/, '');
