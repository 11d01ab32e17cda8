// Test support (not used by the app): the pre-flight facts captured from the lab
// (e2e/lab/capture-preflight-facts.ts), loaded as fresh copies a test may edit.
import { readdirSync, readFileSync } from 'node:fs';
import type { MigrationSpec, PreflightCheck } from '../../../shared/api';
import { type Preflight, preflightFromFacts } from './checks';
import type { PreflightFacts } from './facts';

const DIR = new URL('./fixtures/preflight/', import.meta.url);

export interface Scenario {
  scenario: string;
  description: string;
  spec: MigrationSpec;
  facts: PreflightFacts;
}

/** Every captured scenario's name. */
export const scenarioNames = (): string[] =>
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();

/** A fresh copy of a captured scenario (edit it freely). */
export function scenario(name: string): Scenario {
  return JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as Scenario;
}

export const run = (s: Pick<Scenario, 'facts' | 'spec'>): Preflight => preflightFromFacts(s.facts, s.spec);

export function check(pf: Preflight, id: PreflightCheck['id']): PreflightCheck {
  const c = pf.plan.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${pf.plan.checks.map((x) => x.id).join(', ')}`);
  return c;
}

/** Runs the scenario and returns one check. */
export const checkOf = (s: Pick<Scenario, 'facts' | 'spec'>, id: PreflightCheck['id']): PreflightCheck => check(run(s), id);
