/**
 * Opens what the question log and the feedback buttons need, from config:
 * the file log under DATA_DIR, or with REDIS_URL the shared stream and a
 * Redis-backed feedback memo. `close` releases what was opened.
 */
import type { Config } from '../config.ts';
import { createRedis, type RedisClient } from '../core/infra/redis.ts';
import { createMemoryFeedbackMemo, createRedisFeedbackMemo, type FeedbackMemo } from '../core/insights/feedback.ts';
import { createQuestionLog, type QuestionLog } from '../core/insights/log.ts';
import type { Logger } from '../logger.ts';

export interface Insights {
    /** Undefined with QUESTION_LOG=off. */
    readonly questionLog?: QuestionLog;
    readonly feedback?: FeedbackMemo;
    close(): Promise<void>;
}

export function openInsights(config: Config, logger: Logger, redis?: RedisClient): Insights {
    if (config.QUESTION_LOG === 'off') return { close: async () => undefined };
    const own = !redis && config.REDIS_URL ? createRedis({ url: config.REDIS_URL, prefix: config.KEJIN_REDIS_PREFIX, logger, connectionName: 'kejin-insights' }) : undefined;
    const client = redis ?? own;
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
        close: async () => {
            await questionLog.close();
            await own?.quit().catch(() => undefined);
        },
    };
}
