/**
 * The profile and knowledge vocabularies, each word with its zh and en label
 * in one place. The words are a contract with the evaluation files and the
 * MCP tools (see `knowledge/README.md`): add words, never rename them.
 */

export type Lang = 'zh' | 'en';
export const LANGS = ['zh', 'en'] as const;

/** A text in both languages. Every user-facing string in the core is one. */
export interface Localized {
    readonly zh: string;
    readonly en: string;
}

function vocabulary<const K extends string>(labels: Record<K, Localized>) {
    const values = Object.keys(labels) as [K, ...K[]];
    return { values, labels } as const;
}

export const STAGES = vocabulary({
    seed: { zh: '种子期', en: 'seed stage' },
    startup: { zh: '初创期', en: 'start-up stage' },
    growth: { zh: '成长期', en: 'growth stage' },
    mature: { zh: '成熟期（具有一定规模）', en: 'mature (of a certain scale)' },
});

export const QUALIFICATIONS = vocabulary({
    'tech-sme': { zh: '科技型中小企业', en: 'Tech-based SME' },
    'high-tech': { zh: '高新技术企业', en: 'High-Tech Enterprise' },
    'tech-little-giant': { zh: '科技小巨人（含培育）', en: 'Sci-Tech Little Giant (incl. cultivation)' },
    srdi: { zh: '专精特新中小企业', en: 'SRDI SME (specialised, refined, distinctive, innovative)' },
    'srdi-little-giant': { zh: '专精特新“小巨人”', en: 'SRDI "Little Giant"' },
});

export const SIZES = vocabulary({
    micro: { zh: '微型', en: 'micro' },
    small: { zh: '小型', en: 'small' },
    medium: { zh: '中型', en: 'medium' },
    large: { zh: '大型', en: 'large' },
});

export const NEEDS = vocabulary({
    'working-capital': { zh: '流动资金', en: 'working capital' },
    'credit-loan': { zh: '无抵押信用贷款', en: 'unsecured credit loan' },
    'ip-pledge': { zh: '知识产权质押', en: 'IP-pledge financing' },
    'loan-renewal': { zh: '续贷', en: 'loan renewal' },
    'bill-discount': { zh: '票据贴现', en: 'bill discounting' },
    relief: { zh: '纾困', en: 'relief financing' },
    'first-loan': { zh: '首贷', en: 'first loan' },
    equity: { zh: '股权融资', en: 'equity financing' },
});

export const KINDS = vocabulary({
    product: { zh: '信贷产品', en: 'credit product' },
    policy: { zh: '政策', en: 'policy' },
    platform: { zh: '服务平台', en: 'platform' },
    program: { zh: '合作机制', en: 'programme' },
    document: { zh: '政策文件', en: 'policy document' },
    organization: { zh: '机构', en: 'organization' },
});

/**
 * What a question asks about an item (see `knowledge/aspects.yaml` for the
 * words that say so, and core/answer for how each is answered). The labels
 * name the aspect in an answer ("来源未给出额度方面的信息").
 */
export const ASPECTS = vocabulary({
    'what-is': { zh: '基本情况', en: 'overview' },
    amount: { zh: '额度', en: 'amount' },
    term: { zh: '期限', en: 'term' },
    rate: { zh: '利率', en: 'interest rate' },
    fee: { zh: '费用', en: 'fees' },
    subsidy: { zh: '补贴', en: 'subsidy' },
    eligibility: { zh: '适用对象和条件', en: 'eligibility' },
    'how-to-apply': { zh: '申请方式', en: 'how to apply' },
    contact: { zh: '联系方式', en: 'contact details' },
    'partner-banks': { zh: '合作银行', en: 'partner banks' },
    'risk-sharing': { zh: '风险分担', en: 'risk sharing' },
    'processing-time': { zh: '办理时间', en: 'processing time' },
    history: { zh: '历史沿革', en: 'history' },
    figures: { zh: '统计数据', en: 'figures' },
    window: { zh: '申请时间', en: 'application window' },
    documents: { zh: '申请材料', en: 'documents to prepare' },
    application: { zh: '是否需要申请', en: 'automatic or apply' },
});

/** Not an aspect of one item: the question compares two (履约贷和微贷通有什么区别). */
export const COMPARISON = 'comparison';

export type Aspect = (typeof ASPECTS.values)[number];
export type Stage = (typeof STAGES.values)[number];
export type Qualification = (typeof QUALIFICATIONS.values)[number];
export type Size = (typeof SIZES.values)[number];
export type Need = (typeof NEEDS.values)[number];
export type Kind = (typeof KINDS.values)[number];

/**
 * The offerings: the kinds a firm can take up (a credit product, a service
 * platform, a cooperation programme), as against what only informs (policies,
 * documents) and whom to call (organizations). Matching rates them, browsing
 * and listing show them; they are the cards of `products/`.
 */
export const OFFERING_KINDS = ['product', 'platform', 'program'] as const satisfies readonly Kind[];
export type OfferingKind = (typeof OFFERING_KINDS)[number];

/** Which folder of `knowledge/` holds which kinds. */
export const FOLDER_KINDS = {
    products: OFFERING_KINDS,
    policies: ['policy', 'document'],
    organizations: ['organization'],
} as const satisfies Record<string, readonly Kind[]>;

export type Folder = keyof typeof FOLDER_KINDS;

/**
 * Qualifications that a firm holding the key also holds, so that a
 * "小巨人" firm is never told it lacks the SRDI title it necessarily has.
 */
export const IMPLIED_QUALIFICATIONS: Partial<Record<Qualification, readonly Qualification[]>> = {
    'srdi-little-giant': ['srdi'],
};

export function label(labels: Record<string, Localized>, word: string, lang: Lang): string {
    return labels[word]?.[lang] ?? word;
}
