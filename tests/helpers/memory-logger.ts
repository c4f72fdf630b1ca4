/** A real pino logger whose records are kept as objects, for tests that check what is logged. */
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export interface MemoryLogger {
    readonly logger: Logger;
    readonly records: Record<string, unknown>[];
    /** Records at warn (40) or above. */
    loud(): Record<string, unknown>[];
}

export function memoryLogger(onRecord: (record: Record<string, unknown>) => void = () => undefined): MemoryLogger {
    const records: Record<string, unknown>[] = [];
    const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
            for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
                const record = JSON.parse(line) as Record<string, unknown>;
                records.push(record);
                onRecord(record);
            }
            done();
        },
    });
    return { logger: pino({ level: 'debug' }, sink), records, loud: () => records.filter((r) => Number(r.level) >= 40) };
}
