/**
 * Answers with no item to be about: a question back asking which item is
 * meant, when only an aspect was asked (`clarify`, the likely items as
 * suggestions), and "not known" with did-you-mean and the general contacts
 * (`unknown`).
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { KnowledgeItem } from '../knowledge/schema.ts';
import type { KnowledgeIndex, RankedPassage } from '../search/index.ts';
import type { Aspect } from '../vocabulary.ts';
import { clarifySentence, unknownSentence, withWhomToAsk } from '../words/answer.ts';
import { comparable } from './compare.ts';
import type { Answer, Base, ItemRef } from './types.ts';
import { generalContacts, refOf } from './whom-to-call.ts';

const MAX_SUGGESTIONS = 3;
/** Items offered when a bare aspect asks back which one. */
const MAX_CANDIDATES = 4;
/** Items looked at for them: the search's, then every offering. */
const MAX_LOOKED = 24;

export function unknown(snapshot: KnowledgeSnapshot, base: Base): Answer {
    const lang = base.lang;
    const suggestions = base.search.results
        .slice(0, MAX_SUGGESTIONS)
        .map((r) => snapshot.items.get(r.id))
        .filter((i): i is KnowledgeItem => i !== undefined)
        .map(refOf);
    const contacts = generalContacts(snapshot);
    const text = withWhomToAsk(
        unknownSentence(
            suggestions.map((s) => s.title[lang]),
            lang,
        ),
        contacts.map((c) => c.title[lang]),
        lang,
    );
    return { ...base, aspect: base.aspects[0], status: 'unknown', confident: false, text, facts: [], related: [], contacts, suggestions };
}

/**
 * A bare aspect with nothing named or in focus ("利率多少"): which item is
 * meant? The likely ones are the search's, then other offerings, that hold
 * the aspect; right after a list (`listed`, a match), those of the list that
 * do ("怎么办" after the products matched for a loan falling due).
 */
export function clarify(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, aspect: Aspect, base: Base, listed: readonly string[] = []): Answer {
    const lang = base.lang;
    // The offerings with a field of that aspect first; when none has one (no source gives a product's amount), those
    // whose text speaks of it: a founder asked back is offered the items worth asking about, never an empty list.
    const inField = (r: RankedPassage) => r.passage.typed && r.passage.aspects[0] === aspect && !r.passage.absence;
    const inText = (r: RankedPassage) => r.passage.aspects.includes(aspect) && !r.passage.absence;
    // Loans first, as the search ranks them: what a founder asking "how much" or "what rate" means by a product.
    const ids = [...new Set([...base.search.results.map((r) => r.id), ...[...snapshot.items.values()].filter(comparable).map((i) => i.id)])]
        .slice(0, MAX_LOOKED)
        .sort((a, b) => Number(snapshot.items.get(b)?.kind === 'product') - Number(snapshot.items.get(a)?.kind === 'product'));
    const offered = (holds: (r: RankedPassage) => boolean, among: readonly string[] = ids): ItemRef[] => {
        const out: ItemRef[] = [];
        for (const id of among) {
            const item = snapshot.items.get(id);
            if (item && comparable(item) && index.passages(id).some(holds)) out.push(refOf(item));
            if (out.length >= MAX_CANDIDATES) break;
        }
        return out;
    };
    const fromList = offered(inField, listed);
    const ofList = fromList.length > 0 ? fromList : offered(inText, listed);
    const held = ofList.length > 0 ? ofList : offered(inField);
    const candidates = held.length > 0 ? held : offered(inText);
    const text = clarifySentence(
        aspect,
        candidates.map((c) => c.title[lang]),
        lang,
    );
    return {
        ...base,
        aspect,
        status: 'unknown',
        confident: false,
        text,
        facts: [],
        related: [],
        contacts: [],
        suggestions: candidates,
        clarify: { aspect },
    };
}
