/**
 * The facts captured from the lab by e2e/lab/capture-clone-install-facts.ts (one JSON file per
 * scenario, fixtures/<name>.json), typed for the unit tests of the pure checks and plan.
 */
import { readFileSync } from 'node:fs';
import type { InstallSpec } from '../../../shared/api';
import type { InstallFacts } from './facts';

export interface InstallScenario {
  description: string;
  spec: InstallSpec;
  facts: InstallFacts;
}

export function installScenario(name: string): InstallScenario {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as InstallScenario;
}

/** A fixed sequence of candidate MACs (52:54:00:bb:00:00, …:01 …) in place of random ones. */
export function macSequence(): () => string {
  let i = 0;
  return () => `52:54:00:bb:00:${(i++).toString(16).padStart(2, '0')}`;
}
