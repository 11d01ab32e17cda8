import { runBench } from '../bench/run';
import type { Bench } from '../bench/types';
const name = process.argv[2];
const b = ((await import(`../bench/${name}.ts`)) as { default: Bench }).default;
const r = await runBench(b);
console.log(JSON.stringify(r));
process.exit(0);
