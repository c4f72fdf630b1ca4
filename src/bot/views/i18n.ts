/**
 * Every text the bot shows, in zh and en. A typed table rather than the i18n
 * plugin: the two languages must never drift apart, and tsc checks that both
 * tables have every key. Vocabulary words (stages, qualifications…) are not
 * repeated here: they come from `core/vocabulary.ts`.
 *
 * Templates that take dynamic values escape them themselves, so a caller can
 * never forget to.
 */
import { colon, LABELS } from '../../core/words/labels.ts';
import { wanText } from '../../core/words/units.ts';
import type { Lang } from '../../core/vocabulary.ts';
import { esc } from './html.ts';

export interface Messages {
    /** The colon between a label and its value (core/words, as every front writes it). */
    readonly colon: string;
    readonly greeting: (name: string | undefined) => string;
    readonly help: string;
    readonly menuMatch: string;
    readonly menuAsk: string;
    readonly menuBrowse: string;
    readonly menuContact: string;
    readonly menuLang: string;
    readonly menuHome: string;
    readonly askPrompt: string;
    readonly langPrompt: string;
    readonly langSet: string;

    // Questionnaire
    readonly stepOf: (n: number, total: number) => string;
    readonly qStage: string;
    readonly qQualifications: string;
    readonly qSize: string;
    readonly qNeeds: string;
    readonly qIp: string;
    readonly qAmount: string;
    readonly current: string;
    readonly notAnswered: string;
    readonly back: string;
    readonly skip: string;
    readonly cancel: string;
    readonly done: string;
    readonly noneOfThese: string;
    readonly yes: string;
    readonly no: string;
    readonly amountHint: string;
    readonly flowCancelled: string;
    readonly flowStale: string;

    // Match results
    readonly matchHeader: (n: number) => string;
    /** Above the products a message asked about, rated for the firm whatever their rating. */
    readonly ratedHeader: string;
    readonly matchNone: string;
    readonly matchEmptyProfile: string;
    readonly matchBadProfile: string;
    readonly details: string;
    readonly contacts: string;
    readonly refine: string;

    // Questions
    readonly answerHeader: (q: string) => string;
    readonly notConfident: string;
    readonly didYouMean: string;
    readonly tryMatch: string;
    readonly generalContacts: string;
    // notConfident and didYouMean are the answer's own words (core/words), so that every front says "not known" alike.
    /** Follow-up buttons under an answer. */
    readonly followApply: string;
    readonly followContact: string;
    readonly followSimilar: string;

    /** An amount in 万元 as the questionnaire shows it (core/words/units.ts). */
    readonly wan: (n: number) => string;

    // Browse
    readonly browseKind: string;
    readonly browseStage: string;
    readonly anyKind: string;
    readonly anyStage: string;
    readonly browseHeader: (what: string, n: number) => string;
    readonly browseNone: string;
    readonly prev: string;
    readonly next: string;

    // Contacts, profile, forget
    readonly contactHeader: string;
    readonly contactsFor: (name: string) => string;
    readonly noContacts: string;
    readonly profileHeader: string;
    readonly profileEmpty: string;
    readonly profileEdit: string;
    readonly profileMatch: string;
    /** Above what a question stated about the firm (understood fields). */
    readonly understoodHeader: string;
    readonly matchUnderstood: string;
    /** Above a match made from what the messages told (not the questionnaire). */
    readonly toldHeader: string;
    /** "Which fit us?" with nothing known of the firm yet: the questionnaire follows. */
    readonly needProfile: string;
    /** The reply to a message that only thanks or acknowledges ("谢谢", "ok thanks"). */
    readonly ack: string;
    readonly forgetButton: string;
    readonly fieldStage: string;
    readonly fieldQualifications: string;
    readonly fieldSize: string;
    readonly fieldNeeds: string;
    readonly fieldIp: string;
    readonly fieldAmount: string;
    readonly fieldLacking: string;
    readonly fieldRevenue: string;
    readonly fieldEmployees: string;
    readonly fieldDistrict: string;
    readonly none: string;
    readonly forgetConfirm: string;
    readonly forgetYes: string;
    readonly forgetNo: string;
    readonly forgetDone: string;
    readonly forgetKept: string;

    // Errors and limits
    readonly staleButton: string;
    readonly unknownItem: string;
    readonly sorry: string;
    readonly slowDown: string;
    readonly inlineNone: string;
    readonly inlineOpen: string;
}

