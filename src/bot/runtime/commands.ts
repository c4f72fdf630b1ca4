/**
 * The command menu Telegram shows, in zh and en. Registered for the default
 * scope (private chats and groups alike) once per language, plus a list
 * without language_code in DEFAULT_LANG for users whose language is neither.
 */
import type { Api } from 'grammy';
import { apiSignal } from './abort.ts';
import type { BotCommand } from 'grammy/types';
import type { Lang } from '../../core/vocabulary.ts';

export const COMMANDS: Readonly<Record<Lang, readonly BotCommand[]>> = {
    zh: [
        { command: 'start', description: '开始 / 主菜单' },
        { command: 'match', description: '匹配融资产品' },
        { command: 'profile', description: '查看或修改企业信息' },
        { command: 'products', description: '按类别和阶段浏览产品' },
        { command: 'contact', description: '联系方式' },
        { command: 'lang', description: '切换语言 / Language' },
        { command: 'subscribe', description: '有新的符合条件的产品时通知我' },
        { command: 'unsubscribe', description: '取消通知' },
        { command: 'help', description: '帮助' },
        { command: 'forget', description: '删除我的全部数据' },
    ],
    en: [
        { command: 'start', description: 'Start / main menu' },
        { command: 'match', description: 'Match financing products' },
        { command: 'profile', description: 'Show or edit your firm profile' },
        { command: 'products', description: 'Browse products by kind and stage' },
        { command: 'contact', description: 'Whom to contact' },
        { command: 'lang', description: 'Language / 切换语言' },
        { command: 'subscribe', description: 'Alert me when a new product fits' },
        { command: 'unsubscribe', description: 'Stop the alerts' },
        { command: 'help', description: 'Help' },
        { command: 'forget', description: 'Delete all my data' },
    ],
};

/** Registers the command menus; throws when the Bot API refuses (the caller logs and goes on). */
export async function registerCommands(api: Api, defaultLang: Lang, signal?: AbortSignal): Promise<void> {
    await api.setMyCommands([...COMMANDS[defaultLang]], undefined, apiSignal(signal));
    for (const lang of ['zh', 'en'] as const) {
        await api.setMyCommands([...COMMANDS[lang]], { language_code: lang }, apiSignal(signal));
    }
}
