/**
 * The VM's Settings tab and the XML tab's editor, and the specs' own lab VMs: copies of `tiny`'s
 * definition with a blank disk of their own in A's default pool (prefix `g19-`), removed after
 * each test whatever happened, so that other specs using `tiny` are not disturbed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { guestVmXml } from '../lab/guest-vm';
import { virshOn } from '../lab/lab';

export interface S19Vm {
  name: string;
  uuid: string;
  volume: string;
}

/** virsh define of an XML text (through a temp file: /tmp is shared with the lab hosts). */
export async function defineXml(xml: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vireo-s19-'));
  try {
    const file = join(dir, 'domain.xml');
    writeFileSync(file, xml);
    await virshOn('A', ['define', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * tiny's definition without its name, UUID, MAC and disk (e2e/lab/guest-vm.ts), with what a
 * virt-manager-made VM has besides: a description, boot device, USB controller, inputs, VNC, video.
 */
function tinyLike(name: string, disk: string): string {
  return guestVmXml({
    name,
    disk,
    extra: '\n  <description>Vireo lab initial guest (lab.sh)</description>',
    os: "\n    <boot dev='hd'/>",
    devices: `
    <controller type='usb' index='0' model='qemu-xhci'/>
    <input type='mouse' bus='ps2'/>
    <input type='keyboard' bus='ps2'/>
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <audio id='1' type='none'/>
    <video>
      <model type='vga' vram='16384' heads='1' primary='yes'/>
    </video>`,
  });
}

/**
 * Defines on host A a tiny-like VM named `name` (libvirt makes its UUID and MAC) on a new blank
 * 64 MiB qcow2 volume; `edit` changes the XML text first; `start` boots it.
 */
export async function defineS19Vm(name: string, opts: { edit?: (xml: string) => string; start?: boolean } = {}): Promise<S19Vm> {
  const volume = `${name}.qcow2`;
  await virshOn('A', ['vol-create-as', 'default', volume, '64M', '--format', 'qcow2']);
  let xml = tinyLike(name, `/var/lib/libvirt/images/${volume}`);
  if (opts.edit) xml = opts.edit(xml);
  try {
    await defineXml(xml);
  } catch (err) {
    await virshOn('A', ['vol-delete', '--pool', 'default', volume]).catch(() => '');
    throw err;
  }
  const uuid = (await virshOn('A', ['domuuid', name])).trim();
  if (opts.start) await virshOn('A', ['start', name]);
  return { name, uuid, volume };
}

/** Removes the VM (by UUID: it may have been renamed) and its volume; never throws. */
export async function removeS19Vm(vm: S19Vm | undefined): Promise<void> {
  if (!vm) return;
  const quiet = (args: string[]) => virshOn('A', args).catch(() => '');
  await quiet(['destroy', vm.uuid]);
  await quiet(['undefine', vm.uuid, '--managed-save', '--snapshots-metadata', '--nvram']);
  if (vm.volume) await quiet(['vol-delete', '--pool', 'default', vm.volume]);
}

/** The definition for the next boot as virsh prints it (with --security-info: the passwords). */
export async function inactiveXml(vm: S19Vm, secure = false): Promise<string> {
  return virshOn('A', ['dumpxml', '--inactive', ...(secure ? ['--security-info'] : []), vm.uuid]);
}

export class XmlEditorPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('xml-editor');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('details-tab-xml').click();
    await this.page.getByTestId('xml-edit').click();
    await expect(this.root).toBeVisible();
    await expect(this.page.getByTestId('xml-code').locator('.cm-content')).toBeVisible();
  }

  /** Replaces the editor's whole text, typed as a paste would. */
  async replaceText(text: string): Promise<void> {
    const content = this.page.getByTestId('xml-code').locator('.cm-content');
    await content.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
    await expect(this.page.getByTestId('xml-modified')).toBeVisible();
  }

  async review(): Promise<Locator> {
    await this.page.getByTestId('xml-review-open').click();
    const review = this.page.getByTestId('xml-review');
    await expect(review).toBeVisible();
    return review;
  }

  get added(): Locator {
    return this.page.getByTestId('xml-diff-add');
  }

  get removed(): Locator {
    return this.page.getByTestId('xml-diff-del');
  }

  async apply(): Promise<void> {
    await this.page.getByTestId('xml-apply').click();
  }

  get error(): Locator {
    return this.root.getByTestId('error-alert');
  }
}

export class SettingsPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('settings-panel');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('details-tab-settings').click();
    await expect(this.root).toBeVisible();
  }

  section(id: string): Locator {
    return this.page.getByTestId(`settings-${id}`);
  }
}
