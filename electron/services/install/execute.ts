/**
 * Runs an install's plan step by step on its host — fetch the installer (network install),
 * check the name, create the disk, define, start — registering an undo for each thing it makes
 * (the fetched files, the volume, the definition: critical, so a definition that cannot be
 * removed keeps its disk). On a failure or a cancel the stack unwinds, newest first.
 */
import { AppError } from '../../../shared/errors';
import { UndoStack } from '../../core/undo';
import type { DomainRef, StorageVolRef } from '../../libvirt/protocol';
import { buildDomainXml } from '../../xml/build';
import type { JobContext } from '../jobs';
import { afterUnwind, leftBehind } from '../undo-steps';
import { type InstallPlan, type NewVolumePlan, withVolumePath } from './plan';

/** What the executor does on the host (the real one in index.ts; a fake in the unit tests). */
export interface InstallExecIo {
  /** Fetches a URL into a file on the host (the host downloads, not this computer). */
  download(url: string, dest: string): Promise<void>;
  removeFiles(files: readonly string[]): Promise<void>;
  nameFree(name: string): Promise<boolean>;
  createVolume(v: NewVolumePlan): Promise<StorageVolRef>;
  volumePath(vol: StorageVolRef): Promise<string>;
  define(xml: string): Promise<DomainRef>;
  start(dom: DomainRef): Promise<void>;
  /** Stops and undefines a domain this install defined. */
  removeDefinition(dom: DomainRef): Promise<void>;
  deleteVolume(vol: StorageVolRef): Promise<void>;
}

/** What the executor reports to: its job. */
export type InstallJobSink = Pick<JobContext<'install'>, 'signal' | 'update'>;

export const installUndoLabel = {
  files: (files: readonly string[]) => `files ${files.join(', ')}`,
  volume: (v: { name: string }) => `volume ${v.name}`,
  definition: (name: string) => `definition ${name}`,
};

export async function executeInstall(
  p: InstallPlan,
  io: InstallExecIo,
  ctx: InstallJobSink,
  hooks: { now?: () => number; tickMs?: number } = {},
): Promise<void> {
  const now = hooks.now ?? Date.now;
  const undo = new UndoStack();
  const steps = (p.downloads.length ? 1 : 0) + 1 + (p.newVolume ? 1 : 0) + 1 + (p.start ? 1 : 0);
  let step = 0;
  const phase = (name: string) => {
    ctx.update({ phase: name, progress: step++ / steps });
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new AppError('canceled', 'Cancelled');
  };
  // job.progress at least twice a second while a step waits on the host.
  const started = now();
  const tickMs = hooks.tickMs ?? 400;
  const tick = tickMs ? setInterval(() => ctx.update({ detail: { figures: { elapsedMs: now() - started } } }), tickMs) : undefined;
  try {
    let files: { release(): void } | undefined;
    if (p.downloads.length) {
      phase('downloading the installer kernel and initrd on the host');
      const fetched: string[] = [];
      files = undo.push(installUndoLabel.files(p.downloads.map((d) => d.dest)), () => io.removeFiles(fetched));
      for (const d of p.downloads) {
        fetched.push(d.dest); // a download that fails half-way may leave a part of it
        await io.download(d.url, d.dest);
      }
    }
    phase('checking');
    // Someone may have taken the name meanwhile.
    if (!(await io.nameFree(p.name))) throw new AppError('exists', `A VM named “${p.name}” already exists on ${p.label}`);
    let defs = { final: p.final, ...(p.firstBoot ? { firstBoot: p.firstBoot } : {}) };
    if (p.newVolume) {
      phase(`creating the disk ${p.newVolume.name} in ${p.newVolume.pool}`);
      // No abort signal: a create given up on here could still finish on the host, unseen.
      const vol = await io.createVolume(p.newVolume);
      undo.push(installUndoLabel.volume(vol), () => io.deleteVolume(vol));
      defs = withVolumePath(p, await io.volumePath(vol));
    }
    phase('defining the VM');
    const dom = await io.define(buildDomainXml(defs.firstBoot ?? defs.final));
    undo.push(installUndoLabel.definition(p.name), () => io.removeDefinition(dom), { critical: true });
    if (p.start) {
      phase('starting the VM');
      await io.start(dom);
      if (defs.firstBoot) {
        // Running on the installer kernel; the next boot is from the disk (virt-install's two definitions).
        await io.define(buildDomainXml(defs.final));
        // QEMU has loaded them: the downloads are no longer needed.
        files?.release();
        await io.removeFiles(p.downloads.map((d) => d.dest)).catch(() => {});
      }
    }
    if (ctx.signal.aborted) throw ctx.signal.reason;
    undo.commit();
    ctx.update({ phase: p.start ? 'running' : 'defined', progress: 1 });
  } catch (err) {
    ctx.update({ phase: ctx.signal.aborted ? 'cancelled: removing what was created' : 'failed: removing what was created' });
    const left = leftBehind(await undo.unwind(), `${p.name} still uses them`);
    throw afterUnwind(err, left, 'the install created', 'Remove these by hand on the host.');
  } finally {
    if (tick) clearInterval(tick);
  }
}
