/**
 * Issue 10, VNC end to end: tiny's display in noVNC over the host's one SSH session, its canvas
 * showing what the guest draws on its VGA console, Ctrl+Alt+Del rebooting the guest (busybox
 * init: ::ctrlaltdel:/sbin/reboot, seen as the boot banner in the serial console open beside
 * it), a screenshot download, and one SSH session per host throughout.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { guestExec, labReset, readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { ConsoleDock, sshSessions, throwawayGuest, withoutSerial } from './pages/consoles';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
const B = lab.hosts.find((h) => h.id === 'B');
if (!A || !B) throw new Error('the lab describes no hosts A and B');
const BANNER = lab.guests.tiny?.banner ?? 'TINYGUEST BANNER';

test.beforeAll(async () => {
  const state = await virshOn('A', ['domstate', 'tiny']).catch(() => '');
  if (state.trim() !== 'running') await labReset();
});

test.afterAll(async () => {
  await labReset();
});

/** Share of bright pixels in the left and right halves of the VNC canvas (its framebuffer). */
async function canvasStats(page: Page, name: string): Promise<{ width: number; height: number; left: number; right: number }> {
  return page.evaluate((sel) => {
    const c = document.querySelector<HTMLCanvasElement>(sel);
    if (!c || c.width === 0 || c.height === 0) return { width: 0, height: 0, left: 0, right: 0 };
    const ctx = c.getContext('2d');
    if (!ctx) return { width: c.width, height: c.height, left: 0, right: 0 };
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let left = 0;
    let right = 0;
    const half = c.width / 2;
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 150) {
          if (x < half) left++;
          else right++;
        }
      }
    }
    const n = (c.width / 2) * c.height;
    return { width: c.width, height: c.height, left: left / n, right: right / n };
  }, `[data-testid="console-vnc-${name}"] [data-testid="vnc-screen"] canvas`);
}

