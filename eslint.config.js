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
        files: ['src/core/**', 'src/mcp/**', 'src/bot/**'],
        rules: { 'no-console': 'error' },
    },
);
