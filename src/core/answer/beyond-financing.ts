/**
 * Questions of matters beside financing that share its words: how a firm is certified, what its patents cost to
 * file, its taxes and a listing of its shares, credit to a person, the social insurance it pays for its staff, how a
 * credit record is looked up or mended, what a benchmark rate is now, where to put money, insurance bought for its
 * own cover, a resident's papers and the city's venues, a company's registration. The knowledge holds what sci-tech
 * firms can borrow and be granted, not these, and the card whose words they share is no answer: a question of one is
 * not answered by the search's first card, and no short word in it names a card (see answer.ts). Each reads the
 * question's words, never a card's; an item named still answers.
 */
import { VOCABULARY_LEXICON } from '../lexicon/lexicon.ts';
import { normalize } from '../search/tokenize.ts';

/**
 * Whether the question asks of a matter beside financing (see above). The text is read folded as the search reads
 * it: traditional characters as simplified (專利 is 专利), full-width as half-width, lower case.
 */
export function asksBeyondFinancing(question: string): boolean {
    const text = normalize(question);
    return (
        asksCertification(text) ||
        asksOfOwnIp(text) ||
        asksOfTaxOrListing(text) ||
        asksOfPersonalCredit(text) ||
        asksOfPayrollDues(text) ||
        asksOfCreditRecord(text) ||
        asksBenchmarkRate(text) ||
        asksOfInvesting(text) ||
        asksOfInsuranceBought(text) ||
        asksOfPersonalService(text) ||
        asksOfRegistration(text)
    );
}

/** Words of becoming a kind of firm: being certified, declared, recognised ("高企认定", "怎么申报专精特新", "get certified as"). */
const CERTIFYING = new RegExp(
    [
        /认定|申报|评定|评价|填报|认证|评审|复审|入库|称号/.source,
        /\b(?:certif(?:y|ied|ication)|recogni[sz](?:ed|ation)|accredit\w*|apply to be(?:come)?|becom(?:e|ing) an?|titles?|regist(?:er|ered) as)\b/
            .source,
    ].join('|'),
    'i',
);
/**
 * Words of money a firm gets: a question holding one asks of financing, whatever else it says. A reward is no such
 * word: a reward for a title, a patent or a listing (高新技术企业认定奖励多少) is paid for the act, which no card holds;
 * the rewards to banks for lending (信贷奖励) are said with a word of lending.
 */
const FINANCING =
    /贷|融资|借款|补贴|补助|贴息|担保|保险|保费|授信|\b(?:loans?|lend\w*|borrow\w*|financ\w*|credit|subsid\w*|guarantee\w*|insur\w*|premium)\b/i;

/**
 * The message asks how a firm becomes one of the kinds the profile knows (高新技术企业认定需要什么条件, 专精特新企业怎么申报,
 * how do I get certified as a high-tech enterprise), and nothing of money: the knowledge holds what such firms can
 * borrow, not how they are certified, and a card that merely requires the title is no answer.
 */
function asksCertification(text: string): boolean {
    if (!CERTIFYING.test(text) || FINANCING.test(text)) return false;
    return VOCABULARY_LEXICON.mentions('qualifications', text).length > 0;
}

/** A firm's intellectual property, as an asset it files, holds and pays for. */
const IP_ASSET = /专利|商标|著作权|软著|知识产权|\b(?:patent\w*|trademark\w*|copyright\w*|intellectual property)\b/i;
/** Words of putting an asset up for money: with one, the question asks of IP as security (the IP-pledge loans). */
const PLEDGING = /质押|抵押|押|评估|\b(?:pledg\w*|collateral|secur\w*|backed|valu(?:e|ed|ation))\b/i;

/**
 * The message asks about the firm's intellectual property itself, and nothing of money nor of pledging it: what a
 * patent costs to file, how long its examination takes, its annual fee (发明专利申请费用, patent filing fees). The
 * knowledge holds what IP can be pledged for, not the patent office's procedures, and the IP-pledge card, which writes
 * 专利 and 申请 and fees, is no answer.
 */
function asksOfOwnIp(text: string): boolean {
    return IP_ASSET.test(text) && !FINANCING.test(text) && !PLEDGING.test(text);
}

