/** Builds the main-process side with esbuild (the renderer is built by vite). */
import { type BuildOptions, build } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // node_modules stay external: ssh2 loads optional native parts at run time.
  packages: 'external',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs', format: 'cjs', external: ['electron'] }),
  // The sandboxed preload may only require 'electron': bundle everything else into it.
  build({
    ...common,
    packages: undefined,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist-electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({ ...common, entryPoints: ['electron/serve.ts'], outfile: 'dist-electron/serve.mjs', format: 'esm' }),
  build({ ...common, entryPoints: ['electron/launcher.ts'], outfile: 'dist-electron/launcher.mjs', format: 'esm' }),
]);
console.error('[build] dist-electron/ written');
