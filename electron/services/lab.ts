/** The demo lab (e2e/lab): when it is up, its hosts can be added with one click. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const LabHost = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  port: z.number(),
  user: z.string(),
  keyPath: z.string(),
  hostKey: z.string(),
  fingerprint: z.string(),
  uri: z.string(),
  password: z.object({ user: z.string(), password: z.string() }).optional(),
});
const LabFile = z.object({ version: z.literal(1), dir: z.string(), knownHosts: z.string(), hosts: z.array(LabHost) });
export type LabDescription = z.infer<typeof LabFile>;

export function labDir(): string {
  return process.env.VIREO_LAB_DIR ?? process.env.LAB_DIR ?? '/tmp/vireo-lab';
}

/** The lab's description when it is up (READY written by `lab.sh up`), else null. */
export function findLab(dir = labDir()): LabDescription | null {
  const file = join(dir, 'lab.json');
  if (!existsSync(file) || !existsSync(join(dir, 'READY'))) return null;
  try {
    return LabFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    console.error(`[lab] ${file} is not a valid lab description: ${(err as Error).message}`);
    return null;
  }
}
