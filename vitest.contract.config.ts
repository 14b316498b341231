// Locator contract: each adapter's controls looked up with the real locator code on every fixture, in headless
// Chromium without the extension (no build). Between unit tests and e2e: seconds, not minutes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/contract/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
