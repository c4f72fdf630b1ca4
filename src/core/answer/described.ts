/**
 * An item named by what it is rather than by a name: "给高新技术企业的那个", "那个保险兜底的科技贷款", "那个政府帮银行兜坏账的
 * 政策", "the patent one", "the loan where an insurer backs it", "the credit loan for 科技小巨人 firms". Founders switch
 * topics this way as often as by name; without it the item in focus, or whichever card the rest of the words favour,
 * answered.
 *
 * The description is cut out by the grammar of pointing at one of a kind (a demonstrative, a 的 before 那个, "the … one",
 * "the loan where …": closed classes of either language), and it names an item only when it alone finds one offering
 * confidently and far ahead of the next: the words of the description, searched by themselves, are the test, not a
 * list of descriptions.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import { isOffering, type KnowledgeItem } from '../knowledge/schema.ts';
import type { KnowledgeIndex } from '../search/index.ts';
import { normalize } from '../search/tokenize.ts';

/** Nouns for a kind of offering, after which a Chinese description ends. */
const KIND_ZH = /贷款|产品|政策|补贴|平台|基金|工具|项目|方案|贴息|担保/.source;
/** …and in English. */
const KIND_EN = /one|loan|loans|scheme|product|policy|subsidy|programme|program|platform|fund|facility|line/.source;
/** A demonstrative before a description, and one after its 的. */
const THAT_BEFORE = /那个|那种|那款|那项|这个|这种|这款/.source;
const THAT_AFTER = /的(?:那个|那种|那款|那项)/.source;
/** Every kind noun, in either language, to see what a description says beside them. */
const KINDS = new RegExp(`${KIND_ZH}|\\b(?:${KIND_EN}|the)\\b`, 'gi');
/** Where an English noun phrase ends: a mark, or a word that is no noun of it. */
const NOT_OF_NP =
    /that|this|which|who|where|in|for|of|with|to|from|on|at|is|was|are|were|has|had|does|do|did|and|or|but|so|can|could|would|will|we|i|you|how|what|when/
        .source;
const NP_ENDS = `(?=\\s*(?:[,.?!;:—–-]|$)|\\s+(?:${NOT_OF_NP})\\b)`;
/** A description said to be what is not meant ("not the discount one", 不是给银行的那个). */
const DENIED_BEFORE = /(?:\bnot|n't|\bno|不是|不要|别|非)\s*$/i;
/** A clause's stretch, within which a description lies. */
const SPAN = /[^，,。？?！!；;：:]/.source;
/** The end of a clause. */
const CLAUSE_CLOSE = /(?=[，,。.？?！!；;：:\s]|$)/.source;

const DESCRIPTIONS: readonly RegExp[] = [
    // 那个保险兜底的科技贷款, 那种政府加担保公司的贷款: a demonstrative, what it is like, a kind.
    new RegExp(`(?:${THAT_BEFORE})(${SPAN}{2,30}?(?:${KIND_ZH}))`, 'g'),
    // 给高新技术企业的那个, 有保险公司分担损失的那个科技贷款: what it is like, 的, a demonstrative.
    new RegExp(`(${SPAN}{2,30}?)${THAT_AFTER}`, 'g'),
    // 那个专门给高新技术企业的: a demonstrative, what it is like, 的 closing the clause.
    new RegExp(`(?:${THAT_BEFORE})(${SPAN}{2,30}?)${/的/.source}${CLAUSE_CLOSE}`, 'g'),
    // "the loan where an insurer backs it", "the credit loan for little giant firms": a kind, then what it is like.
    new RegExp(`\\bthe ((?:[a-z-]+ ){0,3}(?:${KIND_EN}) (?:where|that|which|whose|for|with|backed|behind)\\b[^,.?;:—–]{3,60})`, 'gi'),
    // "the patent one", "the insurance one": what it is like, then "one" ending the noun phrase. Not "the tech start-up
    // loan", which may be any city's or bank's: a kind said in English is often of something the cards do not hold.
    new RegExp(`\\bthe ((?:[a-z][a-z-]* ){1,4}one)\\b${NP_ENDS}`, 'gi'),
];

/** The first offering must score this many times the next one's for the description to name it… */
const DESCRIBED_LEAD = 2;
/** …and the first card must hold this share of the description's words, weighed by rarity (`explain`). */
const DESCRIPTION_HELD = 0.6;

/**
 * The one offering the message names by a description, when it names none by name: the first offering the
 * description's own words find confidently, far ahead of the next, with where the description stands in the normalized
 * text. Undefined when no description finds one.
 */
export function describedItem(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    text: string,
): { readonly item: KnowledgeItem; readonly at: number; readonly length: number } | undefined {
    const said = normalize(text);
    // The longest description first: "有保险公司分担损失的那个科技贷款" describes by what comes before 的那个, not by the
    // "那个科技贷款" inside it.
    const descriptions = DESCRIPTIONS.flatMap((pattern) =>
        [...said.matchAll(pattern)]
            .filter((m) => !DENIED_BEFORE.test(said.slice(Math.max(0, m.index - 8), m.index)))
            .map((m) => ({ description: m[1]!.trim(), at: m.index + m[0].indexOf(m[1]!.trim()) })),
    ).sort((a, b) => b.description.length - a.description.length);
    for (const { description, at } of descriptions) {
        // Kind nouns alone describe nothing ("这个产品贷款期限": a product, a loan).
        if (description.replace(KINDS, ' ').replace(/[\s的-]+/g, '').length < 2) continue;
        // "one" stands for the item, and is no word of it.
        const words = description.replace(/\b(?:the|one|ones)\b/gi, ' ').trim();
        // Most of what the description says must be held by the card it finds ("the tech startup visa program" holds
        // a start-up loan's words, not the visa).
        if (index.explain(words).coverage < DESCRIPTION_HELD) continue;
        const found = index.search(words, { limit: 5 });
        const offerings = found.results.filter((r) => {
            const item = snapshot.items.get(r.id);
            return item !== undefined && isOffering(item);
        });
        const [first, second] = offerings;
        if (found.confident && first && first.id === found.results[0]?.id && (!second || first.score >= DESCRIBED_LEAD * second.score))
            return { item: snapshot.items.get(first.id)!, at, length: description.length };
    }
    return undefined;
}
