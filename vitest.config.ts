import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
        // A temporary DATA_DIR for every test and every process it starts (tests/helpers/global-setup.ts).
        globalSetup: ['tests/helpers/global-setup.ts'],
        testTimeout: 20_000,
        hookTimeout: 20_000,
    },
});
