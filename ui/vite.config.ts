/**
 * Vite build for selon's web UI. The Read view bundles the engine itself (src/index.ts), so the app is one
 * self-contained bundle: after the first load nothing else is fetched, and reading works with the network cut.
 */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    // One bundle, no lazy chunks: a chunk fetched after load would break the offline Read view.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: { output: { codeSplitting: false } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
