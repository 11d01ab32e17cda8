/**
 * h2 end to end: A's password account (vireo, password typed in the Add-host form and saved)
 * reached through host B as a jump host whose account (vjump, `lab.sh accounts`) has a password of
 * its own. The prompt dialog asks for B's password and names B; the saved password of A is never
 * tried on B (B's sshd log lists every password it was given).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { labSh, readLab } from './lab/lab';
import { modal } from './pages/add-host';
import { VireoApp } from './pages/app';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
const B = lab.hosts.find((h) => h.id === 'B');
let jump: { user: string; password: string };

test.beforeAll(async () => {
  await labSh(['accounts']); // idempotent: a lab started before the jump account existed gets it
  jump = (JSON.parse(readFileSync(join(lab.dir, 'accounts.json'), 'utf8')) as { jump: typeof jump }).jump;
});

test("h2 hosts: through a jump host with a password, the dialog asks for the jump host's password by name; A's saved password never reaches B", async ({
  page,
  server,
}) => {
  if (!A?.password || !B) throw new Error('the lab describes no hosts A (with its password account) and B');
  const bLog = join(lab.dir, 'hosts', 'B', 'sshd.log');
  const from = statSync(bLog).size;
  const app = new VireoApp(page);
  await app.open(server);
  await app.addHostDialog.open();
  await app.addHostDialog.fill({
    name: 'a-pw-via-b',
    address: A.address,
    user: A.password.user,
    jump: `${jump.user}@${B.address}`,
    auth: { kind: 'password', password: A.password.password },
  });
  await app.addHostDialog.submit();
  // New keys to this backend: the jump host's first; its password; then A's key (seen through B).
  expect(await app.prompt.fingerprint()).toBe(B.fingerprint);
  await app.prompt.trust();

  const dialog = modal(page, 'prompt-dialog');
  await expect(dialog).toContainText(`Password for the jump host ${jump.user}@${B.address}:`);
  const input = dialog.getByLabel(`Password for ${jump.user}@${B.address}`);
  await input.fill(jump.password);
  await dialog.getByRole('button', { name: 'Log in' }).click();

  expect(await app.prompt.fingerprint()).toBe(A.fingerprint);
  await app.prompt.trust();

  await expect(app.addHostDialog.root).toBeHidden({ timeout: 30_000 });
  await app.expectConnected('a-pw-via-b');
  const log = readFileSync(bLog).subarray(from).toString('utf8');
  expect(log).not.toMatch(/Failed password/);
  expect(log).toMatch(new RegExp(`Accepted password for ${jump.user} `));
});
