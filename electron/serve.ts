/**
 * `npm run web`: the backend plus the web bridge, for a browser on this machine.
 * Options: --port N (default 0 = any free port; or VIREO_WEB_PORT), --token-file F (or the
 * environment's VIREO_WEB_TOKEN; default random per run). Never the token itself on the command
 * line: `ps` shows it to every user (see serve-options.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from './backend';
import { keepServingOnFaults, readWebToken, refuseArgvToken, TOKEN_ENV } from './serve-options';
import { startWebBridge } from './web';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  refuseArgvToken(process.argv.slice(2));
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'token-file': { type: 'string' } },
  });
  const port = Number(values.port ?? process.env.VIREO_WEB_PORT ?? 0);
  const token = readWebToken({ env: process.env, tokenFile: values['token-file'] });
  // Not inherited by anything the backend runs.
  delete process.env[TOKEN_ENV];
  keepServingOnFaults(process);
  const backend = createBackend({ mode: 'web' });
  const bridge = await startWebBridge({
    dispatch: backend.dispatch,
    events: backend.events,
    streams: backend.streams,
    staticDir: join(here, '..', 'dist', 'renderer'),
    port,
    ...(token ? { token } : {}),
  });
  console.log(`Vireo web mode: open ${bridge.url}`);
  console.log('(bound to 127.0.0.1 only; the token in the URL is required. Ctrl+C stops.)');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([bridge.close(), backend.close()]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`vireo: ${(err as Error).message}`);
  process.exit(1);
});
