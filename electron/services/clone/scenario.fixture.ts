/**
 * The facts captured from the lab by e2e/lab/capture-clone-install-facts.ts (one JSON file per
 * scenario, fixtures/<name>.json), typed for the unit tests of the pure checks and plan.
 */
import { readFileSync } from 'node:fs';
import type { CloneSpec } from '../../../shared/api';
import type { CloneFacts } from './facts';

export interface CloneScenario {
  description: string;
  spec: CloneSpec;
  facts: CloneFacts;
}

export function cloneScenario(name: string): CloneScenario {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as CloneScenario;
}

/** A fixed sequence of candidate MACs (52:54:00:aa:00:00, …:01 …) in place of random ones. */
export function macSequence(): () => string {
  let i = 0;
  return () => `52:54:00:aa:00:${(i++).toString(16).padStart(2, '0')}`;
}

/** The facts read for the spec (a fixture of a spec scenario always has them). */
export function specFacts(f: CloneFacts): NonNullable<CloneFacts['spec']> {
  if (!f.spec) throw new Error('these facts were read without a spec');
  return f.spec;
}
