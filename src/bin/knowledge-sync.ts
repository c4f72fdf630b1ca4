/**
 * Keeps a long-running instance's knowledge in step with the others, from
 * config: with KNOWLEDGE_PULL_INTERVAL it pulls its clone on a timer and
 * reloads; with REDIS_URL it announces each new version it goes live with
 * and syncs at once when another instance announces one. Neither set: the
 * folder watcher alone, as on a single machine.
 */
import type { Config } from '../config.ts';
import { announceKnowledge } from '../core/infra/knowledge-announce.ts';
import { startKnowledgePull } from '../core/infra/knowledge-pull.ts';
import { closeRedis, createRedis } from '../core/infra/redis.ts';
import type { KnowledgeService } from '../core/service.ts';
import type { Logger } from '../logger.ts';

export interface KnowledgeSync {
    close(): Promise<void>;
}

export function startKnowledgeSync(config: Config, service: KnowledgeService, logger: Logger): KnowledgeSync {
    const puller =
        config.KNOWLEDGE_PULL_INTERVAL > 0
            ? startKnowledgePull({
                  dir: config.KNOWLEDGE_DIR,
                  intervalMs: config.KNOWLEDGE_PULL_INTERVAL * 1000,
                  onPulled: () => service.reload(),
                  logger,
              })
            : undefined;
    if (!config.REDIS_URL) return { close: async () => puller?.close() };
    const connection = { url: config.REDIS_URL, prefix: config.KEJIN_REDIS_PREFIX, logger };
    const publisher = createRedis({ ...connection, connectionName: 'kejin-knowledge' });
    const subscriber = createRedis({ ...connection, connectionName: 'kejin-knowledge-sub' });
    const announcer = announceKnowledge({
        publisher,
        subscriber,
        prefix: config.KEJIN_REDIS_PREFIX,
        service,
        onAnnounced: () => (puller ? puller.pull() : service.reload()),
        logger,
    });
    return {
        async close() {
            await announcer.close();
            await puller?.close();
            await Promise.all([closeRedis(publisher), closeRedis(subscriber)]);
        },
    };
}
