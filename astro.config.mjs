// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';

// The build script (scripts/build.ts) passes SITE_URL from campaign.json and an
// outDir in a temporary folder, swapped into dist/ only when the build succeeds.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  output: 'static',
  // Only `astro preview` reads this: scripts/build.ts passes its own temporary outDir.
  outDir: process.env.PREVIEW_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  vite: {
    plugins: [tailwindcss()],
    worker: { format: 'es' },
  },
});
