/**
 * The quality gate: the shipped knowledge against the cases in this folder.
 * Fails when recall@3 falls below 0.9, when any off-topic question is
 * answered confidently, or when any match case fails. `npm run eval` prints
 * the same figures with the misses.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEvalReport, judgeMatch, runEval, type EvalReport } from '../../src/eval/run.ts';
import { firstRank, retrieval, type CaseOutcome } from '../../src/eval/metrics.ts';
import { loadAnswerCases, loadMatchCases, loadSearchCases } from '../../src/eval/cases.ts';
import { answeredBy, foldForJudging } from '../../src/eval/judge.ts';
import { writesName } from '../../src/eval/answers.ts';
import { replyItems, runTurns } from '../../src/eval/dialogues.ts';
import { createKnowledgeService } from '../../src/core/service.ts';

const KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');
/** Share of the stranger-written dev questions and of the held-out questions answered, at least. */
const STRANGERS_FLOOR = 0.85;
const HELDOUT_FLOOR = 0.8;

describe('evaluation on the shipped knowledge', () => {
    let report: EvalReport;

    beforeAll(async () => {
        report = await runEval({ knowledgeDir: KNOWLEDGE });
        // Every answer case is run through the real bot and the MCP format (about 400 questions and dialogues).
    }, 180_000);

    it('finds an expected card among the first three for at least 90% of the questions', () => {
        const misses = report.search.misses.filter((m) => m.expect.length > 0).map((m) => `${m.file}:${m.line} ${m.q} → ${m.got.join(', ')}`);
        expect(report.search.kejin.all.recallAt3, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    });

    it('ranks an expected card first for at least 95% of the questions', () => {
        expect(report.search.kejin.all.recallAt1).toBeGreaterThanOrEqual(0.95);
    });

    /** The sets written beside the code (the shared one and ours); the stranger-written sets are gated apart. */
    const OWN_FILES = new Set(['answers.jsonl', 'answers.extra.jsonl']);

    it('answers at least 90% of the answer questions in the bot reply and the MCP answer', () => {
        const a = report.answers;
        const misses = a.misses
            .filter((o) => OWN_FILES.has(o.case.file))
            .map((o) => `${o.case.file}:${o.case.line} ${o.case.q} → ${o.status}: ${o.botText.slice(0, 120)}`);
        const own = [...OWN_FILES].map((f) => a.byFile[f]!);
        const cases = own.reduce((n, g) => n + g.cases, 0);
        expect(cases).toBeGreaterThanOrEqual(24);
        expect(own.reduce((n, g) => n + g.answered, 0) / cases, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
        const shared = a.byFile['answers.jsonl']!;
        expect(shared.answered / shared.cases, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    });

    it('answers every question whose fact the knowledge lacks as not known', () => {
        const wrong = report.answers.misses
            .filter((o) => o.case.absent && OWN_FILES.has(o.case.file))
            .map((o) => `${o.case.file}:${o.case.line} ${o.case.q} → ${o.status}: ${o.botText.slice(0, 120)}`);
        expect(report.answers.absent.cases).toBeGreaterThanOrEqual(4);
        expect(wrong).toEqual([]);
    });

    it('keeps the stranger-written and held-out sets above their floors, and the public dialogues all passing', () => {
        // Floors a little under the figures of the stop that set them (see the closing note): a regression shows, tuning does not.
        const strangers = report.answers.byFile['answers.strangers.jsonl'];
        if (strangers) expect(strangers.answered / strangers.cases).toBeGreaterThanOrEqual(STRANGERS_FLOOR);
        const held = report.heldout.answers.all;
        if (held.cases > 0) expect(held.answered / held.cases).toBeGreaterThanOrEqual(HELDOUT_FLOOR);
        const dialogues = report.dialogues.byFile['dialogues.jsonl'];
        const misses = report.dialogues.misses
            .filter((o) => o.case.file === 'dialogues.jsonl')
            .map((o) => `${o.case.line} ${o.case.turns.join(' → ')}`);
        expect(dialogues?.passed, misses.join('\n')).toBe(dialogues?.cases);
        // Every held-out set's off-topic questions are refused (the third set refused 13 of 15 on its first run; two
        // mechanisms found with probes of our own, 房|贷 as a word and more than half the question, caught the others).
        expect(report.heldout.offTopic.confident).toEqual([]);
    });

    it('answers no off-topic question confidently', () => {
        // The strangers' dev set reports its off-topic figure in `npm run eval`; the own and held-out ones must all hold.
        const confident = report.search.misses
            .filter((m) => m.expect.length === 0 && !m.file.includes('strangers'))
            .map((m) => `${m.file}:${m.line} ${m.q}`);
        expect(confident).toEqual([]);
        // A question that writes a card's own name and is answered about it is not off-topic here (see run.ts).
        expect(report.heldout.offTopic.refused).toBe(report.heldout.offTopic.cases - report.heldout.offTopic.namesCard.length);
    });

    it('passes every match case', () => {
        expect(report.match.status, report.match.error).toBe('ok');
        const failures = report.match.failures.map((f) => `${f.file}:${f.line} ${f.reasons.join('; ')}`);
        expect(failures).toEqual([]);
    });

    it('beats plain MiniSearch', () => {
        expect(report.search.kejin.all.mrr).toBeGreaterThan(report.search.baseline.all.mrr);
    });

    it('prints a readable report', () => {
        const text = formatEvalReport(report);
        expect(text).toContain('R@3');
        expect(text).toContain('baseline');
        expect(text).toMatch(/Match\n\s+\d+\/\d+ cases pass/);
        // Answers about another item than the one the question names, beside those about another item than the case's.
        expect(text).toMatch(
            /confident about another item than the one asked: \d+.*\n\s+of which the question names the item asked and not the one answered: \d+/,
        );
    });

    it('lists held-out cases missed only when asked: a held-out set read case by case is a training set', () => {
        const held = formatEvalReport(report).split('=== Held-out')[1] ?? '';
        expect(held).toMatch(/Held-out answers \(\d+ questions/);
        expect(held).not.toMatch(/MISS |CONFIDENT /);
        const missed = report.heldout.answers.misses.length + report.heldout.dialogues.misses.length;
        if (missed > 0) expect(formatEvalReport(report, { heldoutMisses: true }).split('=== Held-out')[1]).toMatch(/MISS /);
    });
});

describe('case files', () => {
    it('hold at least as many extra cases as shared ones, in both languages, with off-topic questions', async () => {
        const search = await loadSearchCases();
        const shared = search.filter((c) => c.file === 'search.jsonl');
        const extra = search.filter((c) => c.file === 'search.extra.jsonl');
        expect(extra.length).toBeGreaterThanOrEqual(shared.length);
        expect(extra.some((c) => c.lang === 'en')).toBe(true);
        expect(extra.some((c) => c.lang === 'zh')).toBe(true);
        expect(extra.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(8);
        const answers = await loadAnswerCases();
        expect(answers.filter((c) => c.file === 'answers.jsonl').length).toBe(24);
        expect(answers.filter((c) => c.file === 'answers.extra.jsonl').length).toBeGreaterThanOrEqual(12);
        const match = await loadMatchCases();
        expect(match.filter((c) => c.file === 'match.extra.jsonl').length).toBeGreaterThanOrEqual(
            match.filter((c) => c.file === 'match.jsonl').length,
        );
    });
});

describe('what a question names, read apart from kejin', () => {
    it('finds a card name, alias or id however it is written, and no name too short to tell', async () => {
        const service = await createKnowledgeService({ dir: KNOWLEDGE });
        try {
            expect(writesName(service, '履約貸的保費補貼有多少', ['keji-lvyuedai'])).toBe(true);
            expect(writesName(service, 'what about the GAOQIDAI rate', ['gaoqidai'])).toBe(true);
            expect(writesName(service, 'what is keji-weidaitong?', ['keji-weidaitong'])).toBe(true);
            expect(writesName(service, '履约贷的保费补贴有多少', ['premium-subsidy', 'gaoqidai'])).toBe(true);
            expect(writesName(service, '高新技术企业贷款余额多少', ['stcsm-reply-2024-85'])).toBe(false);
            expect(writesName(service, 'anything', ['no-such-item'])).toBe(false);
        } finally {
            await service.close();
        }
    });

    it('finds a document named by its number, or by its issuer and the kind its names say', async () => {
        const service = await createKnowledgeService({ dir: KNOWLEDGE });
        try {
            const reply = ['stcsm-reply-2024-85'];
            expect(writesName(service, 'who is the contact on reply No. 85?', reply)).toBe(true);
            expect(writesName(service, '85號文件裡的聯繫人是誰', reply)).toBe(true);
            expect(writesName(service, "what did STCSM's reply say about risk compensation", reply)).toBe(true);
            expect(writesName(service, '科委在答复里说了什么', reply)).toBe(true);
            // The issuer alone, the kind alone, a number not the card's, or a number that is a figure name nothing.
            expect(writesName(service, 'what does STCSM do for tech firms', reply)).toBe(false);
            expect(writesName(service, 'the reply from the bank took a week', reply)).toBe(false);
            expect(writesName(service, '212号通知怎么申请', reply)).toBe(false);
            expect(writesName(service, 'we have 85 staff', reply)).toBe(false);
            // A card that is not a document is named only by its names.
            expect(writesName(service, "STCSM's reply No. 85", ['gaoqidai'])).toBe(false);
        } finally {
            await service.close();
        }
    });
});

describe('what a dialogue reply answers about, read from the screen', () => {
    it("finds the items whose names open the answer's lines, and none in a question back or a match list", async () => {
        const service = await createKnowledgeService({ dir: KNOWLEDGE });
        try {
            const [one] = await runTurns(service, ['科技微贷通是什么', '它的担保费是多少']).then((r) => r.slice(1));
            expect(replyItems(service, one!)).toEqual(['keji-weidaitong']);
            const [both] = await runTurns(service, ['高企贷和沪科专贷有什么区别'], { languageCode: 'zh' });
            expect(replyItems(service, both!).sort()).toEqual(['gaoqidai', 'huke-zhuandai']);
            const [back] = await runTurns(service, ['利率多少']);
            expect(replyItems(service, back!)).toEqual([]);
            // A name further down (among related items, sources or contacts) is not what the reply answers about.
            expect(replyItems(service, 'About "x":\nnothing reliable\n\n1. 科技微贷通: related')).toEqual([]);
        } finally {
            await service.close();
        }
    });
});

describe('answer judging (catalogue rules)', () => {
    it('folds full-width, traditional, case and thousands separators', () => {
        expect(foldForJudging('ＬＰＲ 滬科專貼 1,636 户')).toBe('lpr 沪科专贴 1636 户');
    });

    it('matches numbers whole', () => {
        // "1亿" must not be found inside "5443.61亿", nor "70%" inside "170%".
        expect(answeredBy('累计投放5443.61亿元', ['1亿'])).toBeUndefined();
        expect(answeredBy('政府170%', ['70%'])).toBeUndefined();
        expect(answeredBy('政府70%、担保机构30%', ['70%'])).toBe('70%');
        expect(answeredBy('存量户数1,636户', ['1636'])).toBe('1636');
        expect(answeredBy('Bank of China', ['bank of china'])).toBe('bank of china');
    });
});

describe('metrics', () => {
    const outcome = (expect: string[], ids: string[], confident = true): CaseOutcome => ({
        case: { q: 'q', lang: 'zh', expect, file: 'f', line: 1 },
        ids,
        confident,
    });

    it('ranks the first expected id found', () => {
        expect(firstRank(['a', 'b', 'c'], ['c', 'b'])).toBe(2);
        expect(firstRank(['a'], ['z'])).toBe(0);
    });

    it('computes recall@1, recall@3 and MRR over on-topic cases only', () => {
        const f = retrieval([outcome(['a'], ['a']), outcome(['a'], ['x', 'y', 'a']), outcome(['a'], ['x', 'y', 'z', 'a']), outcome([], ['a'])]);
        expect(f.cases).toBe(3);
        expect(f.recallAt1).toBeCloseTo(1 / 3);
        expect(f.recallAt3).toBeCloseTo(2 / 3);
        expect(f.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 4) / 3);
    });

    it('judges match cases by the catalogue rule', () => {
        const matches = [
            { id: 'a', eligibility: 'eligible' },
            { id: 'b', eligibility: 'ineligible' },
            { id: 'c', eligibility: 'possible' },
        ];
        expect(judgeMatch({ expect: ['a', 'c'], reject: ['b'] }, matches)).toEqual([]);
        expect(judgeMatch({ expect: ['b'], reject: [] }, matches)).toHaveLength(1);
        expect(judgeMatch({ expect: [], reject: ['a'] }, matches)).toEqual(['a rated eligible but should not be']);
        const many = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => ({ id, eligibility: 'possible' }));
        expect(judgeMatch({ expect: ['p6'], reject: [] }, many)).toHaveLength(1);
    });
});
