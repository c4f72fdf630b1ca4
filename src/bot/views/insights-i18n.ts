/**
 * The texts of the feedback buttons and of alerts, in zh and en: kept apart
 * from `i18n.ts` so that these features stay in their own files, typed the
 * same way (tsc checks that both tables have every key). An alert's match
 * result is worded by core/present, like every other match result.
 */
import type { Lang } from '../../core/vocabulary.ts';

export interface InsightsMessages {
    readonly helpful: string;
    readonly unhelpful: string;
    readonly feedbackThanks: string;
    readonly feedbackNoted: string;

    readonly subscribeButton: string;
    readonly unsubscribeButton: string;
    readonly subscribed: string;
    readonly subscribeNeedsProfile: string;
    readonly unsubscribed: string;
    readonly notSubscribed: string;

    readonly alertAdded: string;
    readonly alertNowEligible: string;
    readonly alertNowPossible: string;
    readonly alertClosing: string;
    readonly alertFooter: string;
}

export const INSIGHTS_MESSAGES: Record<Lang, InsightsMessages> = {
    zh: {
        helpful: '👍 有帮助',
        unhelpful: '👎 没帮助',
        feedbackThanks: '谢谢反馈！',
        feedbackNoted: '谢谢！工作人员会看到这个问题并改进回答（不记录您的身份）。',

        subscribeButton: '🔔 有新产品适合我时通知我',
        unsubscribeButton: '🔕 停止通知',
        subscribed:
            '🔔 已订阅。知识库新增或更新的产品适合您保存的企业画像时，我会发一条简短消息告诉您。\n我们只保存您的企业画像和用于通知的对话。/unsubscribe 停止通知，/forget 删除全部信息。',
        subscribeNeedsProfile: '订阅前请先用 /match 完成企业画像，我才能判断哪些新产品适合您。',
        unsubscribed: '🔕 已停止通知，并删除了用于通知的画像副本。',
        notSubscribed: '您目前没有订阅通知。',

        alertAdded: '新增',
        alertNowEligible: '更新后适合贵企业',
        alertNowPossible: '更新后可能适合贵企业',
        alertClosing: '申请即将截止',
        alertFooter: '（政策找企业：按您保存的画像自动推送。/unsubscribe 停止）',
    },
    en: {
        helpful: '👍 Helpful',
        unhelpful: '👎 Not helpful',
        feedbackThanks: 'Thanks for the feedback!',
        feedbackNoted: 'Thanks! Staff will see this question and improve the answer (who asked is not recorded).',

        subscribeButton: '🔔 Tell me when a new product fits',
        unsubscribeButton: '🔕 Stop alerts',
        subscribed:
            '🔔 Subscribed. When a product is added or updated so that it fits your saved firm profile, ' +
            'I will send you one short message.\nOnly your firm profile and this chat are kept for it. ' +
            '/unsubscribe stops alerts, /forget deletes everything.',
        subscribeNeedsProfile: 'Please complete your firm profile with /match first, so that I can tell which new products fit you.',
        unsubscribed: '🔕 Alerts stopped; the copy of your profile kept for them is deleted.',
        notSubscribed: 'You are not subscribed to alerts.',

        alertAdded: 'New',
        alertNowEligible: 'Updated: now fits your firm',
        alertNowPossible: 'Updated: may now fit your firm',
        alertClosing: 'Applications close soon',
        alertFooter: '(Policies find firms: sent for your saved profile. /unsubscribe to stop)',
    },
};
