/**
 * Opens what the question log, the feedback buttons and the alerts need,
 * from config: files under DATA_DIR, or with REDIS_URL the shared Redis
 * stream, feedback memo, subscriptions and sent ledger. `close` releases
 * what was opened.
 */
import type { Config } from '../config.ts';
import { createFileAlertStores, createRedisAlertStores, type AlertStores } from '../core/alerts/store.ts';
import { closeRedis, createRedis, type RedisClient } from '../core/infra/redis.ts';
import { createMemoryFeedbackMemo, createRedisFeedbackMemo, type FeedbackMemo } from '../core/insights/feedback.ts';
import { createQuestionLog, type QuestionLog } from '../core/insights/log.ts';
import type { Logger } from '../logger.ts';

export interface Insights {
    /** Undefined with QUESTION_LOG=off. */
    readonly questionLog?: QuestionLog;
    readonly feedback?: FeedbackMemo;
    readonly alerts: AlertStores;
    close(): Promise<void>;
}

export function openInsights(config: Config, logger: Logger, redis?: RedisClient): Insights {
    const own =
        !redis && config.REDIS_URL
            ? createRedis({ url: config.REDIS_URL, prefix: config.KEJIN_REDIS_PREFIX, logger, connectionName: 'kejin-insights' })
            : undefined;
    const client = redis ?? own;
    const alerts = client ? createRedisAlertStores(client, config.KEJIN_REDIS_PREFIX) : createFileAlertStores(config.DATA_DIR);
    const release = async () => {
        if (own) await closeRedis(own);
    };
    if (config.QUESTION_LOG === 'off') return { alerts, close: release };
    const questionLog = createQuestionLog({
        enabled: true,
        dataDir: config.DATA_DIR,
        ...(client ? { redis: client } : {}),
        prefix: config.KEJIN_REDIS_PREFIX,
        maxEntries: config.QUESTION_LOG_MAX_ENTRIES,
        retentionDays: config.QUESTION_LOG_RETENTION_DAYS,
    });
    const feedback = client ? createRedisFeedbackMemo(client, config.KEJIN_REDIS_PREFIX) : createMemoryFeedbackMemo();
    return {
        questionLog,
        feedback,
        alerts,
        close: async () => {
            await questionLog.close();
            await release();
        },
    };
}
