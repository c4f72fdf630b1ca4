/**
 * The fields a firm acts on (application, apply_channel, documents,
 * benefit): validated, shown by the card presenter with the window's state
 * on the day of the query, given to a match rated eligible or possible (and
 * to MCP's structuredContent as added fields), and read by the answer
 * engine as passages of the aspects window, documents and application.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { formatProblem } from '../../src/core/knowledge/problems.ts';
import { presentCard, presentMatch, sectionOf } from '../../src/core/present/index.ts';
import { createAspectReader } from '../../src/core/search/aspects.ts';
import { passagesOf } from '../../src/core/search/passages.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { matchCard } from '../../src/bot/views/format.ts';
import { callTool, connectInMemory } from '../helpers/mcp.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const NOW = new Date('2026-12-03T08:00:00Z');
const ACTION_FIELDS = `application:
  mode: apply
  opens: 2026-11-01
  closes: 2026-12-10
  zh: 每年集中受理一次
  en: accepted once a year
  sources: [s1]
documents:
  - zh: 营业执照
    en: business licence
    sources: [s1]
  - zh: 近两年财务报表
    en: financial statements of the last two years
    sources: [s1]
    status: unconfirmed
apply_channel:
  zh: 一网通办
  en: the 一网通办 portal
  url: https://zwdt.sh.gov.cn/
  sources: [s1]
benefit:
  zh: 按贷款利息给予贴息
  en: an interest subsidy on the loan
  percent: 30
  cap_wan: 50
  sources: [s1]
contacts: [test-org]`;

let folder: Awaited<ReturnType<typeof copyFolder>>;
let service: KnowledgeService;

beforeAll(async () => {
    folder = await copyFolder();
    await folder.edit('products/test-loan.md', (s) => s.replace('contacts: [test-org]', ACTION_FIELDS));
    service = await createKnowledgeService({ dir: folder.dir, now: () => NOW });
});
afterAll(async () => {
    await service.close();
    await folder.remove();
});

describe('the next-step fields', () => {
    it('show on the card, each line with its own sources, the window open with the days left', () => {
        const card = presentCard(service.requireItem('test-loan'), 'zh', { now: NOW });
        const next = sectionOf(card, 'nextStep')!;
        expect(next.title).toBe('下一步');
        expect(next.lines.map((l) => `${l.label}：${l.text}${l.note}`)).toEqual([
            '办理方式：须由企业主动申请。每年集中受理一次',
            '申请时间：2026-11-01 – 2026-12-10（受理中，还剩 7 天）',
            '申请入口：一网通办 https://zwdt.sh.gov.cn/',
            '准备材料：营业执照',
            '准备材料：近两年财务报表（未经确认）',
            '支持力度：按贷款利息给予贴息（最高 50 万元、比例 30%）',
        ]);
        expect(next.lines.every((l) => l.sources.length === 1 && l.sources[0] === 's1')).toBe(true);
        expect(next.lines[2]).toMatchObject({ kind: 'link', url: 'https://zwdt.sh.gov.cn/' });
    });

    it('show a window as closed from the day after it closes, and not yet open before it opens', () => {
        const item = service.requireItem('test-loan');
        const window = (now: Date, lang: 'zh' | 'en' = 'zh') => sectionOf(presentCard(item, lang, { now }), 'nextStep')!.lines[1]!.text;
        expect(window(new Date('2026-12-10T23:59:00Z'))).toBe('2026-11-01 – 2026-12-10（受理中，还剩 0 天）');
        expect(window(new Date('2026-12-11T00:00:00Z'))).toBe('2026-11-01 – 2026-12-10（已截止）');
        expect(window(new Date('2026-12-11T00:00:00Z'), 'en')).toBe('2026-11-01 – 2026-12-10 (closed)');
        expect(window(new Date('2026-10-31T12:00:00Z'))).toBe('2026-11-01 – 2026-12-10（尚未开始）');
    });

    it('give a match rated eligible or possible its next step, and an ineligible one none', () => {
        const fits = service.match({ stage: 'growth', qualifications: ['high-tech'], size: 'small' }).matches.find((m) => m.id === 'test-loan')!;
        expect(fits.eligibility).toBe('eligible');
        expect(fits.nextStep).toMatchObject({
            mode: 'apply',
            window: { state: 'open', daysLeft: 7, closes: '2026-12-10' },
            channel: { url: 'https://zwdt.sh.gov.cn/' },
        });
        const p = presentMatch(fits, 'en');
        expect(sectionOf(p, 'nextStep')!.lines.map((l) => l.text)).toContain('2026-11-01 – 2026-12-10 (open, 7 days left)');
        // The bot's list gives it one short line.
        expect(matchCard('zh', fits, 1)).toContain(
            '<b>下一步</b>：需主动申请 · 一网通办 · 2026-11-01 – 2026-12-10（受理中，还剩 7 天） · 准备材料：营业执照、近两年财务报表',
        );
        const not = service.match({ stage: 'startup', qualifications: [], size: 'large' }).matches.find((m) => m.id === 'test-loan')!;
        expect(not.eligibility).toBe('ineligible');
        expect(not.nextStep).toBeUndefined();
    });

    it('are added to MCP structuredContent of match_financing_products, the existing fields unchanged', async () => {
        const { client, close } = await connectInMemory(service);
        try {
            const res = await callTool(client, 'match_financing_products', {
                stage: 'growth',
                qualifications: ['high-tech'],
                size: 'small',
                lang: 'zh',
            });
            const match = (res.structuredContent as { matches: Record<string, unknown>[] }).matches.find((m) => m.id === 'test-loan')!;
            expect(match.nextStep).toEqual({
                mode: 'apply',
                text: '办理方式：须由企业主动申请。每年集中受理一次；申请时间：2026-11-01 – 2026-12-10（受理中，还剩 7 天）；申请入口：一网通办 https://zwdt.sh.gov.cn/；准备材料：营业执照；准备材料：近两年财务报表（未经确认）；支持力度：按贷款利息给予贴息（最高 50 万元、比例 30%）',
                window: { opens: '2026-11-01', closes: '2026-12-10', state: 'open', daysLeft: 7 },
                channel: { text: '一网通办', url: 'https://zwdt.sh.gov.cn/' },
                documents: ['营业执照', '近两年财务报表'],
                benefit: { text: '按贷款利息给予贴息（最高 50 万元、比例 30%）', percent: 30, capWan: 50 },
                sources: ['s1'],
            });
            // The fields that were there before are all still there.
            expect(Object.keys(match)).toEqual(
                expect.arrayContaining([
                    'id',
                    'kind',
                    'name',
                    'summary',
                    'eligibility',
                    'score',
                    'reasons',
                    'missing',
                    'amount',
                    'apply',
                    'contacts',
                    'sources',
                    'related',
                    'expired',
                    'uri',
                ]),
            );
            expect(JSON.stringify(res.content)).toContain('下一步');
        } finally {
            await close();
        }
    });

    it('are passages of the aspects window, documents, application, how-to-apply and subsidy', async () => {
        const { snapshot } = await loadKnowledge(folder.dir, { now: NOW });
        const reader = createAspectReader(snapshot!.aspects);
        const passages = passagesOf(snapshot!.items.get('test-loan')!, reader.classify);
        const at = (field: string) => passages.find((p) => p.field === field)!;
        expect(at('application')).toMatchObject({ sources: ['s1'], status: 'current', typed: true });
        expect(at('application').aspects[0]).toBe('application');
        expect(at('application.window')).toMatchObject({ aspects: ['window'], text: { zh: '2026-11-01 至 2026-12-10' } });
        expect(at('documents.1')).toMatchObject({ aspects: ['documents'], status: 'unconfirmed' });
        expect(at('apply_channel').aspects[0]).toBe('how-to-apply');
        expect(at('benefit').aspects[0]).toBe('subsidy');
    });
});

describe('the fields are checked', () => {
    it('refuses a rolling window with a closing date, and dates out of order', async () => {
        const f = await copyFolder();
        try {
            await f.edit('products/test-loan.md', (s) =>
                s.replace(
                    'contacts: [test-org]',
                    'application: { mode: apply, rolling: true, closes: 2026-01-01, sources: [s1] }\ncontacts: [test-org]',
                ),
            );
            await f.edit('products/test-micro.md', (s) =>
                s.replace(
                    'contacts: [test-org]',
                    'application: { mode: automatic, opens: 2026-05-01, closes: 2026-01-01, sources: [s1] }\ncontacts: [test-org]',
                ),
            );
            const { problems } = await loadKnowledge(f.dir, { now: NOW });
            expect(problems.map(formatProblem)).toEqual([
                'products/test-loan.md:39: application.rolling: a rolling window has no closing date — remove `rolling: true` or `closes:`, whichever the source does not state',
                'products/test-micro.md:19: application.closes: 2026-01-01 is before `opens` 2026-05-01 — check the two dates against the source',
            ]);
        } finally {
            await f.remove();
        }
    });
});

describe('aspect words', () => {
    it('read when, what to prepare and automatic-or-apply, in simplified, traditional and English', async () => {
        const { snapshot } = await loadKnowledge(SHIPPED_KNOWLEDGE);
        const reader = createAspectReader(snapshot!.aspects);
        const cases: [string, string][] = [
            ['科创助力贷什么时候截止？', 'window'], // 什么时候截止 asks for the closing date, not the history
            ['申請時間是幾月？', 'window'], // traditional folds to 申请时间
            ['When is the deadline for the premium subsidy?', 'window'],
            ['申请高企贷需要准备哪些材料', 'documents'], // 需要准备 and 哪些材料 outweigh 申请
            ['What documents do we need to prepare?', 'documents'],
            ['保费补贴是免申即享的吗', 'application'],
            ['保費補貼是否需要申請', 'application'],
            ['Is the subsidy granted automatically or do we need to apply?', 'application'],
        ];
        for (const [question, aspect] of cases) expect(reader.read(question).primary, question).toBe(aspect);
    });
});
