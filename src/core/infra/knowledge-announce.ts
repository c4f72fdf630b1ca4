/**
 * Tells the other instances at once when this one goes live with a new
 * knowledge version, over Redis pub/sub, so that they pull (or reload) now
 * instead of at their next timer. Pub/sub loses messages while an instance
 * is disconnected; that is fine, because the pull timer and the periodic
 * rescan still bound how stale an instance can be. This only makes the
 * common case fast.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { KnowledgeService } from '../service.ts';
import { redisKey, type RedisClient } from './redis.ts';

export interface KnowledgeAnnounceOptions {
    /** A command connection, for PUBLISH. */
    readonly publisher: RedisClient;
    /** A connection of its own: once subscribed, a Redis connection can do nothing else. */
    readonly subscriber: RedisClient;
    readonly prefix: string;
    readonly service: Pick<KnowledgeService, 'snapshot' | 'subscribe'>;
    /** Called when another instance announces a version this one does not serve (pull, or reload). */
    readonly onAnnounced: (version: string) => Promise<unknown>;
    readonly logger?: Logger;
}

export interface KnowledgeAnnouncer {
    close(): Promise<void>;
}

interface Announcement {
    readonly version: string;
    readonly instance: string;
}

/** How long closing waits for Redis to confirm the unsubscribe. */
const UNSUBSCRIBE_WAIT_MS = 300;

export function announceKnowledge(options: KnowledgeAnnounceOptions): KnowledgeAnnouncer {
    const channel = redisKey(options.prefix, 'knowledge', 'version');
    const instance = randomUUID();
    const { publisher, subscriber, service, logger } = options;

    subscriber.on('message', (from: string, text: string) => {
        if (from !== channel) return;
        const message = parse(text);
        if (!message || message.instance === instance || message.version === service.snapshot().version) return;
        logger?.info({ version: message.version }, 'another instance serves a new knowledge version; syncing now');
        options.onAnnounced(message.version).catch((err: unknown) => logger?.warn({ err }, 'knowledge sync after an announcement failed'));
    });
    // Not awaited: Redis may be down at start. Subscribing again on every
    // (re)connection is harmless and covers a first attempt that failed.
    const join = () =>
        void subscriber
            .subscribe(channel)
            .catch((err: unknown) => logger?.debug({ err: (err as Error).message }, 'knowledge channel not joined yet'));
    subscriber.on('ready', join);
    join();

    const unsubscribe = service.subscribe((snapshot) => {
        const message: Announcement = { version: snapshot.version, instance };
        publisher
            .publish(channel, JSON.stringify(message))
            .catch((err: unknown) => logger?.warn({ err: (err as Error).message }, 'knowledge version not announced'));
    });

    return {
        async close() {
            unsubscribe();
            subscriber.off('ready', join);
            // Not while disconnected, and not for long: a shutdown must not wait on an outage.
            if (subscriber.status !== 'ready') return;
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([
                subscriber.unsubscribe(channel).catch(() => undefined),
                new Promise((resolve) => (timer = setTimeout(resolve, UNSUBSCRIBE_WAIT_MS))),
            ]);
            clearTimeout(timer);
        },
    };
}

function parse(text: string): Announcement | undefined {
    try {
        const value = JSON.parse(text) as Partial<Announcement>;
        return typeof value.version === 'string' && typeof value.instance === 'string'
            ? { version: value.version, instance: value.instance }
            : undefined;
    } catch {
        return undefined;
    }
}
