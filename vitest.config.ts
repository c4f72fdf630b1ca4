import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
        testTimeout: 20_000,
        hookTimeout: 20_000,
    },
});
