/**
 * Whom to ask about an item. Asked whom to call (`whomToCall`): the card's
 * own line naming a contact with a phone number, else where to apply, then
 * each of its organizations with its phones. Beside every answer: the
 * item's contacts and related items, and the references to items an answer
 * carries; for a question nothing answers, the general contacts.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { KnowledgeItem, OrganizationItem } from '../knowledge/schema.ts';
import type { KnowledgeIndex, QueryReading } from '../search/index.ts';
import type { Lang } from '../vocabulary.ts';
import { contactSentence, contactsSentence, itemSentence } from '../words/answer.ts';
import { sentenceGap } from '../words/labels.ts';
import { nameOf, passageText, toFact } from './facts.ts';
import type { Answer, AnswerFact, ContactRef, ItemRef } from './types.ts';

const MAX_RELATED = 3;
/** The general contacts: the organizations most products name, at most this many. */
const GENERAL_CONTACTS = 2;

/** A phone number as the cards write one: eight digits or more, an area code and a dash allowed (021-23116237, 23116237). */
const PHONE = /(?<!\d)(?:0\d{2,3}[-\s]?)?\d{8}(?!\d)|(?<!\d)400[-\s]?\d{3}[-\s]?\d{4}(?!\d)/;

/**
 * Whom to call about an item: where to apply (its best how-to-apply entry
 * for the question), then each of its organizations with its phones, each
 * fact citing its own card. Undefined when the item names no organization
 * and no way to apply: then the gap is said as for any aspect.
 */
export function whomToCall(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    item: KnowledgeItem,
    reading: QueryReading,
    contacts: readonly ContactRef[],
    lang: Lang,
): Pick<Answer, 'text' | 'facts'> | undefined {
    const facts: AnswerFact[] = [];
    // The card's own word on whom to call, with a phone number in it ("答复所列联系人为蓝晟……23116237"), comes first;
    // else where to apply.
    const stated = index
        .passages(item.id, reading)
        .find(
            (r) => r.passage.aspects.includes('contact') && r.passage.structured && !r.passage.absence && r.overlap > 0 && PHONE.test(passageText(r)),
        );
    const applying = index
        .passages(item.id, {
            ...reading,
            aspects: { ...reading.aspects, aspects: [{ aspect: 'how-to-apply', score: 1 }], primary: 'how-to-apply' },
        })
        .filter((r) => r.passage.aspects.includes('how-to-apply') && r.passage.structured);
    // Where to apply, though the card's entry also notes what its sources lack ("向参与的商业银行申请…；来源中未找到直接
    // 申请渠道"): the way to go is what whom-to-call asks, the gap comes with it.
    const channel = stated ?? applying.find((r) => !r.passage.absence) ?? applying.find((r) => r.passage.field.startsWith('how_to_apply.'));
    if (channel) facts.push(toFact(item, channel, lang));
    const own = index.passages(item.id).filter((r) => r.passage.field.startsWith('phones.') || r.passage.field === 'website');
    facts.push(...own.map((r) => toFact(item, r, lang)));
    const sentences: string[] = [];
    for (const c of contacts) {
        const org = snapshot.items.get(c.id);
        if (!org) continue;
        const details = index
            .passages(org.id)
            .filter(
                (r) =>
                    r.passage.field.startsWith('phones.') ||
                    (c.phones.length === 0 && (r.passage.field === 'website' || r.passage.field === 'address')),
            );
        const orgFacts = details.map((r) => toFact(org, r, lang));
        facts.push(...orgFacts);
        sentences.push(
            contactSentence(
                c.title[lang],
                orgFacts.map((f) => f.text),
                lang,
            ),
        );
    }
    if (facts.length === 0) return undefined;
    const lead = [channel ? toFact(item, channel, lang).text : '', ...own.map((r) => toFact(item, r, lang).text)].filter((t) => t.length > 0);
    // Where to apply first, then whom to call.
    const text = [itemSentence(nameOf(item, lang), lead, lang), ...(sentences.length > 0 ? [contactsSentence(sentences, lang)] : [])].join(
        sentenceGap(lang),
    );
    return { text, facts };
}

export function refOf(item: KnowledgeItem): ItemRef {
    return { id: item.id, kind: item.kind, title: { zh: item.name, en: item.name_en } };
}

function contactRef(o: OrganizationItem): ContactRef {
    return { ...refOf(o), phones: o.phones.map((p) => ({ value: p.value, ...(p.label ? { label: p.label } : {}), sources: p.sources })) };
}

/** Whom to ask about an item: its contacts; an organization is its own contact. */
export function contactsOf(snapshot: KnowledgeSnapshot, item: KnowledgeItem): ContactRef[] {
    if (item.kind === 'organization') return [contactRef(item)];
    const ids = 'contacts' in item ? item.contacts : [];
    return ids
        .map((id) => snapshot.items.get(id))
        .filter((o): o is OrganizationItem => o?.kind === 'organization')
        .map(contactRef);
}

/** Related offerings and policies worth following up, policies first (a loan's premium subsidy). */
export function relatedOf(snapshot: KnowledgeSnapshot, item: KnowledgeItem): ItemRef[] {
    const rank = (i: KnowledgeItem) => (i.kind === 'policy' ? 0 : 1);
    return item.related
        .map((id) => snapshot.items.get(id))
        .filter((i): i is KnowledgeItem => i !== undefined && i.kind !== 'organization' && i.kind !== 'document')
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, MAX_RELATED)
        .map(refOf);
}

const generalCache = new WeakMap<KnowledgeSnapshot, ContactRef[]>();

/** The organizations most offerings name as contacts: whom to ask when nothing answers. */
export function generalContacts(snapshot: KnowledgeSnapshot): ContactRef[] {
    let found = generalCache.get(snapshot);
    if (!found) {
        const counts = new Map<string, number>();
        for (const item of snapshot.items.values()) if ('contacts' in item) for (const id of item.contacts) counts.set(id, (counts.get(id) ?? 0) + 1);
        found = [...counts]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([id]) => snapshot.items.get(id))
            .filter((o): o is OrganizationItem => o?.kind === 'organization')
            .slice(0, GENERAL_CONTACTS)
            .map(contactRef);
        generalCache.set(snapshot, found);
    }
    return found;
}
