/**
 * Every command the bot answers is in the command menu and in /help, in
 * both languages; /help says what a 👎 keeps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/bot/runtime/commands.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { LANGS } from '../../src/core/vocabulary.ts';

/** The commands the features register (`.command('x', …)`), read from their sources. */
function handledCommands(): string[] {
    const dir = path.join(PROJECT_ROOT, 'src/bot/features');
    const names = readdirSync(dir).flatMap((f) =>
        [...readFileSync(path.join(dir, f), 'utf8').matchAll(/\.command\(\s*'([a-z_]+)'/g)].map((m) => m[1]!),
    );
    return [...new Set(names)].sort();
}

describe('the command menu and /help', () => {
    it.each(LANGS)('list every command the bot answers (%s)', (lang) => {
        const handled = handledCommands();
        expect(handled).toContain('subscribe');
        expect(COMMANDS[lang].map((c) => c.command).sort()).toEqual(handled);
        for (const command of handled.filter((c) => c !== 'help' && c !== 'start')) expect(MESSAGES[lang].help).toContain(`/${command} `);
        expect(MESSAGES[lang].help).toContain('👎');
    });
});
