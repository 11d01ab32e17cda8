import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, forgetHostKeys } from './known-hosts';

const key = (n: number) =>
  Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.from([0, 0, 0, 32]), Buffer.alloc(32, n)]);
const line = (hosts: string, n: number) => `${hosts} ssh-ed25519 ${key(n).toString('base64')}`;

describe('forgetHostKeys', () => {
  it("removes only that host's lines with those keys; every other line stays byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vireo-kh-'));
    const file = join(dir, 'known_hosts');
    const text = [
      '# comment kept',
      line('10.0.0.1', 1),
      line('10.0.0.1', 2),
      line('[10.0.0.1]:2222', 1),
      line('10.0.0.2', 1),
      line('10.0.0.1,10.0.0.9', 1),
      `@revoked ${line('10.0.0.1', 1)}`,
      '',
    ].join('\n');
    writeFileSync(file, text);
    const r = await forgetHostKeys(file, '10.0.0.1', 22, [fingerprintOf(key(1))]);
    expect(r).toEqual({ removed: 1, kept: 1 });
    expect(readFileSync(file, 'utf8')).toBe(text.replace(`${line('10.0.0.1', 1)}\n`, ''));
  });

  it('a port other than 22 is another entry; a missing file removes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vireo-kh-'));
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `${line('10.0.0.1', 1)}\n${line('[10.0.0.1]:2222', 1)}\n`);
    expect(await forgetHostKeys(file, '10.0.0.1', 2222, [fingerprintOf(key(1))])).toEqual({ removed: 1, kept: 0 });
    expect(readFileSync(file, 'utf8')).toBe(`${line('10.0.0.1', 1)}\n`);
    expect(await forgetHostKeys(join(dir, 'none'), 'h', 22, [fingerprintOf(key(1))])).toEqual({ removed: 0, kept: 0 });
  });
});
