import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/consistent-type-imports': 'error',
        },
    },
    {
        // stdout carries the MCP protocol and the terminal bot's screen: only
        // entry points and the CLI may print, everything else logs to stderr.
        files: ['src/core/**', 'src/mcp/**', 'src/bot/**', 'src/web/**'],
        rules: { 'no-console': 'error' },
    },
    {
        // The web chat's own script runs in the browser, as a classic script.
        files: ['src/web/assets/**/*.js'],
        languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
    },
);
