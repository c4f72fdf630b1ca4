/**
 * A lasting failure (the Bot API unreachable, the session store read-only)
 * is logged once when it starts and once when it ends, with how long it
 * lasted, instead of on every call that meets it or not at all.
 */
import { errorSummary, type Logger } from '../../logger.ts';

export interface EpisodeMessages {
    /** The line logged (at warn) when the failure starts. */
    readonly failed: (err: unknown) => string;
    /** The line logged (at info) when it is over. */
    readonly recovered: string;
}

export class FailureEpisode {
    private _since: number | undefined;

    constructor(
        private readonly _logger: Logger,
        private readonly _messages: EpisodeMessages,
    ) {}

    get failing(): boolean {
        return this._since !== undefined;
    }

    /** Reports a failure; only the first of an episode is logged (later ones at debug). */
    failed(err: unknown, fields: Record<string, unknown> = {}): void {
        if (this._since !== undefined) {
            this._logger.debug({ ...fields, err: errorSummary(err) }, 'still failing');
            return;
        }
        this._since = Date.now();
        this._logger.warn({ ...fields, err: errorSummary(err) }, this._messages.failed(err));
    }

    /** Reports a success: ends the episode, if one is running. */
    ok(): void {
        if (this._since === undefined) return;
        const seconds = Math.round((Date.now() - this._since) / 100) / 10;
        this._since = undefined;
        this._logger.info({ seconds }, this._messages.recovered);
    }
}
