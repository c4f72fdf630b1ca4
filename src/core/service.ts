/**
 * The one API the fronts (bot, MCP server, CLI) use. It holds the current
 * knowledge snapshot and the search index built from it, swaps both together
 * on every good reload, and answers from whichever pair is current, so a
 * caller never sees an index of one snapshot with the cards of another.
 */
import type { Logger } from 'pino';
import { KnowledgeLoadError, NotFoundError } from './errors.ts';
import { createKnowledgeReader, type KnowledgeSnapshot, type LoadOptions } from './knowledge/load.ts';
import { answerAbout, answerQuestion, type Answer, type AnswerOptions } from './answer/answer.ts';
import { isOffering, type KnowledgeItem, type OrganizationItem, type ProductItem } from './knowledge/schema.ts';
import { closest, formatProblem, type Problem } from './knowledge/problems.ts';
import { watchKnowledge, type KnowledgeWatcher } from './knowledge/watch.ts';
import { lexiconFor, type Lexicon } from './lexicon/lexicon.ts';
import { matchProducts, rateFor } from './match/match.ts';
import { MAX_QUESTION_CHARS, parseProfile } from './match/profile.ts';
import type { MatchOptions, MatchResponse } from './match/types.ts';
import { understandQuestion, type Understanding } from './match/understand.ts';
import { buildSearchIndex, createSearchIndex, type KnowledgeIndex, type QueryReading } from './search/index.ts';
import { normalize } from './search/tokenize.ts';
import type { SearchOptions, SearchResponse } from './search/types.ts';
import type { Aspect, Kind, Qualification, Stage } from './vocabulary.ts';

export interface ProductFilter {
    readonly stage?: Stage;
    readonly qualification?: Qualification;
    readonly kind?: Kind;
}

export interface ContactQuery {
    readonly productId?: string;
    readonly organizationId?: string;
    /** Free text, searched among organizations. */
    readonly query?: string;
}

/** A contact found by words is kept when it scores at least this share of the best one. */
const CONTACT_SCORE_SHARE = 0.25;

/** Cards changed since the last full build after which the index is rebuilt in the background. */
const compactAfter = (items: number) => Math.max(256, Math.floor(items / 20));

export type SnapshotListener = (snapshot: KnowledgeSnapshot) => void;

export interface KnowledgeService {
    /** The snapshot answers currently come from. */
    snapshot(): KnowledgeSnapshot;
    search(query: string, options?: SearchOptions): SearchResponse;
    /** The answer to a question: the fact asked, with its own sources, then the item, related items and whom to ask (see answer/answer.ts). */
    answer(question: string, options?: AnswerOptions): Answer;
    /** The answer about one aspect of one item (a follow-up button); undefined for an unknown id. */
    answerAbout(id: string, aspect: Aspect, options?: AnswerOptions): Answer | undefined;
    /** How the index reads a question: its terms, the items it names, the aspects it asks (see search/knowledge-index.ts). */
    read(question: string): QueryReading;
    /** The question's words that tell one card from another: none when it asks nothing of any card in particular (see search/knowledge-index.ts). */
    telling(question: string): readonly string[];
    /** The profile fields a free text plainly states, each with a sentence saying so (see match/understand.ts). */
    understand(text: string): Understanding;
    /** The words of the vocabulary and of the current synonyms, as the matcher reads them (see lexicon/). */
    lexicon(): Lexicon;
    /** Validates `profile` (throws ProfileError naming each bad field), then rates every product and returns the best (see MatchOptions.limit). */
    match(profile: unknown, options?: MatchOptions): MatchResponse;
    getItem(id: string): KnowledgeItem | undefined;
    /**
     * An item by its id, its name (zh or en) or one of its aliases, as people
     * type them: "高企贷", "履约贷", "ＧＡＯＱＩＤＡＩ", "hnte loan". Width,
     * case, traditional characters, spaces and punctuation do not matter. A
     * name two items share names neither. Every front resolves what a user
     * names through this one function.
     */
    findItem(ref: string): KnowledgeItem | undefined;
    /** Like findItem, but throws NotFoundError naming the closest ids. */
    requireItem(ref: string): KnowledgeItem;
    /** The ids of the items whose id, name or alias is closest to a mistyped one, closest first. */
    suggestIds(ref: string, count?: number, kind?: Kind): string[];
    /**
     * Offerings (products, platforms, programmes), optionally filtered: a
     * stage or qualification keeps what the matcher does not rate
     * ineligible for a firm at that stage, or holding that qualification
     * (and what it implies) and no other.
     */
    listProducts(filter?: ProductFilter): ProductItem[];
    /** Organizations for a product, by id, or by free text; all of them when nothing is given. */
    contacts(query?: ContactQuery): OrganizationItem[];
    /** Called after each new snapshot is live; returns an unsubscribe function. */
    subscribe(listener: SnapshotListener): () => void;
    /** Reads the folder again now when watching (a bad folder is refused as a bad edit is); resolves when done. */
    reload(): Promise<void>;
    close(): Promise<void>;
}

