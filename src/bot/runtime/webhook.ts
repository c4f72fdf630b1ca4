/**
 * How a webhook request becomes an update: grammY's `http` adapter with the
 * body bounded (413 past the limit, like the MCP server) and a body that is
 * not an update refused with 400, the sender's mistake, instead of failing
 * with 500. The secret token is checked by grammY before the body is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';

/** grammY's `ReqResHandler` (not exported by the package), for requests that return nothing. */
interface UpdateRequest {
    readonly update: Promise<Update>;
    readonly header?: string;
    end(): void;
    respond(json: string): void;
    unauthorized(): void;
    readonly handlerReturn?: undefined;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** A request refused for what it holds; `status` is the answer. */
export class WebhookRequestError extends Error {
    override name = 'WebhookRequestError';
    constructor(
        readonly status: 400 | 413,
        message: string,
    ) {
        super(message);
    }
}

/** Reads and checks the body: JSON of an object with a numeric `update_id`, at most `maxBytes`. */
export function readUpdate(req: IncomingMessage, maxBytes: number): Promise<Update> {
    return new Promise((resolve, reject) => {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
            reject(new WebhookRequestError(413, `body of ${declared} bytes is over the limit of ${maxBytes}`));
            return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
                req.removeAllListeners('data');
                req.resume(); // drain, so that the refusal can be sent
                reject(new WebhookRequestError(413, `body is over the limit of ${maxBytes} bytes`));
                return;
            }
            chunks.push(chunk);
        });
        req.once('end', () => {
            if (size > maxBytes) return;
            let body: unknown;
            try {
                body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
                reject(new WebhookRequestError(400, 'body is not valid JSON'));
                return;
            }
            if (typeof body !== 'object' || body === null || typeof (body as { update_id?: unknown }).update_id !== 'number') {
                reject(new WebhookRequestError(400, 'body is not a Telegram update (no numeric update_id)'));
                return;
            }
            resolve(body as Update);
        });
        req.once('error', reject);
    });
}

/** A grammY framework adapter for `node:http` whose update is read by `readUpdate`. */
export function boundedHttpAdapter(maxBytes: number): (req: IncomingMessage, res: ServerResponse) => UpdateRequest {
    return (req, res) => {
        const header = req.headers[SECRET_HEADER];
        return {
            get update() {
                return readUpdate(req, maxBytes);
            },
            header: Array.isArray(header) ? header[0] : header,
            end: () => void res.end(),
            respond: (json: string) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(json),
            unauthorized: () => void res.writeHead(401).end('secret token is wrong'),
        };
    };
}
