/**
 * Issue 19, the XML editor end to end in Chromium, on a shut-off copy of tiny written the way
 * virt-manager writes a definition (libosinfo metadata, pm, rng, a guest-agent channel) and with
 * a VNC password:
 * - the password never reaches the page (no WebSocket frame carries it) and survives every apply;
 * - a malformed edit is refused with libvirt's parser message and the line it names, a schema
 *   violation with libvirt's validator message: the definition is unchanged;
 * - a good edit shows its diff, applies, and virsh reads it back; "Undo last change" restores the
 *   previous definition;
 * - virt-manager's elements survive each edit (editor, undo, title and vCPUs changed in the Settings tab).
 */
import { randomBytes } from 'node:crypto';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { defineS19Vm, inactiveXml, removeS19Vm, type S19Vm, SettingsPanel, XmlEditorPage } from './pages/settings';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
if (!A) throw new Error('the lab describes no host A');
const run = randomBytes(3).toString('hex');
/** VNC passwords are at most 8 characters. */
const PASSWORD = `q${run}z`;

/** What virt-manager 4 writes beside libvirt's own elements. */
const VIRT_MANAGER = {
  metadata: `<metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
  </metadata>`,
  pm: `<pm>
    <suspend-to-mem enabled='no'/>
    <suspend-to-disk enabled='no'/>
  </pm>`,
  devices: `<channel type='unix'>
      <target type='virtio' name='org.qemu.guest_agent.0'/>
    </channel>
    <rng model='virtio'>
      <backend model='random'>/dev/urandom</backend>
    </rng>
    `,
};

/** Every virt-manager element is still in the definition libvirt keeps. */
function expectVirtManagerKept(xml: string): void {
  expect(xml).toContain('<libosinfo:os id="http://debian.org/debian/12"/>');
  expect(xml).toContain("<suspend-to-disk enabled='no'/>");
  expect(xml).toContain("name='org.qemu.guest_agent.0'");
  expect(xml).toContain("<backend model='random'>/dev/urandom</backend>");
}

let vm: S19Vm | undefined;

test.afterEach(async () => {
  await removeS19Vm(vm);
  vm = undefined;
});