export interface ServiceOptions {
    readonly dir: string;
    /** Watch the folder and go live with each good edit. Default false. */
    readonly watch?: boolean;
    readonly logger?: Logger;
    /** Reload delay after the last change event, in ms. Default 150. */
    readonly debounceMs?: number;
    /** The clock that decides whether a card's `valid_until` has passed, read at each query. Default: the system clock. */
    readonly now?: () => Date;
    /** While watching, also read the folder by content hash every this many ms (0: never). Default 60,000 (see watch.ts). */
    readonly rescanMs?: number;
    /** While watching, listen to file-system events. Default true; false leaves the periodic rescan alone. */
    readonly events?: boolean;
    /** Keep parsed cards on disk between starts (see LoadOptions.cache). Default none. */
    readonly cache?: LoadOptions['cache'];
}

/** Loads the folder (throwing KnowledgeLoadError on any error) and starts watching if asked. */
export async function createKnowledgeService(options: ServiceOptions): Promise<KnowledgeService> {
    const reader = createKnowledgeReader(options.dir, options.cache ? { cache: options.cache } : {});
    const { snapshot, problems } = await reader.read();
    if (!snapshot) throw new KnowledgeLoadError(options.dir, problems);
    logWarnings(options.logger, problems);
    const service = new Service(snapshot, options.now);
    if (options.watch) {
        const watcher = watchKnowledge(options.dir, {
            debounceMs: options.debounceMs ?? 150,
            ...(options.rescanMs !== undefined && { rescanMs: options.rescanMs }),
            ...(options.events !== undefined && { events: options.events }),
            reader,
            initial: snapshot,
            onSnapshot: async (next, warnings, stats) => {
                const how = await service.replace(next);
                logWarnings(options.logger, warnings);
                options.logger?.info({ version: next.version, items: next.items.size, parsed: stats.parsed, index: how }, 'knowledge reloaded');
            },
            onProblems: (bad) => {
                const errors = bad.filter((p) => p.severity === 'error');
                options.logger?.error(
                    { errors: errors.length },
                    `knowledge edit rejected, still serving version ${service.snapshot().version}:\n${errors.map(formatProblem).join('\n')}`,
                );
            },
            onError: (err) => options.logger?.error({ err }, 'knowledge watcher failed'),
        });
        service.attach(watcher);
    }
    return service;
}

/** A service over a fixed snapshot: for tests, benchmarks and one-shot CLI calls. */
export function createServiceFromSnapshot(snapshot: KnowledgeSnapshot, options: Pick<ServiceOptions, 'now'> = {}): KnowledgeService {
    return new Service(snapshot, options.now);
}

function logWarnings(logger: Logger | undefined, problems: readonly Problem[]): void {
    const warnings = problems.filter((p) => p.severity === 'warning');
    if (logger && warnings.length > 0) logger.warn(`knowledge warnings:\n${warnings.map(formatProblem).join('\n')}`);
}

interface State {
    readonly snapshot: KnowledgeSnapshot;
    readonly index: KnowledgeIndex;
}

