/**
 * Reads the plain statements of a free-text question into profile fields
 * ("我们是高新技术企业" → high-tech, "有十几项专利" → intellectual property,
 * "贷款快到期" → loan renewal, "500万" → amountWan). Only what the text
 * plainly states: a question *about* 高企贷 does not make a firm high-tech.
 * Every value read is returned with a sentence, so the fronts can show what
 * was understood and the user can correct it.
 */
import { NEEDS, QUALIFICATIONS, SIZES, STAGES, type Localized, type Need, type Qualification, type Size, type Stage } from '../vocabulary.ts';
import type { FirmProfile } from './profile.ts';
import type { Understood } from './types.ts';

/** Words that make a qualification a statement about the firm, not a topic. */
const CLAIM = String.raw`(?:我们|我司|本公司|公司|企业|我|咱们)?(?:是|属于|已是|已经是|已获|获得|通过|拿到|取得|被认定为|认定为|评为|入选|作为|身为)`;

const QUALIFICATION_PATTERNS: readonly [Qualification, RegExp][] = [
    ['srdi-little-giant', new RegExp(`${CLAIM}[^，。,.;；]{0,8}(?:国家级)?专精特新[“"「]?小巨人`)],
    ['srdi-little-giant', /\b(?:we are|we're|as) (?:a |an )?(?:national )?srdi ["“]?little giant/i],
    ['srdi', new RegExp(`${CLAIM}[^，。,.;；]{0,8}专精特新(?![“"「]?小巨人)`)],
    ['srdi', /\b(?:we are|we're|as) (?:a |an )?(?:srdi|specialized and sophisticated|specialised and sophisticated)\b(?! ["“]?little giant)/i],
    ['tech-little-giant', new RegExp(`${CLAIM}[^，。,.;；]{0,8}(?<!专精特新[“"「]?)(?:科技)?小巨人(?!信用贷)`)],
    ['tech-little-giant', /\b(?:we are|we're|as) (?:a |an )?(?:sci-?tech |technology )?little giant\b(?! credit)/i],
    ['high-tech', new RegExp(`${CLAIM}[^，。,.;；]{0,8}(?:国家级)?(?:高新技术企业|高企(?!贷))`)],
    ['high-tech', /\b(?:we are|we're|as|certified as) (?:a |an )?(?:certified )?(?:high-?tech|hnte)\b/i],
    ['tech-sme', new RegExp(`${CLAIM}[^，。,.;；]{0,8}科技型中小(?:微)?企业`)],
    ['tech-sme', /\b(?:we are|we're|as) (?:a |an )?(?:tech-based|technology-based|tech|technology) (?:sme|small)/i],
];

const NEED_PATTERNS: readonly [Need, RegExp][] = [
    ['loan-renewal', /续贷|转贷|(?:贷款|借款)[^，。,.]{0,6}到期|到期[^，。,.]{0,4}(?:还不上|周转|续)|不还本|无还本|renew|roll ?over|(?:loan|credit)[^,.]{0,20}(?:due|matur)/i],
    ['ip-pledge', /(?:专利|知识产权|商标|著作权)[^，。,.]{0,4}(?:质押|融资|贷款|抵押)|(?:质押|抵押)[^，。,.]{0,4}(?:专利|知识产权)|ip[- ]pledge|patent[- ]backed|(?:pledg|us)\w* (?:our |my )?(?:patents?|ip|intellectual property)/i],
    ['bill-discount', /贴现|承兑汇票|商业汇票|票据|discount|bills? of exchange|acceptance bills?/i],
    ['relief', /纾困|经营困难|资金链|疫情[^，。,.]{0,6}影响|渡过难关|relief|hardship|in difficult/i],
    ['first-loan', /首贷|首次贷款|第一次贷款|第一笔贷款|从没(?:有)?贷过|没有贷过款|没贷过款|first(?:-time)? (?:bank )?loan|never borrowed/i],
    ['credit-loan', /信用贷|无抵押|没有抵押|没抵押|无需抵押|不要抵押|轻资产|unsecured|credit loan|collateral[- ]free|without (?:any )?collateral|no collateral/i],
    ['working-capital', /流动资金|周转|发工资|采购原材料|working capital|cash flow|payroll/i],
    ['equity', /股权融资|股权投资|天使轮|a轮|b轮|投资人|风投|equity|venture capital|\bvc\b|angel (?:round|invest)|investors?\b/i],
];

const STAGE_PATTERNS: readonly [Stage, RegExp][] = [
    ['seed', /种子期|种子轮|还没(?:有)?收入|刚注册|\bseed(?: stage)?\b|pre-revenue/i],
    ['startup', /初创|刚成立|刚起步|创业(?:初期|阶段)|成立不(?:到|久)|start-?up|early[- ]stage|just founded|newly founded/i],
    ['growth', /成长期|快速(?:成长|发展)|扩张期|扩大生产|growth stage|scale[- ]up|growing fast|expanding/i],
    ['mature', /成熟期|规模以上|上市公司|行业龙头|\bmature\b|established (?:company|firm)/i],
];

const SIZE_PATTERNS: readonly [Size, RegExp][] = [
    ['micro', /微型企业|小微企业(?:中的)?微型|\bmicro(?:-| )?(?:enterprise|firm|company|business)\b/i],
    ['small', /小型企业|\bsmall (?:enterprise|firm|company|business)\b/i],
    ['medium', /中型企业|\bmedium[- ]sized?\b/i],
    ['large', /大型企业|\blarge (?:enterprise|firm|company)\b/i],
];

const HAS_IP = /(?:有|拥有|持有|获得|取得|申请了|手握|\d+|[一二两三四五六七八九十几多]+)\s*(?:项|个|件|份)?[^，。,.;；]{0,6}(?:发明专利|实用新型|专利|知识产权|软件著作权|软著)|(?:we|i) (?:have|own|hold)[^,.]{0,30}(?:patents?|intellectual property|\bip\b)|\d+ patents/i;
const NO_IP = /(?:没有|无|暂无|尚无)[^，。,.]{0,4}(?:专利|知识产权)|(?:no|don't have|do not have|without) (?:any )?(?:patents?|intellectual property|\bip\b)/i;

const REVENUE_CONTEXT = /(?:年?营收|营业收入|营业额|销售额|销售收入|收入|revenue|sales|turnover)[^，。,.;；\d]{0,8}$/i;
const EMPLOYEE = /(\d{1,7})\s*(?:多)?\s*(?:名|个|位)?\s*(?:员工|职工|雇员|人(?:的)?(?:团队|规模)?)|(\d{1,7})\s*(?:employees|staff|people)/i;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Amounts written "500万", "1.5亿", "两千万", "5 million yuan", "RMB 3m", with the text before them. */
function findAmounts(text: string): { wan: number; before: string }[] {
    const found: { wan: number; before: string }[] = [];
    const zh = /(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(千万|百万|十万|万|亿)(?:元|人民币)?/g;
    for (const m of text.matchAll(zh)) {
        const raw = m[1]!;
        const n = /\d/.test(raw) ? Number(raw) : chineseNumber(raw);
        const unit = { 千万: 1000, 百万: 100, 十万: 10, 万: 1, 亿: 10000 }[m[2] as '万'];
        if (n > 0) found.push({ wan: n * unit, before: text.slice(Math.max(0, m.index - 12), m.index) });
    }
    const en = /(?:rmb|cny|¥|yuan)?\s*(\d+(?:\.\d+)?)\s*(million|m\b|mn\b|billion|bn\b)\s*(?:rmb|cny|yuan)?/gi;
    for (const m of text.matchAll(en)) {
        const unit = /^b/i.test(m[2]!) ? 100_000 : 100;
        found.push({ wan: Number(m[1]) * unit, before: text.slice(Math.max(0, m.index - 20), m.index) });
    }
    return found;
}

function chineseNumber(s: string): number {
    if (s === '十') return 10;
    if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]!] ?? 0);
    if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? 0) * 10 + (CN_DIGITS[s[2]!] ?? 0);
    if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? 0) * 10;
    return CN_DIGITS[s] ?? 0;
}

function said(zh: string, en: string): Localized {
    return { zh, en };
}

export interface Understanding {
    readonly fields: Partial<FirmProfile>;
    readonly understood: readonly Understood[];
}

/** Profile fields that `question` plainly states, each with a sentence saying so. */
export function understandQuestion(question: string): Understanding {
    const text = question.normalize('NFKC');
    const fields: Partial<Record<keyof FirmProfile, unknown>> = {};
    const understood: Understood[] = [];
    const add = (field: keyof FirmProfile, value: unknown, text: Localized) => {
        fields[field] = value;
        understood.push({ field, value, text });
    };

    const quals = unique(QUALIFICATION_PATTERNS.filter(([, re]) => re.test(text)).map(([q]) => q));
    if (quals.length > 0) {
        add('qualifications', quals, said(`资质：${quals.map((q) => QUALIFICATIONS.labels[q].zh).join('、')}`, `qualifications: ${quals.map((q) => QUALIFICATIONS.labels[q].en).join(', ')}`));
    }
    const needs = unique(NEED_PATTERNS.filter(([, re]) => re.test(text)).map(([n]) => n));
    if (needs.length > 0) {
        add('needs', needs, said(`需求：${needs.map((n) => NEEDS.labels[n].zh).join('、')}`, `needs: ${needs.map((n) => NEEDS.labels[n].en).join(', ')}`));
    }
    const stage = STAGE_PATTERNS.find(([, re]) => re.test(text))?.[0];
    if (stage) add('stage', stage, said(`发展阶段：${STAGES.labels[stage].zh}`, `stage: ${STAGES.labels[stage].en}`));
    const size = SIZE_PATTERNS.find(([, re]) => re.test(text))?.[0];
    if (size) add('size', size, said(`企业规模：${SIZES.labels[size].zh}`, `size: ${SIZES.labels[size].en}`));

    if (NO_IP.test(text)) add('hasIntellectualProperty', false, said('没有专利或其他知识产权', 'no patents or other intellectual property'));
    else if (HAS_IP.test(text)) add('hasIntellectualProperty', true, said('拥有专利或其他知识产权', 'owns patents or other intellectual property'));

    for (const { wan, before } of findAmounts(text)) {
        if (REVENUE_CONTEXT.test(before)) {
            if (fields.annualRevenueWan === undefined) add('annualRevenueWan', wan, said(`年营业收入约 ${wan} 万元`, `annual revenue about ${wan} 万元 (CNY ${wan / 100} million)`));
        } else if (fields.amountWan === undefined) {
            add('amountWan', wan, said(`融资需求约 ${wan} 万元`, `financing need about ${wan} 万元 (CNY ${wan / 100} million)`));
        }
    }
    const staff = EMPLOYEE.exec(text);
    if (staff) {
        const n = Number(staff[1] ?? staff[2]);
        add('employees', n, said(`员工约 ${n} 人`, `about ${n} employees`));
    }
    return { fields: fields as Partial<FirmProfile>, understood };
}

function unique<T>(xs: readonly T[]): T[] {
    return [...new Set(xs)];
}
