/** Inline mode: `@bot 高企贷` in any chat lists matching offerings and policies to post. */
import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { KnowledgeItem } from '../../core/knowledge/schema.ts';
import { OFFERING_KINDS, type Lang } from '../../core/vocabulary.ts';
import { refOf } from '../conversation/callback.ts';
import type { BotContext } from '../runtime/context.ts';
import { displayName } from '../../core/present/index.ts';
import { inlineCardHtml } from '../views/format.ts';
import { truncate } from '../views/html.ts';
import { langOfText } from '../../core/language.ts';
import { MESSAGES } from '../views/i18n.ts';

export const inlineFeature = new Composer<BotContext>();

/** Telegram shows at most 50 inline results. */
const INLINE_LIMIT = 20;

inlineFeature.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const lang = query ? langOfText(query, ctx.lang) : ctx.lang;
    const service = ctx.deps.service;
    const items = query
        ? service.search(query, { limit: INLINE_LIMIT, kind: [...OFFERING_KINDS, 'policy'], lang }).results.map((h) => service.getItem(h.id))
        : service.listProducts().slice(0, INLINE_LIMIT);
    const results = items.filter((i): i is KnowledgeItem => i !== undefined).map((i) => article(i, lang));
    await ctx.answerInlineQuery(results, {
        cache_time: 300,
        is_personal: true,
        button: { text: MESSAGES[lang].inlineOpen, start_parameter: 'inline' },
    });
});

function article(item: KnowledgeItem, lang: Lang): InlineQueryResultArticle {
    return {
        type: 'article',
        id: refOf(item.id),
        title: truncate(displayName(item, lang), 100),
        description: truncate(item.summary[lang], 200),
        input_message_content: { message_text: inlineCardHtml(lang, item), parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    };
}