/** Taxes a firm pays or is spared (加计扣除 is a tax relief), and a listing of its shares: matters of the tax office and the exchanges. */
const TAXES = /税|加计扣除|\btax(?:es|ed|ation)?\b|\b(?:super[- ]?deductions?|r&d deductions?)\b/i;
const LISTING = /上市|科创板|北交所|创业板|\b(?:ipo|go(?:ing)? public|list(?:ing)? on|star market|stock exchange)\b/i;

/**
 * The message asks of the firm's taxes (高企可以享受哪些税收优惠, 所得税减免怎么申请) or of listing its shares (科创板上市
 * 条件, what does it take to list on the STAR Market), and nothing of money a firm gets: the knowledge holds loans,
 * subsidies and guarantees, not tax reliefs or listing rules, and a card whose conditions name a tax penalty or whose
 * name shares 科创 is no answer.
 */
function asksOfTaxOrListing(text: string): boolean {
    return (TAXES.test(text) || LISTING.test(text)) && !FINANCING.test(text);
}

/** Credit to a person or a household, not to a firm: cards, home and car loans, a loan in one's own name. */
const PERSONAL_CREDIT = new RegExp(
    [
        /信用卡|房贷|车贷|消费贷|个人(?:经营|信用|住房|消费)?贷|个体户|(?:大学生|毕业生|个人)创业贷|创业担保贷/.source,
        /\b(?:credit cards?|mortgage (?:rates?|payments?)|home loans?|car loans?|consumer loans?|personal (?:business )?(?:loans?|credit))\b/.source,
    ].join('|'),
    'i',
);

/**
 * The message asks for credit to a person (个人经营贷款怎么申请, a personal loan without collateral, my credit card is
 * overdue, the current mortgage rate): the knowledge holds credit to sci-tech firms, and a card that excludes owners
 * with overdue personal loans, or partners with the bank that issues the card, is no answer.
 */
function asksOfPersonalCredit(text: string): boolean {
    return PERSONAL_CREDIT.test(text);
}

/** What a firm pays for its staff by law: social insurance in any of its branches, the housing fund. */
const PAYROLL_DUES = new RegExp(
    [
        /社保|社会保险|养老保险|医疗保险|医保|失业保险|工伤保险|生育保险|公积金|五险/.source,
        /\b(?:social (?:insurance|security)|pension\w*|(?:medical|health|unemployment) insurance|housing (?:provident )?fund)\b/.source,
    ].join('|'),
    'i',
);
/** Words of lending: with one, a question of the housing fund or of pensions asks for a loan. */
const LENDING = /贷|融资|借款|授信|\b(?:loans?|lend\w*|borrow\w*|financ\w*)\b/i;

/**
 * The message asks of the social insurance or the housing fund a firm pays for its staff (上海的养老保险怎么交, social
 * insurance rates for employers), and of no loan: the knowledge's only insurance is the performance bond insurance
 * that backs 科技履约贷, which is no answer to it.
 */
function asksOfPayrollDues(text: string): boolean {
    return PAYROLL_DUES.test(text) && !LENDING.test(text);
}

/** A credit record, report or score, of a person or a firm, and the lists of the dishonest. */
const CREDIT_RECORD = new RegExp(
    [
        /征信|信用记录|信用报告|信用评级|信用分|失信|行政处罚记录|信用中国/.source,
        /\bcredit (?:reports?|scores?|ratings?|records?|history|histories)\b/.source,
    ].join('|'),
    'i',
);
/** Doing something to such a record: getting or looking it up, mending it, raising it, having an entry taken off. */
const RECORD_WORK = new RegExp(
    [
        /查|修复|撤|删除|移出|消除|提高|提升|改善|打印|开具|获取/.source,
        /\b(?:check\w*|repair\w*|remov\w*|fix\w*|improv\w*|upgrad\w*|rais\w*|clean\w*|clear\w*|get|obtain\w*|pull|print\w*|download\w*)\b/.source,
    ].join('|'),
    'i',
);
/** Words of the loans and subsidies themselves: with one, a question of a credit record asks whether it bars them. */
const OFFERED = /贷|融资|借款|授信|补贴|补助|贴息|保费|担保|\b(?:loans?|lend\w*|borrow\w*|financ\w*|subsid\w*|premium|guarantee\w*)\b/i;

/**
 * The message asks how to look up or mend a credit record (个人征信怎么查, 信用修复怎么申请, how can we remove an overdue
 * record from our credit report), and of no loan or subsidy: the cards say which records bar a firm, not how records
 * are kept or mended.
 */
function asksOfCreditRecord(text: string): boolean {
    return CREDIT_RECORD.test(text) && RECORD_WORK.test(text) && !OFFERED.test(text);
}

