// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import {
  CSP_PAGE_DIRECTIVES,
  CSP_SCRIPT_RESOURCES,
  CSP_STYLE_ATTRIBUTE_HASHES,
  CSP_STYLE_RESOURCES,
} from './src/build/site/contentSecurityPolicy.ts';

// The build script (cli/build.ts) passes SITE_URL from campaign.json and an
// outDir in a temporary folder, swapped into dist/ only when the build succeeds.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  output: 'static',
  // Only `astro preview` reads this: cli/build.ts passes its own temporary outDir.
  outDir: process.env.PREVIEW_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Every page gets a <meta> CSP with the hashes of its inline scripts and styles;
  // nginx adds the page-independent part as a header (src/build/site/contentSecurityPolicy.ts).
  security: {
    csp: {
      directives: [...CSP_PAGE_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_RESOURCES] },
      styleDirective: {
        resources: [...CSP_STYLE_RESOURCES],
        hashes: [...CSP_STYLE_ATTRIBUTE_HASHES],
      },
    },
  },
  vite: {
    plugins: [tailwindcss()],
    worker: { format: 'es' },
  },
});
