/**
 * The language a reply is written in when the user chose none: the one most
 * of the message is written in, the same rule for every front.
 */
import { describe, expect, it } from 'vitest';
import { langOfText } from '../../src/core/language.ts';

describe('langOfText', () => {
    it('a Chinese message is zh, an English one en, digits alone the fallback', () => {
        expect(langOfText('科技履约贷怎么申请', 'en')).toBe('zh');
        expect(langOfText('how do we apply for the performance bond loan?', 'zh')).toBe('en');
        expect(langOfText('2024', 'en')).toBe('en');
        expect(langOfText('2024', 'zh')).toBe('zh');
    });

    it('an English question naming a product in Chinese is English', () => {
        expect(langOfText('What is 无缝续贷 exactly — do I have to pay back the principal before the bank renews?', 'zh')).toBe('en');
        expect(langOfText("What's the rule behind Shanghai banks' tech sub-branches (科技支行)?", 'zh')).toBe('en');
    });

    it('a Chinese question with an English word or two is Chinese', () => {
        expect(langOfText('微贷通的guarantee fee可以补贴多少', 'en')).toBe('zh');
        expect(langOfText('我们是做第三方检验检测的, not manufacturing, 算服务类公司，这种能申请沪科专贷吗？', 'en')).toBe('zh');
        expect(langOfText('IP贷款怎么申请', 'en')).toBe('zh');
    });
});