test('XML editor: secrets stay home, bad edits refused by libvirt, a good one diffed, applied and undone, virt-manager’s elements kept', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(150_000);
  const name = `g19-xml-${run}`;
  vm = await defineS19Vm(name, {
    edit: (xml) =>
      xml
        .replace('</description>', `</description>\n  ${VIRT_MANAGER.metadata}`)
        .replace('<on_poweroff>', `${VIRT_MANAGER.pm}\n  <on_poweroff>`)
        .replace('<audio ', `${VIRT_MANAGER.devices}<audio `)
        .replace("<graphics type='vnc'", `<graphics type='vnc' passwd='${PASSWORD}'`),
  });
  expectVirtManagerKept(await inactiveXml(vm));
  expect(await inactiveXml(vm, true)).toContain(`passwd='${PASSWORD}'`);

  // Every frame the page receives: the password must be in none.
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(String(f.payload))));
  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  const app = new VireoApp(page);
  const editor = new XmlEditorPage(page);
  await openApp(page, server);
  const idA = await app.expectConnected(A.name);
  await app.showAllVms();
  await app.table.openDetails(name, idA);
  await editor.open();
  const base = (await backend.call('settings.xml.get', { hostId: idA, uuid: vm.uuid })).xml;
  expect(base).toContain('libosinfo:os');
  expect(base).not.toContain(PASSWORD);
  await page.screenshot({ path: testInfo.outputPath('xml-editor.png') });

  await test.step('completion from the host’s own libvirt schema: what <devices> may hold, then an element’s attributes', async () => {
    const content = page.getByTestId('xml-code').locator('.cm-content');
    const options = page.locator('.cm-tooltip-autocomplete .cm-completionLabel');
    const at = base.indexOf('<devices>') + '<devices>'.length;
    await content.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(`${base.slice(0, at)}\n    `);
    await page.keyboard.type('<memb');
    await expect(options).toHaveText(['memballoon']);
    await page.keyboard.type('alloon autod');
    await expect(options).toHaveText(['autodeflate']);
    await page.screenshot({ path: testInfo.outputPath('xml-editor-completion.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(base);
    await expect(page.getByTestId('xml-modified')).toHaveCount(0);
  });

  await test.step('a malformed edit: libvirt’s parser message with its line, nothing changed', async () => {
    const before = await inactiveXml(vm as S19Vm, true);
    const lines = base.split('\n');
    const vcpuLine = lines.findIndex((l) => l.includes('<vcpu')) + 1;
    await editor.replaceText(base.replace(/<\/vcpu>/, '</vcpux>'));
    await editor.review();
    await page.getByTestId('xml-back').click(); // back to the editor, the edit kept
    await expect(page.getByTestId('xml-modified')).toBeVisible();
    await editor.review();
    await expect(editor.added).toHaveCount(1);
    await expect(editor.removed).toHaveCount(1);
    await expect(editor.added).toContainText('</vcpux>');
    await editor.apply();
    await expect(editor.error).toContainText('Opening and ending tag mismatch');
    await expect(editor.error).toContainText('nothing was changed');
    await expect(page.getByTestId('xml-error-line')).toHaveText(`libvirt points at line ${vcpuLine} (selected in the editor).`);
    await editor.root.screenshot({ path: testInfo.outputPath('xml-editor-malformed.png') });
    expect(await inactiveXml(vm as S19Vm, true)).toBe(before);
  });

  await test.step('an element the schema does not allow: libvirt’s validator refuses it, nothing changed', async () => {
    const before = await inactiveXml(vm as S19Vm, true);
    await editor.replaceText(base.replace('<devices>', '<devices>\n    <vireo-bogus/>'));
    await editor.review();
    await expect(editor.added).toContainText('<vireo-bogus/>');
    await editor.apply();
    await expect(editor.error).toContainText('failed to validate against schema');
    await editor.root.screenshot({ path: testInfo.outputPath('xml-editor-invalid.png') });
    expect(await inactiveXml(vm as S19Vm, true)).toBe(before);
  });

  const escaped = `edited in Vireo: "quotes" &lt;angle&gt; &amp; ünïcode ${run}`;
  await test.step('a good edit: its diff, then applied; virsh reads it back, the password and virt-manager’s elements kept', async () => {
    const edited = base
      .replace(/<description>[^<]*<\/description>/, `<description>${escaped}</description>`)
      .replace(/<on_crash>\w+<\/on_crash>/, '<on_crash>restart</on_crash>');
    await editor.replaceText(edited);
    await editor.review();
    await expect(editor.added).toHaveCount(2);
    await expect(editor.removed).toHaveCount(2);
    await expect(editor.added.first()).toContainText(escaped);
    await expect(editor.removed.first()).toContainText('Vireo lab initial guest (lab.sh)');
    await expect(editor.added.nth(1)).toContainText('<on_crash>restart</on_crash>');
    await page.getByTestId('xml-review').screenshot({ path: testInfo.outputPath('xml-editor-diff.png') });
    await editor.apply();
    await expect(page.getByTestId('xml-applied')).toContainText('libvirt accepted the definition.');
    await expect(page.getByTestId('xml-modified')).toHaveCount(0);
    const after = await inactiveXml(vm as S19Vm, true);
    expect(after).toContain(`<description>${escaped.replaceAll('"', '&quot;')}</description>`);
    expect(after).toContain('<on_crash>restart</on_crash>');
    expect(after).toContain(`passwd='${PASSWORD}'`);
    expectVirtManagerKept(after);
    const now = (await backend.call('settings.xml.get', { hostId: idA, uuid: (vm as S19Vm).uuid })).xml;
    expect(now).toContain('<on_crash>restart</on_crash>');
  });

  await test.step('undo last change: the previous definition is back, with its password and virt-manager’s elements', async () => {
    await page.getByTestId('xml-undo').click();
    await expect(page.getByTestId('xml-applied')).toContainText('The previous definition is back.');
    await expect(page.getByTestId('xml-undo')).toHaveCount(0);
    const after = await inactiveXml(vm as S19Vm, true);
    expect(after).toContain('<description>Vireo lab initial guest (lab.sh)</description>');
    expect(after).toContain('<on_crash>destroy</on_crash>');
    expect(after).toContain(`passwd='${PASSWORD}'`);
    expectVirtManagerKept(after);
  });

  await test.step('a definition changed elsewhere since the editor opened it: the apply is refused, the other change kept', async () => {
    const opened = (await backend.call('settings.xml.get', { hostId: idA, uuid: (vm as S19Vm).uuid })).xml;
    await virshOn('A', ['desc', (vm as S19Vm).uuid, '--config', `changed with virsh ${run}`]);
    await editor.replaceText(opened.replace('<on_crash>destroy</on_crash>', '<on_crash>restart</on_crash>'));
    await editor.review();
    await editor.apply();
    await expect(editor.error).toContainText('changed since the editor opened it');
    await expect(editor.error).toContainText('nothing was applied');
    const after = await inactiveXml(vm as S19Vm);
    expect(after).toContain(`changed with virsh ${run}`);
    expect(after).toContain('<on_crash>destroy</on_crash>');
    await page.getByTestId('xml-close').click();
    await expect(page.getByTestId('details-xml')).toContainText(`<name>${name}</name>`);
  });

  await test.step('a setting changed in the Settings tab keeps them too', async () => {
    const settings = new SettingsPanel(page);
    await settings.open();
    await page.getByTestId('settings-title').fill(`virt-manager's VM ${run}`);
    await page.getByTestId('settings-general-apply').click();
    await expect(page.getByTestId('settings-general-applied')).toContainText('Applied to the next boot');
    await page.getByTestId('settings-vcpus-max').fill('2');
    await page.getByTestId('settings-vcpus-apply').click();
    await expect(page.getByTestId('settings-vcpus-readout')).toHaveText('Next boot: 1 of 2');
    const after = await inactiveXml(vm as S19Vm, true);
    expect(after).toContain(`<title>virt-manager&apos;s VM ${run}</title>`);
    expect(after).toContain(`passwd='${PASSWORD}'`);
    expectVirtManagerKept(after);
  });

  expect(received.length).toBeGreaterThan(0);
  expect(received.filter((f) => f.includes(PASSWORD))).toEqual([]);
});
