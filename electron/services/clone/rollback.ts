/**
 * What a failed clone may remove on the target — no I/O. The clone's definition carries a UUID
 * made for it, so a definition found under that UUID is the clone's own. Its volumes go only
 * when no definition of the clone can still point at them: when a define was sent but its answer
 * was lost (the link dropped) and the target cannot be asked, nothing is removed and the admin
 * is told what to check.
 */

export interface CloneRollbackFacts {
  /** The clone's name on the target. */
  name: string;
  target: string;
  /**
   * The clone's definition on the target: 'none' (never sent, or the target says it has no such
   * UUID), 'ours' (defined by this job, or found under its UUID), 'unknown' (sent, then the
   * target could not be asked).
   */
  definition: 'none' | 'ours' | 'unknown';
  /** The volumes this job created (pool/name). */
  volumes: string[];
}

export interface CloneRollbackPlan {
  undefine: boolean;
  /** Delete the volumes — after the undefine worked, when there is one. */
  deleteVolumes: boolean;
  /** What was kept and why, for the admin (set when something is kept). */
  kept?: string;
}

export function planCloneRollback(f: CloneRollbackFacts): CloneRollbackPlan {
  if (f.definition === 'unknown') {
    const vols = f.volumes.length ? `: the volumes ${f.volumes.join(', ')} are kept` : '';
    return {
      undefine: false,
      deleteVolumes: false,
      kept: `Vireo could not ask ${f.target} whether the definition of ${f.name} was made (the link dropped while it was sent), so nothing was removed${vols}. Once ${f.target} is connected: if it has ${f.name} (virsh list --all), that is the unfinished clone — delete it with its volumes; if not, delete the volumes (virsh vol-delete).`,
    };
  }
  return { undefine: f.definition === 'ours', deleteVolumes: true };
}
