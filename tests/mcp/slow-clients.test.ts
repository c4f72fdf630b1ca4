/**
 * A bad day for the HTTP endpoint (issue 18, item 9): a client that trickles
 * its headers or its body is cut off once its time is up, instead of holding
 * a socket for minutes; and notification streams are capped, so a flood of
 * GET /mcp cannot take the memory. Small limits here; the defaults are 10 s,
 * 30 s and 256 streams.
 */
import { connect, type Socket } from 'node:net';
import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/http.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const MAX_STREAMS = 3;

let service: KnowledgeService;
let server: RunningHttpServer;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    server = await startHttpServer(
        { service, logger: silentLogger },
        { host: '127.0.0.1', port: 0, maxBodyBytes: 64 * 1024, headersTimeoutMs: 400, requestTimeoutMs: 800, maxStreams: MAX_STREAMS },
    );
});
afterAll(async () => {
    await server?.close();
    await service?.close();
});

/**
 * Sends `head`, then one more `piece` every 100 ms for at most 10 s, and
 * tells whether the server ended the connection before the client was done.
 */
function trickle(head: string, piece: string): Promise<{ cutOff: boolean; answer: string }> {
    return new Promise((resolve) => {
        const socket: Socket = connect(server.port, '127.0.0.1');
        let answer = '';
        let sent = 0;
        const timer = setInterval(() => {
            if (++sent > 100) {
                clearInterval(timer);
                socket.destroy();
                resolve({ cutOff: false, answer });
            } else socket.write(piece);
        }, 100);
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (answer += chunk));
        socket.on('error', () => undefined);
        socket.on('close', () => {
            clearInterval(timer);
            resolve({ cutOff: sent <= 100, answer });
        });
        socket.write(head);
    });
}

describe('slow clients', () => {
    it('cuts off a client that trickles its headers', async () => {
        const { cutOff, answer } = await trickle(`POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`, 'X-Slow: 1\r\n');
        expect(cutOff).toBe(true);
        if (answer) expect(answer).toMatch(/^HTTP\/1\.1 408/);
    });

    it('cuts off a client that trickles its body', async () => {
        const head = `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 5000\r\n\r\n`;
        const { cutOff } = await trickle(head, ' ');
        expect(cutOff).toBe(true);
    });
});

describe('notification streams', () => {
    function openStream(): Promise<{ status: number; req: ClientRequest }> {
        return new Promise((resolve, reject) => {
            const req = request(
                server.url,
                { method: 'GET', headers: { Accept: 'text/event-stream', 'mcp-protocol-version': '2025-11-25' } },
                (res) => {
                    if (res.statusCode !== 200) res.resume();
                    resolve({ status: res.statusCode!, req });
                },
            );
            req.on('error', reject);
            req.end();
        });
    }

    it(`accepts ${MAX_STREAMS} open streams, refuses the next with 503, and takes one again when one closes`, async () => {
        const open = [];
        for (let i = 0; i < MAX_STREAMS; i++) open.push(await openStream());
        expect(open.map((s) => s.status)).toEqual(Array(MAX_STREAMS).fill(200));
        const refused = await openStream();
        expect(refused.status).toBe(503);
        open.pop()!.req.destroy();
        let again = await openStream();
        for (let i = 0; again.status !== 200 && i < 20; i++) {
            await new Promise((r) => setTimeout(r, 50));
            again = await openStream();
        }
        expect(again.status).toBe(200);
        for (const s of [...open, again]) s.req.destroy();
    });
});
