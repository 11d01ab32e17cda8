/**
 * Test support for the snapshot unit tests (not used by the app): the facts captured in the lab
 * (fixtures/NAME.json, written by the lab tests with VIREO_CAPTURE=1) and the small readers every
 * test of them needs.
 */
import { readFileSync } from 'node:fs';
import { isAppError } from '../../libvirt/errors';
import type { SnapshotFact, SnapshotFacts } from './facts';

/** fixtures/NAME.json as SnapshotFacts. */
export const fixture = (name: string): SnapshotFacts =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as SnapshotFacts;

/** The snapshot `name` of the facts (its model and libvirt's XML); throws when the fixture lacks it. */
export const snapshotOf = (f: SnapshotFacts, name: string): SnapshotFact => {
  const s = f.snapshots.find((x) => x.model.name === name);
  if (!s) throw new Error(`no ${name} in the fixture`);
  return s;
};

/** The refusal `fn` throws, as “message — hint”; throws when it is not refused. */
export const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (isAppError(err)) return `${err.message} — ${err.hint ?? ''}`;
    throw err;
  }
  throw new Error('not refused');
};
