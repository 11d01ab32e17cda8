import { expect, openApp, test } from './fixtures';

test('the shell renders through the web bridge, and the theme toggles', async ({ page, server }, testInfo) => {
  await openApp(page, server);
  await expect(page.getByRole('heading', { name: 'Vireo' })).toBeVisible();
  await expect(page.getByTestId('host-sidebar')).toBeVisible();
  // First run: no saved hosts, so the main pane offers to add one.
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('empty-add-host')).toBeVisible();
  // The token was taken out of the address bar.
  expect(page.url()).not.toContain('token=');

  const html = page.locator('html');
  const before = await html.getAttribute('data-mantine-color-scheme');
  await page.getByTestId('theme-toggle').click();
  await expect(html).not.toHaveAttribute('data-mantine-color-scheme', before ?? '');
  const after = await html.getAttribute('data-mantine-color-scheme');
  expect(['light', 'dark']).toContain(after);
  await page.screenshot({ path: testInfo.outputPath('shell.png'), fullPage: true });

  // Back again, with the keyboard shortcut.
  await page.keyboard.press('Control+Shift+L');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', before ?? 'light');

  // The jobs drawer opens with its shortcut and is empty on a fresh backend.
  await page.keyboard.press('Control+J');
  await expect(page.getByTestId('jobs-drawer').getByText('No jobs yet')).toBeVisible();
});

test('the socket refuses a wrong token; the page then says it cannot reach the backend', async ({ page, server }) => {
  const bad = server.url.replace(/token=\S+$/, 'token=wrong');
  await page.goto(bad);
  await expect(page.getByRole('alert')).toContainText(/Cannot reach the Vireo backend/);
});
