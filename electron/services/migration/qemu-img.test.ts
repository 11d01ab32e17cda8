// low: `qemu-img info` takes the image path after `--`, so a path is never read as an option.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostIo, RunResult } from '../transfer';
import { qemuImgInfo } from './facts-shell';

const dir = mkdtempSync(join(tmpdir(), 'vireo-qemu-img-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A host whose commands run here, in `dir`, recording each argv. */
function localIo(seen: string[][]): HostIo {
  return {
    id: 'local-test',
    label: 'this computer',
    rpc: () => {
      throw new Error('no libvirt in this test');
    },
    openBulk: () => Promise.reject(new Error('no libvirt in this test')),
    run: (argv) => {
      seen.push([...argv]);
      const [cmd = '', ...args] = argv;
      return new Promise<RunResult>((resolve) =>
        execFile(cmd, args, { cwd: dir }, (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 127) : 0, stdout, stderr }),
        ),
      );
    },
  };
}

describe('low qemu-img info with --', () => {
  it('low passes the path after -- and reads an image whose name looks like an option', async () => {
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '--', '-fraw', '1M'], { cwd: dir });
    const seen: string[][] = [];
    const info = await qemuImgInfo(localIo(seen), '-fraw');
    expect(seen).toEqual([['qemu-img', 'info', '-U', '--output=json', '--', '-fraw']]);
    expect(info).toEqual({ virtualSize: 1024 * 1024, format: 'qcow2' });
  });
});
