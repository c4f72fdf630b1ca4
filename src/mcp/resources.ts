/**
 * Every knowledge card as a resource (`kejin://products/{id}`,
 * `kejin://policies/{id}`, `kejin://organizations/{id}`), listed and
 * id-completed from the live snapshot, plus the vocabularies. The server
 * sends `notifications/resources/list_changed` when the snapshot changes
 * (see server.ts), so clients list again rather than poll.
 */
import { ResourceNotFoundError, ResourceTemplate, type McpServer, type ReadResourceResult, type Resource } from '@modelcontextprotocol/server';
import { closest } from '../core/knowledge/problems.ts';
import type { KnowledgeItem } from '../core/knowledge/schema.ts';
import { FOLDER_KINDS, KINDS, NEEDS, QUALIFICATIONS, SIZES, STAGES, type Folder, type Kind } from '../core/vocabulary.ts';
import { cardStructured, cardText, folderOf, itemUri } from './format.ts';
import { DEFAULT_LANG } from './schemas.ts';
import type { McpDeps } from './deps.ts';

const VOCABULARY_URI = 'kejin://vocabulary';

/** The spec caps a completion answer at 100 values. */
const MAX_COMPLETIONS = 100;

const FOLDER_TITLES: Record<Folder, string> = {
    products: 'Financing products, platforms and programmes (产品)',
    policies: 'Policies and policy documents (政策)',
    organizations: 'Organizations to contact (机构)',
};

/**
 * `_meta` key carrying the knowledge version on resource lists and reads: a
 * 2026 client that cached a list (its `ttlMs`) can tell whether it still
 * holds the current knowledge.
 */
export const KNOWLEDGE_VERSION_META = 'kejin/knowledgeVersion';

const VOCABULARY_META = {
    title: 'Profile and knowledge vocabularies (词表)',
    description: 'The words the tools accept for stage, qualifications, size, needs and kind, each with its Chinese and English label.',
    mimeType: 'application/json',
};

export function registerResources(server: McpServer, deps: McpDeps): void {
    for (const folder of Object.keys(FOLDER_KINDS) as Folder[]) registerFolder(server, deps, folder);
    server.registerResource('vocabulary', VOCABULARY_URI, VOCABULARY_META, (uri) => ({
        contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(vocabulary(), null, 2) }],
        _meta: versionMeta(deps),
    }));
    // The SDK's own list (the same entries, in the same order) has no room for a result `_meta`.
    server.server.setRequestHandler('resources/list', () => ({
        resources: [
            { uri: VOCABULARY_URI, name: 'vocabulary', ...VOCABULARY_META },
            ...(Object.keys(FOLDER_KINDS) as Folder[]).flatMap((folder) =>
                itemsIn(deps, folder).map((item) => ({ ...folderMeta(folder), ...listEntry(item) })),
            ),
        ],
        _meta: versionMeta(deps),
    }));
}

function versionMeta(deps: McpDeps): Record<string, string> {
    return { [KNOWLEDGE_VERSION_META]: deps.service.snapshot().version };
}

function itemsIn(deps: McpDeps, folder: Folder): KnowledgeItem[] {
    return [...deps.service.snapshot().items.values()].filter((i) => folderOf(i.kind) === folder);
}

function folderMeta(folder: Folder) {
    const kinds = (FOLDER_KINDS[folder] as readonly Kind[]).map((k) => KINDS.labels[k].en).join(', ');
    return {
        title: FOLDER_TITLES[folder],
        description: `One knowledge card (${kinds}) as Markdown with sources, and as JSON.`,
        mimeType: 'text/markdown',
    };
}

/**
 * Each folder's template, made once per deps: it reads the live snapshot
 * through `deps`, and parsing its URI template for every server (one per
 * HTTP request) was a tenth of the cost of making one.
 */
const templates = new WeakMap<McpDeps, Map<Folder, ResourceTemplate>>();

function templateOf(deps: McpDeps, folder: Folder): ResourceTemplate {
    let byFolder = templates.get(deps);
    if (!byFolder) templates.set(deps, (byFolder = new Map()));
    let template = byFolder.get(folder);
    if (!template) {
        const inFolder = (): KnowledgeItem[] => itemsIn(deps, folder);
        template = new ResourceTemplate(`kejin://${folder}/{id}`, {
            list: () => ({ resources: inFolder().map(listEntry) }),
            complete: {
                id: (value) =>
                    completeIds(
                        inFolder().map((i) => i.id),
                        value,
                    ),
            },
        });
        byFolder.set(folder, template);
    }
    return template;
}

function registerFolder(server: McpServer, deps: McpDeps, folder: Folder): void {
    server.registerResource(`knowledge-${folder}`, templateOf(deps, folder), folderMeta(folder), (uri, variables) =>
        readCard(deps, folder, uri, String(variables.id ?? ''), () => itemsIn(deps, folder).map((i) => i.id)),
    );
}

function listEntry(item: KnowledgeItem): Resource {
    return { uri: itemUri(item), name: item.id, title: `${item.name} · ${item.name_en}`, description: item.summary.zh, mimeType: 'text/markdown' };
}

/** Ids starting with what was typed first, then ids containing it. */
function completeIds(ids: readonly string[], typed: string): string[] {
    const q = typed.trim().toLowerCase();
    const sorted = [...ids].sort();
    const starts = sorted.filter((id) => id.startsWith(q));
    const contains = sorted.filter((id) => !id.startsWith(q) && id.includes(q));
    return [...starts, ...contains].slice(0, MAX_COMPLETIONS);
}

function readCard(deps: McpDeps, folder: Folder, uri: URL, id: string, folderIds: () => string[]): ReadResourceResult {
    const item = deps.service.getItem(id);
    if (!item || folderOf(item.kind) !== folder) {
        const hint = item
            ? ` It is at ${itemUri(item)}.`
            : ` Closest: ${
                  closest(id, folderIds(), 3)
                      .map((s) => `kejin://${folder}/${s}`)
                      .join(', ') || 'none'
              }.`;
        // -32602 with `data: { uri }`: the 2026-07-28 revision requires it, and 2025 clients read it as not found too.
        throw new ResourceNotFoundError(uri.href, `kejin: no card at ${uri.href}.${hint}`);
    }
    const lookup = (ref: string) => deps.service.getItem(ref);
    return {
        contents: [
            { uri: uri.href, mimeType: 'text/markdown', text: cardText(item, DEFAULT_LANG, lookup) },
            { uri: uri.href, mimeType: 'application/json', text: JSON.stringify(cardStructured(item), null, 2) },
        ],
        _meta: versionMeta(deps),
    };
}

function vocabulary() {
    const entries = (v: { values: readonly string[]; labels: Record<string, { zh: string; en: string }> }) =>
        v.values.map((value) => ({ value, ...v.labels[value] }));
    return {
        stage: entries(STAGES),
        qualifications: entries(QUALIFICATIONS),
        size: entries(SIZES),
        needs: entries(NEEDS),
        kind: entries(KINDS),
        units: { annualRevenueWan: '万元 (10,000 CNY)', amountWan: '万元 (10,000 CNY)' },
    };
}
