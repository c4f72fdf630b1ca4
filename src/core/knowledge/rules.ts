/**
 * Content rules on one validated card, beyond what a schema can say: the
 * kinds of fault the fact check of the shipped cards found. Each rule
 * returns problems at a front-matter path; the loader adds the line.
 */
import type { Product, Policy, Organization } from './schema.ts';

type Card = Product | Policy | Organization;

export interface RuleProblem {
    readonly path: readonly PropertyKey[];
    readonly message: string;
    readonly hint: string;
    /** Default `error`; a `warning` is listed by the checker and the card still loads. */
    readonly severity?: 'warning';
}

interface Statement {
    readonly zh: string;
    readonly status?: 'unconfirmed' | 'outdated' | undefined;
}

/** Figures worth tracing: "50%", "3.68%", "0.08", "5443.61亿", "2万亿" — not lone small integers. */
const FIGURE = /\d+\.\d+%?|\d+%|\d{2,}(?=万|亿|家|户)/g;
/** A summary flags what it states by its date or by saying it is unconfirmed or past. */
const FLAG = { zh: /20\d\d|未经确认|过时|已过/, en: /20\d\d|unconfirmed|outdated|past/i } as const;

/** Every fact-shaped statement of a card ({zh, en, sources}), wherever it sits. */
function statements(card: Card): Statement[] {
    const found: Statement[] = [];
    const walk = (v: unknown): void => {
        if (Array.isArray(v)) return v.forEach(walk);
        if (!v || typeof v !== 'object') return;
        const o = v as Record<string, unknown>;
        if (typeof o.zh === 'string' && Array.isArray(o.sources)) found.push({ zh: o.zh, status: o.status as Statement['status'] });
        Object.values(o).forEach(walk);
    };
    walk({ ...card, summary: undefined });
    return found;
}

/**
 * A summary that states a figure which the card gives only with a status
 * (unconfirmed, or outdated such as a past year's round) must carry that
 * status too, by a date or a word: the summary shows where the fact does not.
 */
export function summaryCarriesStatus(card: Card): RuleProblem[] {
    const facts = statements(card);
    const flagged = [...new Set(card.summary.zh.match(FIGURE) ?? [])].filter((figure) => {
        const stating = facts.filter((f) => f.zh.includes(figure));
        return stating.length > 0 && stating.every((f) => f.status !== undefined);
    });
    if (flagged.length === 0) return [];
    return (['zh', 'en'] as const).flatMap((lang) => {
        // The flag belongs next to the figure, in its clause: a launch year elsewhere does not date it.
        const clauses = card.summary[lang].split(lang === 'zh' ? /[；;。]/ : /;|\. /);
        const bare = flagged.filter((figure) => clauses.some((c) => c.includes(figure) && !FLAG[lang].test(near(c, figure, lang))));
        if (bare.length === 0) return [];
        return [
            {
                path: ['summary', lang],
                message: `states ${bare.join(', ')}, which the card's facts give only as unconfirmed or outdated, without saying so in that clause`,
                hint:
                    lang === 'zh'
                        ? 'say when it held (e.g. “2024—2025年度”“截至2024年一季度”) or write “未经确认”'
                        : 'say when it held (e.g. "the 2024–2025 round", "by Q1 2024") or write "unconfirmed"',
            },
        ];
    });
}

/** The text around the first mention of `figure` in `clause`: a flag must sit this close. */
function near(clause: string, figure: string, lang: 'zh' | 'en'): string {
    const at = clause.indexOf(figure);
    const [before, after] = lang === 'zh' ? [45, 15] : [90, 30];
    return clause.slice(Math.max(0, at - before), at + figure.length + after);
}

/** A phone number is printed only with what the source gives it for. */
export function phonesSayWhatFor(card: Card): RuleProblem[] {
    if (card.kind !== 'organization') return [];
    return card.phones.flatMap((p, i) =>
        p.label
            ? []
            : [
                  {
                      path: ['phones', i, 'value'],
                      message: `"${p.value}" has no \`label\``,
                      hint:
                          'add `label: { zh, en }` saying what the source gives this number for (e.g. “沪科提复〔2024〕85号所列联系人电话”); ' +
                          'a number is never a product hotline unless the source says so',
                  },
              ],
    );
}

/**
 * A phone number holds digits, spaces and - + ( ) , / 转 only: a letter
 * ("021-2311623O", an O for a 0) or a full-width digit (２３１１６２３７, typed
 * with a Chinese keyboard) would be shown to a firm as a number it cannot dial.
 */
export function phonesAreDialable(card: Card): RuleProblem[] {
    if (card.kind !== 'organization') return [];
    return card.phones.flatMap((p, i) => {
        const letters = p.value.match(/[A-Za-z]/g);
        const wide = p.value.match(/[０-９]/g);
        if (!letters && !wide) return [];
        const what = [letters && `the letter${letters.length > 1 ? 's' : ''} ${[...new Set(letters)].join(', ')}`, wide && 'full-width digits']
            .filter(Boolean)
            .join(' and ');
        return [
            {
                path: ['phones', i, 'value'],
                message: `"${p.value}" has ${what}`,
                hint:
                    wide && !letters
                        ? 'type the digits with an English keyboard (0–9)'
                        : 'copy the number again from the source: O is not 0, l is not 1',
                severity: 'warning' as const,
            },
        ];
    });
}

export const CARD_RULES = [summaryCarriesStatus, phonesSayWhatFor, phonesAreDialable] as const;