/** How a name is compared: normalized (width, case, traditional), without spaces and punctuation. */
function nameKey(text: string): string {
    return normalize(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Each item's names (id, zh and en names, aliases), each with its nameKey. */
interface NameTable {
    /** nameKey → the ids it names; more than one: ambiguous. */
    readonly owners: Map<string, Set<string>>;
    /** Every name as written, with its item's id, for suggestions. */
    readonly names: readonly { readonly name: string; readonly id: string }[];
}

/** Built once per snapshot, at the first lookup by name. */
const nameTables = new WeakMap<KnowledgeSnapshot, NameTable>();

function nameTable(snapshot: KnowledgeSnapshot): NameTable {
    let table = nameTables.get(snapshot);
    if (table) return table;
    const owners = new Map<string, Set<string>>();
    const names: { name: string; id: string }[] = [];
    for (const item of snapshot.items.values()) {
        for (const name of [item.id, item.name, item.name_en, ...item.aliases.zh, ...item.aliases.en]) {
            const key = nameKey(name);
            if (key === '') continue;
            owners.set(key, (owners.get(key) ?? new Set()).add(item.id));
            names.push({ name, id: item.id });
        }
    }
    table = { owners, names };
    nameTables.set(snapshot, table);
    return table;
}

class Service implements KnowledgeService {
    private _state: State;
    private readonly _listeners = new Set<SnapshotListener>();
    private _watcher: KnowledgeWatcher | undefined;
    /** Bumped by every replace, so that a build overtaken by a newer snapshot stops. */
    private _generation = 0;
    private _compacting = false;

    constructor(
        snapshot: KnowledgeSnapshot,
        private readonly _now: () => Date = () => new Date(),
    ) {
        this._state = { snapshot, index: createSearchIndex(snapshot) };
    }

    /**
     * Goes live with a new snapshot. A local change (cards added, edited,
     * removed) updates the index in place, at the cost of the changed cards;
     * anything else builds a new index in slices while the old pair keeps
     * answering, and swaps both in together. Resolves once the snapshot is
     * live, with how the index was brought to it.
     */
    async replace(snapshot: KnowledgeSnapshot): Promise<'updated' | 'rebuilt' | 'superseded'> {
        const generation = ++this._generation;
        const { index } = this._state;
        if (index.update(snapshot)) {
            this._state = { snapshot, index };
            this.notify(snapshot);
            if (index.drift > compactAfter(snapshot.items.size)) void this.compact();
            return 'updated';
        }
        const built = await buildSearchIndex(snapshot, { cancelled: () => generation !== this._generation });
        if (!built) return 'superseded';
        this._state = { snapshot, index: built };
        this.notify(snapshot);
        return 'rebuilt';
    }

    /**
     * Live edits make queries visit an overlay beside the built postings:
     * after many, build the current snapshot's index afresh in the
     * background, and bring it up to any edit made meanwhile before swapping.
     */
    private async compact(): Promise<void> {
        if (this._compacting) return;
        this._compacting = true;
        try {
            const built = await buildSearchIndex(this._state.snapshot);
            const current = this._state.snapshot;
            if (built && built.update(current)) this._state = { snapshot: current, index: built };
        } finally {
            this._compacting = false;
        }
    }

    private notify(snapshot: KnowledgeSnapshot): void {
        for (const listener of this._listeners) {
            try {
                listener(snapshot);
            } catch {
                // One failing subscriber must not keep the others stale.
            }
        }
    }

    attach(watcher: KnowledgeWatcher): void {
        this._watcher = watcher;
    }

    snapshot(): KnowledgeSnapshot {
        return this._state.snapshot;
    }

    search(query: string, options?: SearchOptions): SearchResponse {
        return this._state.index.search(query, options);
    }

    answer(question: string, options?: AnswerOptions): Answer {
        const { snapshot, index } = this._state;
        return answerQuestion(snapshot, index, question, options);
    }

    answerAbout(id: string, aspect: Aspect, options?: AnswerOptions): Answer | undefined {
        const { snapshot, index } = this._state;
        return answerAbout(snapshot, index, id, aspect, options);
    }

    read(question: string): QueryReading {
        return this._state.index.read(question);
    }

    telling(question: string): readonly string[] {
        const { index } = this._state;
        return index.telling(index.read(question));
    }

    understand(text: string): Understanding {
        // Folded as the search reads it: "30個人" says a head count as "30个人" does.
        return understandQuestion(normalize(text.slice(0, MAX_QUESTION_CHARS)), this.lexicon());
    }

    lexicon(): Lexicon {
        return lexiconFor(this._state.snapshot.synonyms);
    }

    match(profile: unknown, options?: MatchOptions): MatchResponse {
        const { snapshot, index } = this._state;
        const parsed = parseProfile(profile);
        return matchProducts(snapshot, parsed, {
            ...options,
            now: this._now(),
            // Scores only: the hits' snippets and passages would be thrown away.
            questionScores: (q) => new Map(index.rank(q, { limit: 20, kind: 'product' }).map((r) => [r.id, r.score])),
        });
    }

    getItem(id: string): KnowledgeItem | undefined {
        return this._state.snapshot.items.get(id);
    }

    findItem(ref: string): KnowledgeItem | undefined {
        const { snapshot } = this._state;
        const exact = snapshot.items.get(ref.trim());
        if (exact) return exact;
        const owners = nameTable(snapshot).owners.get(nameKey(ref));
        return owners?.size === 1 ? snapshot.items.get([...owners][0]!) : undefined;
    }

    requireItem(ref: string): KnowledgeItem {
        const item = this.findItem(ref);
        if (!item) throw new NotFoundError(ref, this.suggestIds(ref));
        return item;
    }

    suggestIds(ref: string, count = 3, kind?: Kind): string[] {
        const { snapshot } = this._state;
        const names = nameTable(snapshot).names.filter((n) => !kind || snapshot.items.get(n.id)?.kind === kind);
        // Closest names first, each item once; ask for enough that `count` distinct ids remain.
        const byKey = new Map<string, string[]>();
        for (const n of names) {
            const key = nameKey(n.name);
            byKey.set(key, [...(byKey.get(key) ?? []), n.id]);
        }
        const ids = closest(nameKey(ref) || ref, byKey.keys(), byKey.size).flatMap((key) => byKey.get(key)!);
        return [...new Set(ids)].slice(0, count);
    }

    listProducts(filter: ProductFilter = {}): ProductItem[] {
        const offerings = [...this._state.snapshot.items.values()].filter(isOffering);
        const now = this._now();
        const profile = {
            ...(filter.stage ? { stage: filter.stage } : {}),
            ...(filter.qualification ? { qualifications: [filter.qualification] } : {}),
        };
        return offerings.filter((p) => (!filter.kind || p.kind === filter.kind) && rateFor(p, profile, now) !== 'ineligible');
    }

    contacts(query: ContactQuery = {}): OrganizationItem[] {
        const items = this._state.snapshot.items;
        const byId = (ids: readonly string[]) => ids.map((id) => items.get(id)).filter((i): i is OrganizationItem => i?.kind === 'organization');
        if (query.organizationId) return byId([this.requireItem(query.organizationId).id]);
        if (query.productId) {
            const item = this.requireItem(query.productId);
            return byId('contacts' in item ? item.contacts : []);
        }
        if (query.query?.trim()) {
            // Keep the clear winners only: "科技创业中心" must not also bring every other 中心.
            const hits = this._state.index.rank(query.query, { kind: 'organization', limit: 10 });
            const floor = (hits[0]?.score ?? 0) * CONTACT_SCORE_SHARE;
            return byId(hits.filter((r) => r.score >= floor).map((r) => r.id));
        }
        return [...items.values()].filter((i): i is OrganizationItem => i.kind === 'organization');
    }

    subscribe(listener: SnapshotListener): () => void {
        this._listeners.add(listener);
        return () => this._listeners.delete(listener);
    }

    async reload(): Promise<void> {
        // By content: a pull can rewrite a file within the same clock tick.
        await this._watcher?.reload({ verify: 'content' });
    }

    async close(): Promise<void> {
        this._listeners.clear();
        await this._watcher?.close();
    }
}
