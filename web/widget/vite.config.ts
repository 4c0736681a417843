import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The booking widget: /book/:embed_key and /manage/:booking_number (one page, index.html), and widget.js, the
// embed script other sites load (a fixed name: their script tags point at /widget.js). Built into
// dist/web/widget; its hashed files are served under /widget/assets/. Budget: scripts/widget-size.ts.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/widget/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/widget', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        widget: fileURLToPath(new URL('src/embed/widget.ts', import.meta.url)),
      },
      output: { entryFileNames: (chunk) => (chunk.name === 'widget' ? 'widget.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: { fs: { allow: ['..'] }, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
