/**
 * MCP over stdin/stdout: one connection for the life of the process, served
 * through SDK v2's `serveStdio`, whose opening exchange picks the era (a
 * 2026-07-28 `server/discover` or a 2025 `initialize`) and pins one server
 * from the factory to it. Only the transport (and the refusal of an
 * oversized line) writes to stdout; logs go to stderr.
 *
 * stdin is framed into lines before the SDK transport sees it: a line over
 * MAX_LINE_BYTES is dropped whole and answered with a JSON-RPC error, and
 * the session goes on. (Left to the SDK, such a line overflows its buffer,
 * which closes the transport: the client loses its server over one message.)
 */
import { Transform, type Readable, type TransformCallback, type Writable } from 'node:stream';
import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/server';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { McpDeps } from './deps.ts';
import { announceReloads, createMcpServer } from './server.ts';

/** The longest message accepted: the SDK's own bound (10 MiB). */
export const MAX_LINE_BYTES = STDIO_DEFAULT_MAX_BUFFER_SIZE;
/** JSON-RPC "Invalid Request". */
const INVALID_REQUEST = -32600;

export interface RunningStdioServer {
    /** Resolves when the client goes away (stdin ends) or the transport closes. */
    readonly ended: Promise<void>;
    close(): Promise<void>;
}

/**
 * Passes on complete lines only, each at most `maxBytes` long (newline not
 * counted); a longer line is dropped as it streams in and reported once at
 * its end. Memory stays within one line.
 */
export class LineLimit extends Transform {
    private _line: Buffer[] = [];
    private _lineBytes = 0;
    private _dropping = false;

    constructor(
        private readonly _maxBytes: number,
        private readonly _onOversize: (bytes: number) => void,
    ) {
        super();
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
        const complete: Buffer[] = [];
        let start = 0;
        while (start < chunk.length) {
            const newline = chunk.indexOf(0x0a, start);
            const end = newline === -1 ? chunk.length : newline;
            const piece = chunk.subarray(start, end);
            this._lineBytes += piece.length;
            if (!this._dropping && this._lineBytes > this._maxBytes) {
                this._dropping = true;
                this._line = [];
            }
            if (!this._dropping) this._line.push(piece);
            if (newline === -1) break;
            if (this._dropping) this._onOversize(this._lineBytes);
            else complete.push(...this._line, chunk.subarray(newline, newline + 1));
            this._line = [];
            this._lineBytes = 0;
            this._dropping = false;
            start = newline + 1;
        }
        done(null, complete.length > 0 ? Buffer.concat(complete) : undefined);
    }
}

export async function startStdioServer(
    deps: McpDeps,
    stdin: Readable = process.stdin,
    stdout: Writable = process.stdout,
): Promise<RunningStdioServer> {
    const lines = new LineLimit(MAX_LINE_BYTES, (bytes) => {
        deps.logger.warn({ bytes, limit: MAX_LINE_BYTES }, 'mcp stdio: refused a message over the size limit');
        const message =
            `kejin: message of ${bytes} bytes refused: the limit is ${MAX_LINE_BYTES / 1024 / 1024} MiB a message; ` +
            `send less (for example a shorter query)`;
        stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: INVALID_REQUEST, message } })}\n`);
    });
    stdin.pipe(lines);
    // Whole lines only reach the transport, so its buffer never holds more than one line and a read.
    const transport = new StdioServerTransport(lines, stdout, { maxBufferSize: MAX_LINE_BYTES + 1024 * 1024 });
    const ended = new Promise<void>((resolve) => {
        // The transport watches its own input (the line filter), which ends
        // only when stdin does; without this an orphaned server (its client
        // gone) would live on, watching the folder.
        stdin.once('end', resolve);
        stdin.once('close', resolve);
    });
    const stops: (() => void)[] = [];
    const handle = serveStdio(
        () => {
            const server = createMcpServer(deps);
            // On a 2026 connection the SDK carries these onto the client's subscriptions/listen stream.
            stops.push(announceReloads(server, deps));
            return server;
        },
        { transport, onerror: (err) => deps.logger.debug({ err: err.message }, 'mcp stdio: message refused') },
    );
    return {
        ended,
        close: async () => {
            for (const stop of stops) stop();
            stdin.unpipe(lines);
            stdin.pause(); // as the SDK transport does: a flowing stdin would hold the process
            await handle.close();
        },
    };
}
