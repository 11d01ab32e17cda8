/**
 * Steering a running migration (the panel's controls and remedies), on the source host: max
 * downtime (held until the transfer runs), bandwidth, the switch to post-copy, a pause. A vCPU cap
 * ('throttle') is refused at once: libvirt does not change it while the migration holds the domain.
 * What it changed is kept on the run, to report, and a pause to undo when the migration is over.
 */
import type { MigrationControl } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { domainSuspend } from '../../libvirt/domain';
import { isAppError } from '../../libvirt/errors';
import { migrateSetMaxDowntime, migrateSetMaxSpeed, migrateStartPostCopy } from '../../libvirt/migration';
import { UNLIMITED_MIBPS } from './progress';
import { note, type Run } from './run';

/** Applies one control; `A` names the source host. A libvirt refusal is wrapped with what it means. */
export async function applyControl(run: Run, c: MigrationControl, A: string): Promise<void> {
  const rpc = run.id.srcConn.rpc;
  const dom = run.id.dom;
  const steer = run.steer;
  try {
    switch (c.action) {
      case 'max-downtime':
        if (!run.live.seenJob) {
          steer.pendingDowntime = c.ms;
          note(run, `Max downtime ${c.ms} ms (applied when the transfer starts)`);
          break;
        }
        await migrateSetMaxDowntime(rpc, dom, { ms: c.ms });
        steer.controls.maxDowntimeMs = c.ms;
        note(run, `Max downtime set to ${(c.ms / 1000).toFixed(1)} s`);
        break;
      case 'bandwidth': {
        await migrateSetMaxSpeed(rpc, dom, { mibps: c.mibps === 0 ? UNLIMITED_MIBPS : c.mibps });
        if (c.mibps === 0) delete steer.controls.bandwidthMiBps;
        else steer.controls.bandwidthMiBps = c.mibps;
        note(run, c.mibps === 0 ? 'Bandwidth limit lifted' : `Bandwidth limited to ${c.mibps} MiB/s`);
        break;
      }
      case 'postcopy':
        if (steer.postCopyAllowed === false) {
          throw new AppError(
            'not-allowed',
            'Post-copy was not allowed when this migration started',
            'Use another remedy, or cancel and start again with "Allow post-copy".',
          );
        }
        await migrateStartPostCopy(rpc, dom);
        steer.controls.postCopy = true;
        run.live.ctx?.setCancellable(false);
        note(run, 'Switched to post-copy: the guest now runs on the destination while the rest of its memory follows');
        break;
      case 'throttle':
        // libvirt holds the domain's job for the migration: a cap would wait 30 s and fail.
        throw new AppError(
          'not-allowed',
          `libvirt does not change ${run.id.name}’s vCPU cap while it migrates (the migration holds the domain)`,
          'Use "Restart with auto-converge" (QEMU then throttles the guest itself), or another remedy.',
        );
      case 'restart-autoconverge':
        throw new AppError('not-allowed', 'A restart is done by the migration service, not as a control');
      case 'suspend':
        await domainSuspend(rpc, dom);
        steer.controls.suspended = true;
        note(run, `Guest paused on ${A} to let the migration finish (it resumes on the destination)`);
        break;
    }
  } catch (err) {
    if (isAppError(err)) throw err;
    throw new AppError('libvirt', `${(err as Error).message}`, { hint: 'The migration goes on unchanged.', cause: err });
  }
}