const zh: Messages = {
    colon: colon('zh'),
    greeting: (name) =>
        `你好${name ? `，${esc(name)}` : ''}！我是<b>科金助手</b>，帮上海科技企业找到合适的融资产品与政策，并告诉你还缺什么、该找谁。\n\n` +
        '点下面的按钮开始，或直接输入问题，例如“高企贷额度多少”。',
    help:
        '<b>怎么用</b>\n' +
        '/match 回答几个问题，匹配融资产品\n' +
        '/profile 查看或修改已保存的企业信息\n' +
        '/products 按类别和阶段浏览产品\n' +
        '/contact 主要联系机构\n' +
        '/lang 切换语言 / Language\n' +
        '/subscribe 订阅通知：知识库更新后，有新的符合你企业信息的产品时告诉你\n' +
        '/unsubscribe 取消订阅\n' +
        '/forget 删除我们为你保存的全部信息（企业信息、语言、订阅、待评价的回答）\n\n' +
        '也可以直接输入问题，例如“知识产权质押怎么申请”。在任何聊天里输入 @机器人名 加关键词，可以分享产品。\n\n' +
        '回答下的 👍 / 👎 帮我们改进：点 👎 时，问题会被记下（去掉姓名、电话等个人信息，不记录是谁问的），供工作人员完善知识库。',
    menuMatch: '🎯 匹配融资产品',
    menuAsk: '💬 提个问题',
    menuBrowse: '📚 浏览产品',
    menuContact: '☎️ 联系方式',
    menuLang: '🌐 语言 / Language',
    menuHome: '🏠 主菜单',
    askPrompt: '请直接输入你的问题，例如：“高企贷额度多少”“科技履约贷保费补贴”“无缝续贷怎么办”。',
    langPrompt: '请选择语言 / Choose a language:',
    langSet: '已切换为中文。',

    stepOf: (n, total) => `第 ${n}/${total} 步`,
    qStage: '企业目前处于哪个阶段？',
    qQualifications: '企业已取得哪些资质？可多选，选好后点“完成”。',
    qSize: '企业规模是？',
    qNeeds: '需要哪类融资？可多选，选好后点“完成”。',
    qIp: '企业是否拥有专利等知识产权？',
    qAmount: '计划融资多少？点选，或直接输入金额，如“500万”。',
    current: '当前',
    notAnswered: '未填',
    back: '« 上一步',
    skip: '跳过',
    cancel: '✖ 取消',
    done: '完成 »',
    noneOfThese: '都没有',
    yes: '有',
    no: '没有',
    amountHint: '没看懂这个金额。请输入如“500万”“1.5亿”“300”（单位：万元），或点选按钮。',
    flowCancelled: '已取消，已保存的企业信息没有改动。随时用 /match 重新开始。',
    flowStale: '这个问卷按钮已过期。',

    matchHeader: (n) => `根据你的企业情况，找到 <b>${n}</b> 个可能合适的产品（按匹配程度排序）：`,
    ratedHeader: '按你说的企业情况，你问的产品是否符合：',
    matchNone: '按目前的条件，没有找到符合的产品。可以调整条件，或直接联系下面的机构咨询。',
    matchEmptyProfile: '你跳过了所有问题，无法匹配。请至少回答一个问题，或直接浏览产品。',
    matchBadProfile: '已保存的企业信息无法使用，请重新填写。',
    details: '📄 详情',
    contacts: '☎️ 联系',
    refine: '✏️ 调整条件',

    answerHeader: (q) => `关于“${esc(q)}”：`,
    notConfident: LABELS.unknown.zh,
    didYouMean: `${LABELS.didYouMean.zh}：`,
    tryMatch: '也可以回答几个问题来匹配产品，或联系下面的机构。',
    generalContacts: '☎️ 联系机构',
    followApply: '📝 申请方式',
    followContact: '☎️ 联系谁',
    followSimilar: '🔗 相似产品',

    wan: (n) => wanText(n, 'zh'),

    browseKind: '浏览哪一类？',
    browseStage: '企业处于哪个阶段？',
    anyKind: '全部类别',
    anyStage: '不限阶段',
    browseHeader: (what, n) => `<b>${esc(what)}</b>：共 ${n} 项`,
    browseNone: '没有符合的条目。',
    prev: '‹ 上一页',
    next: '下一页 ›',

    contactHeader: '<b>主要联系机构</b>',
    contactsFor: (name) => `<b>${esc(name)}</b> 的联系机构`,
    noContacts: '来源中没有给出联系方式。',
    profileHeader: '<b>已保存的企业信息</b>',
    profileEmpty: '还没有保存企业信息。点“修改”或用 /match 填写。',
    profileEdit: '✏️ 修改',
    profileMatch: '🎯 按此匹配',
    understoodHeader: '<b>我从你的话里理解到</b>（不对可以点“调整条件”修改）：',
    matchUnderstood: '🎯 按这些信息匹配产品',
    toldHeader: '<b>根据你目前告诉我的企业情况</b>（不对可以直接说“说错了，…”，或点“调整条件”）：',
    needProfile: '要判断哪些产品适合你，我需要先了解企业情况。可以直接描述（例如“我们是成长期的高新技术企业，需要流动资金”），或回答下面几个问题：',
    ack: '不客气！还想了解哪个产品，可以接着问；也可以告诉我企业情况，帮你匹配产品。',
    forgetButton: '🗑 删除我的数据',
    fieldStage: '阶段',
    fieldQualifications: '资质',
    fieldSize: '规模',
    fieldNeeds: '需求',
    fieldIp: '知识产权',
    fieldAmount: '融资金额',
    fieldLacking: '尚未具备',
    fieldRevenue: LABELS.revenue.zh,
    fieldEmployees: '员工人数',
    fieldDistrict: '所在区',
    none: '无',
    forgetConfirm: '将删除我们为你保存的全部信息：企业信息、语言设置和问卷进度。确定吗？',
    forgetYes: '确定删除',
    forgetNo: '保留',
    forgetDone: '已删除为你保存的全部信息。',
    forgetKept: '好的，信息保留不变。',

    staleButton: '这个按钮已失效，请重新开始（/start）。',
    unknownItem: '找不到这一条，知识库可能已更新。',
    sorry: '抱歉，处理时出错了，请稍后再试。',
    slowDown: '消息太频繁了，请稍等一分钟再试。',
    inlineNone: '没有找到相关产品',
    inlineOpen: '打开科金助手',
};

