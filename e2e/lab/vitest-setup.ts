/**
 * vitest globalSetup of the `lab` project (e2e/vitest.config.ts): reuses a running lab (lab.json +
 * READY present and both hosts' daemons alive), else brings it up with `lab.sh up` (minutes on a
 * fresh machine). Teardown ends the lab only if this setup started it and VIREO_KEEP_LAB is not '1'.
 */
import { ensureLab, labDown } from './lab';

export default async function setup(): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const { started } = await ensureLab();
  process.stderr.write(`[lab] ${started ? `lab started in ${((Date.now() - t0) / 1000).toFixed(1)} s` : 'reusing the running lab'}\n`);
  return async () => {
    if (started && process.env.VIREO_KEEP_LAB !== '1') {
      process.stderr.write('[lab] this run started the lab: taking it down (set VIREO_KEEP_LAB=1 to keep it)\n');
      await labDown();
    }
  };
}
