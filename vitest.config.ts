import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // The CLI speaks the locale's language and colours a terminal: every test (and every CLI it starts) runs with a
    // neutral locale and without colour (FORCE_COLOR=0), whatever the machine's, unless it asks otherwise.
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', FORCE_COLOR: '0' },
  },
});
