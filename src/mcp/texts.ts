/**
 * What the MCP server says to the assistant, not to the firm: how to relay
 * an answer (a caveat to repeat, a question to ask back, a result not to
 * present) and how to recover from an unknown id. The words about the
 * knowledge come from core/words; these are the medium's own, like the
 * bot's menus in bot/i18n.ts.
 */
import type { Lang } from '../core/vocabulary.ts';

export const MCP_TEXTS = {
    zh: {
        markedFacts: (_statuses: readonly string[]) => '标注的事实为未经确认或可能已过时，转述时请一并说明。',
        askWhich: (examples: readonly string[]) =>
            `（问题没有说明是哪个产品：请先问用户指的是哪一个${examples.length ? `，例如 ${examples.join('、')}` : ''}。）`,
        notReliable:
            '（知识库未能可靠回答这个问题：请如实告知用户，不要把下列结果当作答案；可换个说法，或用 match_financing_products 按企业情况匹配。）',
        notFound: (id: string, closest: string) =>
            `没有 id 为 "${id}" 的条目。${closest ? `最接近的 id：${closest}。` : ''}可用 search_financing_knowledge 或 list_financing_products 查到正确的 id。`,
    },
    en: {
        markedFacts: (statuses: readonly string[]) => `Marked facts are ${statuses.join(' or ')}: say so when repeating them.`,
        askWhich: (examples: readonly string[]) =>
            `(The question does not say which product: ask the user which one they mean${examples.length ? `, e.g. ${examples.join(', ')}` : ''}.)`,
        notReliable:
            '(The knowledge does not reliably answer this: tell the user so and do not present the results below as the answer. ' +
            'Rephrase, or use match_financing_products with the firm profile.)',
        notFound: (id: string, closest: string) =>
            `No item with id "${id}".${closest ? ` Closest ids: ${closest}.` : ''} Use search_financing_knowledge ` +
            `or list_financing_products to find the right id.`,
    },
} as const satisfies Record<Lang, unknown>;
