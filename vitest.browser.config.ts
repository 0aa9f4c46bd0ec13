import { defineConfig } from 'vitest/config';

// The browser tests need Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH), which a fresh machine may lack,
// so they are kept out of `npm test` and run with `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