test('VNC: the display shows what the guest draws; Ctrl+Alt+Del reboots it; one SSH session per host', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(300_000);
  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  const pid = server.proc.pid ?? 0;
  const app = new VireoApp(page);
  const dock = new ConsoleDock(page);
  await openApp(page, server);
  const idA = await app.expectConnected(A.name);
  await app.expectConnected(B.name);

  await test.step('open the serial console, then the display beside it', async () => {
    await app.showAllVms();
    await app.table.contextMenu('tiny', idA);
    await app.table.menuItem('tiny', idA, 'console').click();
    await dock.expectOpen('serial', 'tiny', { host: idA });
    await dock.serial('tiny').getByTestId('console-open-vnc').click();
    await dock.expectOpen('vnc', 'tiny', { host: idA });
    await expect(dock.vnc('tiny')).toHaveAttribute('data-rfb', 'connected');
    // A first framebuffer update sized the canvas (VGA text mode: 720x400).
    await expect.poll(async () => (await canvasStats(page, 'tiny')).width, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(sshSessions(pid, A.address)).toBe(1);
  });

  await test.step('the canvas shows the pattern the guest prints on its VGA console', async () => {
    // 24 lines of 40 full blocks (U+2588): the left half of the screen lit, the right half dark.
    await guestExec(
      'A',
      'tiny',
      'B=$(printf "\\342\\226\\210"); L=; for i in $(seq 40); do L="$L$B"; done; ' +
        '{ printf "\\033[2J\\033[H\\033[?25l"; for i in $(seq 24); do echo "$L"; done; } > /dev/tty0',
    );
    await expect
      .poll(
        async () => {
          const s = await canvasStats(page, 'tiny');
          return s.left > 0.8 && s.right < 0.05;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.screenshot({ path: testInfo.outputPath('vnc-pattern.png') });
    // And the other way round: it follows what the guest draws next.
    await guestExec('A', 'tiny', 'printf "\\033[2J" > /dev/tty0');
    await expect.poll(async () => (await canvasStats(page, 'tiny')).left, { timeout: 30_000 }).toBeLessThan(0.05);
  });

  await test.step('screenshot to PNG', async () => {
    const download = page.waitForEvent('download');
    await dock.vnc('tiny').getByTestId('vnc-screenshot').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tiny-.*\.png$/);
    await file.saveAs(testInfo.outputPath('vnc-screenshot.png'));
  });

  await test.step('the serial console, borrowed by guest-exec (virsh console --force), is back by itself', async () => {
    await dock.tab('serial', 'tiny').click();
    await dock.expectOpen('serial', 'tiny', { host: idA });
  });

  await test.step('Ctrl+Alt+Del from the display reboots the guest', async () => {
    await dock.tab('vnc', 'tiny').click();
    await dock.vnc('tiny').getByTestId('vnc-ctrl-alt-del').click();
    await dock.tab('serial', 'tiny').click();
    await expect(dock.screen('tiny')).toContainText(`${BANNER}: booted`, { timeout: 90_000 });
    // The display stayed connected through the guest's reboot (same QEMU process).
    await expect(dock.vnc('tiny')).toHaveAttribute('data-rfb', 'connected');
    await page.screenshot({ path: testInfo.outputPath('serial-after-ctrl-alt-del.png') });
    await dock.tab('vnc', 'tiny').click();
    await page.screenshot({ path: testInfo.outputPath('vnc-after-reboot.png') });
  });

  await test.step('several consoles at once, still one SSH session per host; closing frees them', async () => {
    const second = await backend.call('consoles.open', { hostId: idA, uuid: lab.guests['tiny-local']?.uuid ?? '', kind: 'vnc' });
    expect(second.state.status).toBe('open');
    expect(await backend.call('consoles.list', {})).toHaveLength(3);
    expect(sshSessions(pid, A.address)).toBe(1);
    expect(sshSessions(pid, B.address)).toBe(1);
    await backend.call('consoles.close', { id: second.id });
    await page.getByTestId('console-tab-close-vnc-tiny').click();
    await page.getByTestId('console-tab-close-serial-tiny').click();
    await expect(dock.root).toBeHidden();
    await expect.poll(async () => (await backend.call('consoles.list', {})).length).toBe(0);
    expect(sshSessions(pid, A.address)).toBe(1);
  });
  backend.close();
});

test('VNC: a display with a password asks for it; a wrong one is refused, the right one connects', async ({ page, server }) => {
  test.setTimeout(180_000);
  const name = `h10e-vncpw-${Math.random().toString(16).slice(2, 6)}`;
  const remove = await throwawayGuest(name, (xml) =>
    withoutSerial(xml).replace("<graphics type='vnc'", "<graphics type='vnc' passwd='s3cretPw'"),
  );
  try {
    const backend = await BackendClient.connect(server);
    await connectLabHosts(backend);
    backend.close();
    const app = new VireoApp(page);
    const dock = new ConsoleDock(page);
    await openApp(page, server);
    const idA = await app.expectConnected(A.name);
    await app.showAllVms();
    await app.table.contextMenu(name, idA);
    await app.table.menuItem(name, idA, 'console').click();
    await dock.expectOpen('vnc', name, { host: idA });
    const view = dock.vnc(name);
    await expect(view.getByTestId('vnc-password')).toBeVisible();
    await view.getByTestId('vnc-password').fill('wrong-one');
    await view.getByTestId('vnc-password-submit').click();
    const refused = view.getByRole('alert').filter({ hasText: 'Login refused' });
    await expect(refused).toBeVisible();
    // QEMU's reason arrives with its C string's NUL: the words are shown, the NUL is not.
    const said = (await refused.textContent()) ?? '';
    expect(said).toContain('The VNC server refused the login: Authentication failed. Check the display password');
    expect(said).not.toContain('\u0000');
    await expect(view).toHaveAttribute('data-state', 'disconnected');
    await view.getByTestId('console-reconnect').click();
    await view.getByTestId('vnc-password').fill('s3cretPw');
    await view.getByTestId('vnc-password-submit').click();
    await expect(view).toHaveAttribute('data-rfb', 'connected');
    await expect.poll(async () => (await canvasStats(page, name)).width, { timeout: 30_000 }).toBeGreaterThan(0);
  } finally {
    await remove();
  }
});
