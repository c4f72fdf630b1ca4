/**
 * Every label the fronts and the answer show, in one table: section names,
 * field names, status marks and the sentences an answer is built of. A
 * front picks the language and marks the text up; it never words a label
 * itself, so that a label reads the same in the bot, MCP and the CLI.
 * It sits below the engines (core/words), so that search and answer read
 * their words here instead of importing up into core/present.
 */
import type { Lang, Localized } from '../vocabulary.ts';
import { MATCH_HEADINGS } from './match.ts';

export const LABELS = {
    // Card sections
    eligibility: { zh: '适用对象', en: 'Who can apply' },
    terms: { zh: '条款', en: 'Terms' },
    howToApply: { zh: '申请方式', en: 'How to apply' },
    facts: { zh: '要点', en: 'Facts' },
    notes: { zh: '说明', en: 'Notes' },
    details: { zh: '详细介绍', en: 'Details' },
    sources: { zh: '来源', en: 'Sources' },
    source: { zh: '来源', en: 'Source' },
    contacts: { zh: '联系机构', en: 'Contacts' },
    contactDetails: { zh: '联系方式', en: 'Contact details' },
    contact: { zh: '联系', en: 'Contact' },
    related: { zh: '相关', en: 'Related' },
    document: { zh: '文件信息', en: 'Document' },
    lastVerified: { zh: '最近核实', en: 'Last verified' },
    validUntil: { zh: '有效至', en: 'Valid until' },
    nextStep: { zh: '下一步', en: 'Next step' },
    // Fields
    stages: { zh: '适用阶段', en: 'Stages' },
    qualificationsAny: { zh: '须具备其一', en: 'Needs one of' },
    qualificationsAll: { zh: '须全部具备', en: 'Needs all of' },
    qualificationsPreferred: { zh: '优先', en: 'Preferred' },
    sizes: { zh: '企业规模', en: 'Firm size' },
    revenue: { zh: '年营业收入', en: 'Annual revenue' },
    requiresIp: { zh: '须拥有知识产权', en: 'Must hold intellectual property' },
    noIpRequired: { zh: '不要求拥有知识产权', en: 'No intellectual property required' },
    amount: { zh: '额度', en: 'Amount' },
    term: { zh: '期限', en: 'Term' },
    rate: { zh: '利率', en: 'Rate' },
    fees: { zh: '费用', en: 'Fees' },
    subsidy: { zh: '补贴', en: 'Subsidy' },
    riskSharing: { zh: '风险分担', en: 'Risk sharing' },
    partnerBanks: { zh: '合作银行', en: 'Partner banks' },
    phone: { zh: '电话', en: 'Phone' },
    address: { zh: '地址', en: 'Address' },
    postcode: { zh: '邮编', en: 'Postcode' },
    website: { zh: '网站', en: 'Website' },
    hours: { zh: '办公时间', en: 'Hours' },
    role: { zh: '职能', en: 'Role' },
    docNumber: { zh: '文号', en: 'Reference' },
    issuer: { zh: '发文机关', en: 'Issuer' },
    date: { zh: '日期', en: 'Date' },
    noPhone: { zh: '来源中没有电话', en: 'no phone number in the sources' },
    // What to do next (application, apply_channel, documents, benefit)
    applicationMode: { zh: '办理方式', en: 'How it is granted' },
    modeAutomatic: { zh: '免申即享：无需申请，符合条件即可享受', en: 'Automatic (免申即享): no application needed' },
    modeApply: { zh: '须由企业主动申请', en: 'The firm applies' },
    modeThroughBank: { zh: '通过银行办理：向银行申请，由银行受理', en: 'Through a bank: apply at a bank, which handles it' },
    briefAutomatic: { zh: '免申即享', en: 'automatic' },
    briefApply: { zh: '需主动申请', en: 'apply' },
    briefThroughBank: { zh: '向银行申请', en: 'apply at a bank' },
    window: { zh: '申请时间', en: 'Application window' },
    windowRolling: { zh: '常年受理', en: 'Accepted all year' },
    windowClosed: { zh: '（已截止）', en: ' (closed)' },
    windowUpcoming: { zh: '（尚未开始）', en: ' (not open yet)' },
    windowOpen: { zh: '（受理中）', en: ' (open)' },
    windowUntil: { zh: '截至', en: 'until' },
    applyChannel: { zh: '申请入口', en: 'Where to apply' },
    documents: { zh: '准备材料', en: 'What to prepare' },
    benefit: { zh: '支持力度', en: 'Support' },
    upTo: { zh: '最高', en: 'up to' },
    ofCost: { zh: '比例', en: 'share' },
    rateCut: { zh: '利率下降', en: 'rate cut' },
    // Marks
    expired: { zh: '（已过期）', en: ' (expired)' },
    expiredNotice: { zh: '此条信息的有效期已过，请向机构核实。', en: 'This entry is past its validity date; check with the organization.' },
    // One standing mark in every front: the knowledge's own facts say 未经确认 too.
    unconfirmed: { zh: '（未经确认）', en: ' (unconfirmed)' },
    outdated: { zh: '（信息可能已过时）', en: ' (may be outdated)' },
    // Match results: their headings are worded with the rest of a match's words
    ...MATCH_HEADINGS,
    // Answers
    answer: { zh: '回答', en: 'Answer' },
    askContact: { zh: '可咨询', en: 'Ask' },
    compared: { zh: '对比', en: 'Side by side' },
    didYouMean: { zh: '您是不是想问', en: 'Did you mean' },
    weakResults: { zh: '（匹配度不高，以下结果仅供参考）', en: '(weak match: the results below may not answer the question)' },
    unknown: { zh: '知识库中没有能可靠回答这个问题的内容。', en: "kejin's knowledge holds nothing that reliably answers this question." },
    // Lists and headings (the MCP text, the CLI)
    searchResults: { zh: '检索结果', en: 'Search results' },
    noResults: { zh: '（无结果）', en: '(no results)' },
    productMatch: { zh: '产品匹配', en: 'Product match' },
    understoodCorrect: { zh: '从描述中理解到（如有误请更正）', en: 'Read from the description (correct it if wrong)' },
    noProductToRate: { zh: '知识库中没有可匹配的产品。', en: 'The knowledge holds no product to rate.' },
    productsAndPlatforms: { zh: '产品与平台', en: 'Products and platforms' },
    noProductFits: { zh: '没有符合这些条件的产品；去掉一个条件再试。', en: 'No product fits these filters; drop one and try again.' },
    organizationsToContact: { zh: '联系机构', en: 'Organizations to contact' },
    noOrganization: { zh: '没有找到对应的机构。', en: 'No organization found.' },
} as const satisfies Record<string, Localized>;