const en: Messages = {
    colon: colon('en'),
    greeting: (name) =>
        `Hello${name ? `, ${esc(name)}` : ''}! I am <b>Kejin</b>, the financing assistant for Shanghai sci-tech firms: ` +
        `I find the loans and policies that fit your firm, what is still missing, and whom to call.\n\n` +
        'Tap a button below, or just type a question, e.g. "Gaoqidai loan amount".',
    help:
        '<b>How to use</b>\n' +
        '/match answer a few questions and get matching products\n' +
        '/profile show or edit your saved firm profile\n' +
        '/products browse products by kind and stage\n' +
        '/contact the main organizations to contact\n' +
        '/lang switch language / 语言\n' +
        '/subscribe get an alert when a knowledge update brings a product that fits your saved firm profile\n' +
        '/unsubscribe stop the alerts\n' +
        '/forget delete everything stored about you (firm profile, language, subscription, answers awaiting a vote)\n\n' +
        'Or type any question, e.g. "how to apply for IP pledge financing". In any chat, type @ and the bot\'s name with a keyword to share a product.\n\n' +
        'The 👍 / 👎 under an answer help us improve: a 👎 keeps the question (without names, ' +
        'phone numbers or other personal data, and not who asked) for the staff who maintain the knowledge.',
    menuMatch: '🎯 Match products',
    menuAsk: '💬 Ask a question',
    menuBrowse: '📚 Browse products',
    menuContact: '☎️ Contacts',
    menuLang: '🌐 语言 / Language',
    menuHome: '🏠 Main menu',
    askPrompt: 'Type your question, e.g. "Gaoqidai amount", "premium subsidy for performance loans", "loan renewal without repayment".',
    langPrompt: '请选择语言 / Choose a language:',
    langSet: 'Language set to English.',

    stepOf: (n, total) => `Step ${n}/${total}`,
    qStage: 'What stage is your firm at?',
    qQualifications: 'Which qualifications does your firm hold? Pick any, then tap "Done".',
    qSize: 'How large is your firm?',
    qNeeds: 'What financing do you need? Pick any, then tap "Done".',
    qIp: 'Does your firm own patents or other intellectual property?',
    qAmount: 'How much do you want to raise? Tap a button or type an amount, e.g. "500万" or "5 million".',
    current: 'Current',
    notAnswered: 'not given',
    back: '« Back',
    skip: 'Skip',
    cancel: '✖ Cancel',
    done: 'Done »',
    noneOfThese: 'None',
    yes: 'Yes',
    no: 'No',
    amountHint: 'I could not read that amount. Type e.g. "500万", "1.5亿", "5 million" or "300" (in 万 yuan), or tap a button.',
    flowCancelled: 'Cancelled; your saved profile is unchanged. Use /match to start again.',
    flowStale: 'This questionnaire button is out of date.',

    matchHeader: (n) => `For your firm I found <b>${n}</b> products that may fit, best first:`,
    ratedHeader: 'Whether the products you asked about fit your firm, as you described it:',
    matchNone: 'With these answers no product fits. Refine your answers, or ask one of the organizations below.',
    matchEmptyProfile: 'You skipped every question, so there is nothing to match. Answer at least one, or browse the products.',
    matchBadProfile: 'Your saved profile cannot be used; please fill it in again.',
    details: '📄 Details',
    contacts: '☎️ Contacts',
    refine: '✏️ Refine',

    answerHeader: (q) => `About "${esc(q)}":`,
    notConfident: LABELS.unknown.en,
    didYouMean: `${LABELS.didYouMean.en}:`,
    tryMatch: 'You can also answer a few questions to match products, or contact the organizations below.',
    generalContacts: '☎️ Contacts',
    followApply: '📝 How to apply',
    followContact: '☎️ Whom to ask',
    followSimilar: '🔗 Similar',

    wan: (n) => wanText(n, 'en'),

    browseKind: 'Which kind?',
    browseStage: 'What stage is your firm at?',
    anyKind: 'All kinds',
    anyStage: 'Any stage',
    browseHeader: (what, n) => `<b>${esc(what)}</b>: ${n} item(s)`,
    browseNone: 'Nothing matches.',
    prev: '‹ Previous',
    next: 'Next ›',

    contactHeader: '<b>Main organizations to contact</b>',
    contactsFor: (name) => `Contacts for <b>${esc(name)}</b>`,
    noContacts: 'The sources give no contact details.',
    profileHeader: '<b>Your saved firm profile</b>',
    profileEmpty: 'No profile saved yet. Tap "Edit" or use /match to fill it in.',
    profileEdit: '✏️ Edit',
    profileMatch: '🎯 Match with it',
    understoodHeader: '<b>From your message I understood</b> (correct it with "Refine"):',
    matchUnderstood: '🎯 Match products on this',
    toldHeader: '<b>From what you have told me about the firm</b> (say "actually, …" or press "Refine" to correct it):',
    needProfile:
        'To tell which products fit, I need to know about the firm first. Describe it (e.g. ' +
        '"we are a growth-stage high-tech enterprise needing working capital"), or answer a few questions:',
    ack: "You're welcome! Ask about any product next, or tell me about your firm and I'll match products to it.",
    forgetButton: '🗑 Delete my data',
    fieldStage: 'Stage',
    fieldQualifications: 'Qualifications',
    fieldSize: 'Size',
    fieldNeeds: 'Needs',
    fieldIp: 'Intellectual property',
    fieldAmount: 'Amount sought',
    fieldLacking: 'Not held',
    fieldRevenue: LABELS.revenue.en,
    fieldEmployees: 'Employees',
    fieldDistrict: 'District',
    none: 'none',
    forgetConfirm: 'This deletes everything stored about you: firm profile, language and questionnaire progress. Are you sure?',
    forgetYes: 'Delete',
    forgetNo: 'Keep',
    forgetDone: 'Everything stored about you has been deleted.',
    forgetKept: 'OK, nothing was deleted.',

    staleButton: 'This button is no longer valid; please start again (/start).',
    unknownItem: 'That entry no longer exists; the knowledge base may have been updated.',
    sorry: 'Sorry, something went wrong. Please try again later.',
    slowDown: 'Too many messages; please wait a minute and try again.',
    inlineNone: 'No matching product',
    inlineOpen: 'Open Kejin',
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { zh, en };

/** The language menu names each language in itself, whatever the language shown. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { zh: '中文', en: 'English' };
