import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { budgetPlugin, precompressPlugin, preloadChunkOf } from './scripts/web/vite-plugins.ts';

// The web app lives in src/web and builds to dist/web, served by the API process (one port). Every screen is a
// lazy chunk; the manifest lets scripts/web/bundle-budget.ts weigh what each page loads first (decision 015).
export default defineConfig({
  root: 'src/web',
  plugins: [react(), preloadChunkOf('src/web/i18n/fr/index.ts'), precompressPlugin(), budgetPlugin()],
  build: { outDir: '../../dist/web', emptyOutDir: true, manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