export type LabelKey = keyof typeof LABELS;

export function labelOf(key: LabelKey, lang: Lang): string {
    return LABELS[key][lang];
}

/** The list separator of a language: 、 in Chinese, a comma in English. */
export function listJoin(lang: Lang, parts: readonly string[]): string {
    return parts.join(lang === 'zh' ? '、' : ', ');
}

/** "Key: value" in the punctuation of the language. */
export function colon(lang: Lang): string {
    return lang === 'zh' ? '：' : ': ';
}

/** "a；b" / "a; b": clauses of one line (a list of conditions, the facts told about a firm). */
export function clauseJoin(lang: Lang, parts: readonly string[]): string {
    return parts.join(lang === 'zh' ? '；' : '; ');
}

/** What goes between two sentences: nothing after a Chinese full stop, a space in English. */
export function sentenceGap(lang: Lang): string {
    return lang === 'zh' ? '' : ' ';
}

/** The full stop that ends a sentence before another ("办理方式。…" / "How it is granted. …"). */
export function fullStop(lang: Lang): string {
    return lang === 'zh' ? '。' : '. ';
}

/** A remark after a text, in the brackets of the language: "（…）" / " (…)". */
export function aside(text: string, lang: Lang): string {
    return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** The count of list entries left out: "另有 2 项" / "2 more". */
export function moreText(n: number, lang: Lang): string {
    return lang === 'zh' ? `另有 ${n} 项` : `${n} more`;
}

/** A text quoted in the marks of the language: “…” / "…". */
export function quoted(text: string, lang: Lang): string {
    return lang === 'zh' ? `“${text}”` : `"${text}"`;
}

/** The Chinese measure word of what a counted heading counts. */
const MEASURE = { productMatch: '个', productsAndPlatforms: '项', organizationsToContact: '个' } as const;

/** A heading with the count of what follows: "产品匹配（3 个）" / "Product match (3)". */
export function counted(key: keyof typeof MEASURE, n: number, lang: Lang): string {
    return lang === 'zh' ? `${LABELS[key].zh}（${n} ${MEASURE[key]}）` : `${LABELS[key].en} (${n})`;
}
