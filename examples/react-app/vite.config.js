import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the brand backend (../brand-site) under /react/, next to its token route.
export default defineConfig({
  base: '/react/',
  plugins: [react()],
});
