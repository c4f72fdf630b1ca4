/**
 * Validation across cards, after every file has been parsed on its own:
 * ids unique in the whole folder, `related` and `contacts` naming cards that
 * exist (contacts: organizations), and the dates and gaps a checker warns
 * about (valid_until passed, last_verified in the future or long ago, the
 * newest source old, a product with no contact or no source).
 */
import { isExpired, type KnowledgeItem } from './schema.ts';
import { monthsBefore, newestSourceDate } from './freshness.ts';
import { closest, type Collector } from './problems.ts';
import type { Card } from './card-file.ts';

const DAY_MS = 86_400_000;

/** The cards by id, the first of each id kept; every problem found goes to `out`. */
export function crossCheck(
    cards: readonly Card[],
    broken: ReadonlySet<string>,
    out: Collector,
    now: Date,
    staleAfterDays: number,
    staleSourceMonths: number,
): Map<string, KnowledgeItem> {
    const staleBefore = monthsBefore(now, staleSourceMonths);
    const items = new Map<string, KnowledgeItem>();
    for (const { item } of cards) {
        const first = items.get(item.id);
        if (first) {
            out.report(item.file, 'error', {
                line: 2,
                field: 'id',
                message: `id "${item.id}" is already used by ${first.file}`,
                hint: 'ids must be unique across the whole folder; rename one of them',
            });
            continue;
        }
        items.set(item.id, item);
    }
    const today = now.toISOString().slice(0, 10);
    for (const { item, lines } of cards) {
        if (items.get(item.id) !== item) continue;
        item.related.forEach((ref, i) => {
            if (!items.has(ref) && !broken.has(ref)) {
                out.report(item.file, 'error', {
                    line: lines.related[i],
                    field: `related.${i}`,
                    message: `"${ref}" is not a known item`,
                    hint: hintForId(ref, items.keys()),
                });
            }
        });
        if ('contacts' in item) {
            item.contacts.forEach((ref, i) => {
                const target = items.get(ref);
                if ((!target && !broken.has(ref)) || (target && target.kind !== 'organization')) {
                    const orgs = [...items.values()].filter((x) => x.kind === 'organization').map((x) => x.id);
                    out.report(item.file, 'error', {
                        line: lines.contacts[i],
                        field: `contacts.${i}`,
                        message: target ? `"${ref}" is a ${target.kind}, not an organization` : `"${ref}" is not a known organization`,
                        hint: hintForId(ref, orgs),
                    });
                }
            });
        }
        if (isExpired(item, now)) {
            // Only said here: whether a card is expired is asked on the day of each query (isExpired).
            out.report(item.file, 'warning', {
                line: lines.valid_until,
                field: 'valid_until',
                message: `${item.valid_until} has passed: the item is marked expired and matching never rates it eligible`,
                hint: 'if it still runs, set a new `valid_until` (and `last_verified`); otherwise leave it or delete the file',
            });
        }
        if (item.last_verified > today) {
            out.report(item.file, 'warning', {
                line: lines.last_verified,
                field: 'last_verified',
                message: `${item.last_verified} is in the future`,
                hint: 'set it to the day the facts were last checked against their sources (today at the latest)',
            });
        }
        const newest = newestSourceDate(item);
        if (newest !== undefined && newest < staleBefore) {
            out.report(item.file, 'warning', {
                line: lines.sources,
                field: 'sources',
                message: `the newest dated source is from ${newest}, over ${staleSourceMonths} months ago`,
                hint:
                    'look for a later notice or report, add it with its date, and mark facts it overtakes `status: outdated`; ' +
                    '`kejin report` lists these cards',
            });
        }
        if (now.getTime() - Date.parse(item.last_verified) > staleAfterDays * DAY_MS) {
            out.report(item.file, 'warning', {
                line: lines.last_verified,
                field: 'last_verified',
                message: `last verified ${item.last_verified}, over ${staleAfterDays} days ago`,
                hint: 'check the facts against their sources, then set `last_verified` to today',
            });
        }
        if (item.kind === 'product') {
            if (!('contacts' in item) || item.contacts.length === 0) {
                out.report(item.file, 'warning', {
                    line: 2,
                    field: 'contacts',
                    message: 'product has no contacts',
                    hint: 'add the id of an organization in organizations/ that a firm can call about it',
                });
            }
            if (item.sources.length === 0) {
                out.report(item.file, 'warning', {
                    line: 2,
                    field: 'sources',
                    message: 'product has no sources',
                    hint: 'add at least one source (title and url or 文号) for its facts',
                });
            }
        }
    }
    return items;
}

function hintForId(ref: string, ids: Iterable<string>): string {
    const guess = closest(ref, ids, 1, 0.4)[0];
    return guess ? `did you mean "${guess}"? Ids are file names without .md` : 'create the item first, or remove the reference';
}
