import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The web harness, the CLI and the `npm start` launcher run under plain Node from the same build:
          // no TypeScript loader at start-up (scripts/run-built.mjs builds first when the sources changed).
          web: resolve(import.meta.dirname, 'electron/web/main.ts'),
          cli: resolve(import.meta.dirname, 'electron/cli/main.ts'),
          start: resolve(import.meta.dirname, 'electron/launch/start.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit CommonJS whatever the package type says.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // Smaller script, faster first paint; main and preload stay readable for stack traces.
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
