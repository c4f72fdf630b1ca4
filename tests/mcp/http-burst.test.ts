/**
 * A burst of new connections to a busy HTTP server is taken in promptly.
 * Node accepts one new connection per turn of its event loop; when a turn
 * served every ready request, a busy server's turns were long and a burst of
 * new clients waited in the accept queue until the load stopped (issue 18:
 * requests of about 10 s at concurrency 100, all first requests of new
 * connections). Measured in answers, not time: how many answers the busy
 * clients got while each new connection waited for its first.
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/http.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const BUSY = 16;
const BURST = 48;

let service: KnowledgeService;
let server: RunningHttpServer;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE, logger: silentLogger });
    server = await startHttpServer({ service, logger: silentLogger }, { host: '127.0.0.1', port: 0, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
    await server?.close();
    await service?.close();
});

const HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

function search(query: string): string {
    return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'search_financing_knowledge', arguments: { query } } });
}

function post(url: string, body: string, agent: Agent): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: HEADERS, agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
    });
}

describe('a burst of new connections under load', () => {
    it('answers the first request of each new connection after a bounded number of other answers', async () => {
        const questions = ['科技履约贷额度多少', '高企贷怎么申请', 'premium subsidy rate', '知识产权质押贷款利率', '沪科专贷期限'];
        const busyAgent = new Agent({ keepAlive: true, maxSockets: BUSY });
        let answered = 0;
        let stop = false;
        const statuses = new Set<number>();
        const busy = Array.from({ length: BUSY }, async (_, i) => {
            for (let n = i; !stop; n++) {
                statuses.add(await post(server.url, search(questions[n % questions.length]!), busyAgent));
                answered++;
            }
        });
        // Let the busy clients fill the server's turns first.
        while (answered < 4 * BUSY) await new Promise((resolve) => setTimeout(resolve, 5));
        const waits = await Promise.all(
            Array.from({ length: BURST }, async (_, i) => {
                const agent = new Agent({ keepAlive: false });
                const before = answered;
                statuses.add(await post(server.url, search(questions[i % questions.length]!), agent));
                return answered - before;
            }),
        );
        stop = true;
        await Promise.all(busy);
        busyAgent.destroy();
        expect([...statuses]).toEqual([200]);
        // Taken in one a turn, each waits for about the requests before it: the busy clients' and the burst's.
        // Accepted one per turn of all ready requests, the last waited BURST turns of BUSY answers each (400 answers seen).
        expect(Math.max(...waits)).toBeLessThan(2 * (BUSY + BURST));
    }, 60_000);
});
