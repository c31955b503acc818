import { defineConfig } from 'vitest/config';

// The JSON report is what .ci/run reads for its closing "tests: N passed, N failed" line.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Packing and installing the tarball takes ~40 s: it runs in `npm run test:deep`.
    exclude: process.env.WFCHECK_DEEP ? [] : ['test/pack/**'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest-results.json' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
