/**
 * Words that say nothing about which card a question is about.
 *
 * Two lists, because they are used differently:
 *
 * - `STOP_WORDS` are function words ("的", "怎么", "the", "how"). They are
 *   dropped from documents and queries alike: they occur everywhere, so they
 *   only add noise to the ranking and bulk to the index.
 * - `GENERIC_WORDS` are words of the domain that appear in nearly every card
 *   ("上海", "企业", "Shanghai", "company") or only frame the question
 *   ("申请", "推荐", "apply"). They stay searchable, at a low weight, but they
 *   never count as evidence that a question is about the knowledge: without
 *   this, "今天上海天气怎么样" would look half-answered by every card that
 *   mentions 上海.
 *
 * All entries are normalized (simplified, lower-case); English entries are
 * stemmed the way `stem()` in tokenize.ts stems (no plural "s").
 */

/** Chinese function words and question words. */
const ZH_STOP = [
    '什么', '什么样', '怎么', '怎么样', '怎样', '怎么办', '如何', '哪些', '哪个', '哪里', '哪儿', '哪家', '多少', '几个',
    '是否', '能否', '可否', '可以', '能不能', '可不可以', '有没有', '是不是', '会不会', '要不要', '吗', '呢', '吧', '啊',
    '我们', '我司', '我的', '你们', '您好', '你好', '请问', '一下', '一些', '这个', '那个', '这些', '那些', '这样', '那样',
    '还是', '或者', '以及', '而且', '但是', '因为', '所以', '如果', '的话', '已经', '现在', '目前', '就是', '只是', '还有',
    '一个', '一种', '其他', '其它', '有关', '关于', '相关', '对于', '进行', '通过', '需要', '应该', '为什么',
    // colloquial fillers seen in questions
    '没有', '只有', '能用', '大概', '大约', '左右', '意思', '接着', '然后', '一点', '比较', '非常', '真的', '到底', '究竟',
    '那么', '这么', '多久', '多长', '几个', '有点', '一样', '不是', '不能', '不会', '还能', '能够', '可能', '是什么',
];

/** English function words. */
const EN_STOP = [
    'a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'into', 'about',
    // "does" is stemmed to "doe" before the lookup (see stem() in tokenize.ts)
    'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'doe', 'did', 'done', 'has', 'have', 'had', 'having',
    'i', 'me', 'my', 'we', 'our', 'us', 'you', 'your', 'it', 'its', 'they', 'their', 'them', 'he', 'she', 'his', 'her',
    'what', 'which', 'who', 'whom', 'whose', 'how', 'where', 'when', 'why', 'there', 'here', 'this', 'that', 'these', 'those',
    'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'get', 'got', 'any', 'some', 'all', 'no',
    'not', 'if', 'then', 'so', 'than', 'too', 'very', 'just', 'also', 'please', 'tell', 'know', 'want', 'need',
    'give', 'make', 'let', 'like', 'way', 'thing', 'something', 'anything', 'eg', 'ie', 'etc', 'such', 'out', 'up', 'over', 'under',
    'much', 'many',
];

/** Ubiquitous domain words and question frames: searchable, never evidence. */
const GENERIC = [
    // zh: everywhere in this knowledge, or only framing the question
    '上海', '上海市', '本市', '企业', '公司', '单位', '机构', '中国', '政府', '国家', '申请', '办理', '咨询', '了解', '知道',
    '推荐', '介绍', '适合', '条件', '要求', '流程', '手续', '问题', '情况', '方面', '方式', '办法', '想要', '希望',
    '帮助', '帮忙', '告诉', '看看', '最新', '具体', '一般', '主要', '怎么申请', '找谁', '联系', '注册',
    // what every offering is: "有什么产品" names none of them
    '产品', '项目',
    '今天', '明天', '昨天', '今年', '明年', '去年', '下个月', '这个月', '上个月', '时候', '马上',
    // en
    'shanghai', 'china', 'chinese', 'company', 'firm', 'business', 'enterprise', 'organization', 'organisation',
    'apply', 'application', 'register', 'registration', 'help', 'find', 'look', 'recommend', 'suggest', 'good', 'best',
    'product', 'new', 'latest', 'information', 'info', 'detail', 'option', 'question', 'city', 'government',
    'today', 'tomorrow', 'yesterday', 'year', 'month', 'week', 'day', 'next', 'last', 'soon', 'now',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...ZH_STOP, ...EN_STOP]);
export const GENERIC_WORDS: ReadonlySet<string> = new Set(GENERIC);

/**
 * Characters at which a run of Chinese text is cut before bigrams are made:
 * particles that glue any two words together ("企业的贷款" would otherwise
 * yield the meaningless bigrams 业的 and 的贷).
 */
export const BREAK_CHARS = '的了吗呢吧啊呀嘛哦';

/**
 * Characters that are almost never a mistyped character of a term: a
 * "typo" reading that needs one of them is a word boundary, not a typo
 * (贷款 after 什么 is not a misspelt 再贷款; 小巨人能 is not 小巨人贷).
 */
export const FUNCTION_CHARS: ReadonlySet<string> = new Set(Array.from('是能有在和与及或就都也还又吗呢的了么个我你他她它这那要会可想把被给让对从向啥嘛吧啊呀哪谁几请'));
