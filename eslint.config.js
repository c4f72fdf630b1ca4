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
        // Every word about the knowledge, in zh and en, lives in src/core/words/: engines return data,
        // core/present arranges the words into lines, the fronts add markup. So no Chinese string and
        // no "lang === 'zh' ? 'a' : 'b'" choice of wording anywhere else, except where listed below.
        files: ['src/**/*.ts'],
        ignores: [
            // The home of the words, and the vocabularies (each contract word with its zh and en name).
            'src/core/words/**',
            'src/core/vocabulary.ts',
            // The fronts' own message tables: menus, commands, buttons, greetings, the terminal banner,
            // the web page's chrome, the staff report and alert preview of the CLI.
            'src/bot/views/i18n.ts',
            'src/bot/views/insights-i18n.ts',
            'src/bot/runtime/commands.ts',
            'src/bot/runtime/terminal.ts',
            'src/web/page.ts',
            'src/cli/report-format.ts',
            'src/cli/alerts.ts',
            // The MCP server's own texts to the assistant: instructions, tool and field descriptions,
            // prompts, elicitation, errors (all but format.ts, which words the knowledge through core/words).
            'src/mcp/texts.ts',
            'src/mcp/server.ts',
            'src/mcp/prompts.ts',
            'src/mcp/resources.ts',
            'src/mcp/schemas.ts',
            'src/mcp/errors.ts',
            'src/mcp/ask-profile.ts',
            'src/mcp/tools/**',
            // The CLI's usage texts, with a Chinese example of what to type.
            'src/bin/kejin.ts',
            'src/cli/ask.ts',
            'src/cli/show.ts',
            // The checker's messages to staff, in English quoting the cards' Chinese ("文号", "未经确认"),
            // and the profile schema's field descriptions for MCP clients.
            'src/core/knowledge/load.ts',
            'src/core/knowledge/cross-check.ts',
            'src/core/knowledge/parse.ts',
            'src/core/knowledge/rules.ts',
            'src/core/knowledge/schema.ts',
            'src/core/match/profile.ts',
            // The input word lists: files that READ users' (and cards') words, never word a reply.
            'src/core/lexicon/**',
            'src/core/answer/reading.ts',
            'src/core/conversation/intent.ts',
            'src/core/search/stopwords.ts',
            'src/core/search/periods.ts',
            'src/core/search/traditional.ts',
            'src/core/insights/scrub.ts',
            'src/bot/conversation/questionnaire.ts',
            'src/bot/features/language.ts',
            'src/web/chat.ts',
            'src/cli/args.ts',
        ],
        rules: {
            'no-restricted-syntax': [
                'error',
                {
                    selector: 'Literal[value=/[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]/]',
                    message: 'A Chinese string belongs in src/core/words/ (or a front\'s own message table): see docs/DESIGN.md "Words".',
                },
                {
                    selector: 'TemplateElement[value.raw=/[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]/]',
                    message: 'A Chinese string belongs in src/core/words/ (or a front\'s own message table): see docs/DESIGN.md "Words".',
                },
                {
                    // Choosing a word by language ("lang === 'zh' ? '、' : ', '") is wording; choosing a field ('zh' / 'en') is not.
                    selector: "ConditionalExpression[test.operator='==='][test.right.value='zh'] > Literal:not([regex]):not([value=/^(zh|en)$/])",
                    message: 'Word it in src/core/words/ (listJoin, clauseJoin, sentenceGap, aside…) instead of choosing a literal by language here.',
                },
            ],
        },
    },
    {
        // One width for src/: prettier breaks code at 150 columns; what it cannot break (a long string, a message,
        // a regular expression) is broken by hand, so that no line is over 160 characters (counted in characters).
        // A line that must stay long says why in an eslint-disable-line comment. Core max-len is deprecated since
        // ESLint 8.53 but kept until 11; @stylistic/max-len is the same rule, should the core one go.
        files: ['src/**/*.{ts,mts,js}'],
        rules: { 'max-len': ['error', { code: 160, tabWidth: 4, ignoreUrls: true }] },
    },
    {
        // The web chat's own script runs in the browser, as a classic script.
        files: ['src/web/assets/**/*.js'],
        languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
    },
);