/** The central bank's benchmark and policy rates. */
const BENCHMARK = /贷款市场报价利率|降息|降准|存款准备金|\b(?:lpr|mlf|reserve requirement|rate cuts?|policy rates?)\b/i;

/**
 * The message asks what a benchmark or policy rate is now (现在LPR是多少, MLF利率, the current 5-year LPR), and names
 * no card: the cards price loans against the LPR, but hold no figure of it.
 */
function asksBenchmarkRate(text: string): boolean {
    return BENCHMARK.test(text) && !OFFERED.test(text);
}

/** Putting money into something to earn on it: funds, bonds, deposits, shares, wealth-management products. */
const INVESTING = new RegExp(
    [
        /理财|(?:买|购买|投)(?:\S{0,4})(?:基金|债券|国债|股票|存单|黄金)|(?:基金|债券|股票|存款|存单)(?:\S{0,3})(?:收益|利率|怎么买|推荐)/.source,
        /\b(?:wealth management|savings accounts?|(?:buy|buying|invest in|investing in)\s+(?:\w+\s+)?(?:funds?|bonds?|stocks?|shares|gold|deposits?))\b/
            .source,
        /\b(?:mutual|index) funds?\b|\bretail investors?\b|\bdeposit (?:rates?|interest)\b/.source,
    ].join('|'),
    'i',
);

/**
 * The message asks where to put money to earn on it (我想买基金, Bank of Shanghai wealth management products, how do I
 * buy government bonds), and of no loan or subsidy: the guarantee fund and the performance bond are no fund or bond
 * to buy.
 */
function asksOfInvesting(text: string): boolean {
    return INVESTING.test(text) && !OFFERED.test(text);
}

/** Insurance a firm or a person buys for itself: liability, property, accident, health, a car. */
const INSURANCE_BOUGHT = new RegExp(
    [
        /责任险|责任保险|财产险|财产保险|董责险|意外险|重疾险|车险|健康险|商业保险/.source,
        /\b(?:(?:liability|property|accident|car|travel|life|d&o|cyber|key person|critical illness) insurance|directors and officers)\b/.source,
    ].join('|'),
    'i',
);

/**
 * The message asks of insurance bought for its own cover (公司财产保险怎么买, product liability insurance, 董责险), and
 * of no loan: the knowledge's insurance backs a loan (科技履约贷), and its premium subsidy is for that insurance only.
 */
function asksOfInsuranceBought(text: string): boolean {
    return INSURANCE_BOUGHT.test(text) && !LENDING.test(text);
}

/** A resident's papers and the city's venues: residence permits, hukou, passports, museums and libraries. */
const PERSONAL_SERVICE = new RegExp(
    [
        /居住证|户口|落户|护照|驾照|驾驶证|签证|科技馆|博物馆|图书馆|天文馆|门票|开放时间/.source,
        /\b(?:hukou|residence permits?|passports?|driv(?:ing|er'?s) licen[cs]es?|visas?|museums?|library|libraries|tickets?|opening hours)\b/.source,
    ].join('|'),
    'i',
);

/**
 * The message asks of a resident's papers or the city's venues (随申办怎么办理居住证, 上海科技馆开放时间), and of no loan or
 * subsidy: the platforms that host the financing services host these too, and are no answer to them.
 */
function asksOfPersonalService(text: string): boolean {
    return PERSONAL_SERVICE.test(text) && !OFFERED.test(text);
}

/** A company's registration with the market regulator: its licence, its changes, its annual report, its capital. */
const REGISTRATION = new RegExp(
    [
        /营业执照|工商登记|工商注册|注册公司|公司注册|注册一家|变更法人|法人变更|法定代表人变更|工商年报|企业年报|注册资本|注销公司|公司注销/.source,
        /\b(?:business licen[cs]es?|company registration|legal representative|annual report to samr|registered capital)\b/.source,
        /\bregist(?:er|ering) (?:a |an |my |our |the )?(?:new )?(?:company|business|firm)\b/.source,
    ].join('|'),
    'i',
);

/**
 * The message asks how a company is registered, changed or closed (一网通办怎么办理营业执照变更, minimum registered
 * capital), and of no loan or subsidy: the platforms that host the financing services host these too.
 */
function asksOfRegistration(text: string): boolean {
    return REGISTRATION.test(text) && !OFFERED.test(text);
}
