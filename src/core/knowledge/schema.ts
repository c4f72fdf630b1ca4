/**
 * Front-matter schemas, one per folder of `knowledge/`. Staff read these
 * through `knowledge/README.md`; keep the two in step.
 *
 * Facts carry their sources by key: every card lists its `sources` once,
 * and each fact names the keys it rests on, so the fronts can show the
 * source of every fact and the checker can catch a dangling key.
 */
import { z } from 'zod';
import { ASPECTS, COMPARISON, KINDS, NEEDS, OFFERING_KINDS, QUALIFICATIONS, SIZES, STAGES, type Aspect } from '../vocabulary.ts';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const idSchema = z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and single hyphens, e.g. "keji-lvyuedai"');

/** YAML reads an unquoted 2024-10-12 as a Date; accept both and keep the text. */
export const dateSchema = z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z
        .string()
        .regex(DATE_PATTERN, 'must be a date written YYYY-MM-DD')
        .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real calendar date'),
);

const text = z.string().trim().min(1, 'must not be empty');

export const localizedSchema = z.strictObject({ zh: text, en: text });

const sourceKeys = z.array(text).min(1, "must name at least one key from this card's `sources`");

/** A statement in both languages, with the keys of the sources it rests on. */
export const factSchema = z.strictObject({
    zh: text,
    en: text,
    sources: sourceKeys,
    /** Set where the research notes call the fact unconfirmed or old. */
    status: z.enum(['unconfirmed', 'outdated']).optional(),
});

export const sourceSchema = z
    .strictObject({
        key: text,
        title: text,
        url: z.url('must be a full web address starting with http:// or https://').optional(),
        ref: text.optional().describe('文号 or other reference of a document'),
        date: dateSchema.optional(),
        note: text.optional().describe('e.g. "mirror of an official text", "n.d."'),
    })
    .refine((s) => s.url !== undefined || s.ref !== undefined, {
        message: 'needs a `url` or a `ref` (文号) so that a reader can find it',
    });

const aliasesSchema = z
    .strictObject({
        zh: z.array(text).default([]),
        en: z.array(text).default([]),
    })
    .default({ zh: [], en: [] });

const baseFields = {
    id: idSchema,
    name: text,
    name_en: text,
    aliases: aliasesSchema,
    /**
     * Questions firms really ask that this card answers, in their own words
     * (from `kejin report`): strong evidence for the card in the search.
     */
    alternate_questions: z
        .array(text.pipe(z.string().max(200, 'must be one question of at most 200 characters')))
        .refine((qs) => new Set(qs).size === qs.length, 'lists a question twice; keep each once')
        .default([]),
    summary: localizedSchema,
    topics: z.array(text).default([]),
    related: z.array(idSchema).default([]),
    sources: z.array(sourceSchema).default([]),
    notes: z.array(factSchema).default([]),
    last_verified: dateSchema,
    valid_until: dateSchema.optional(),
};

const rangeSchema = z
    .strictObject({
        min: z.number().nonnegative().optional(),
        max: z.number().positive().optional(),
    })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
        message: '`min` must not be larger than `max`',
    });

/** Where a structured condition comes from: its own sources, and their standing. */
export const basisSchema = z.strictObject({
    sources: sourceKeys,
    /** Set where the research notes call the condition unconfirmed or old: it can then never rule a firm out. */
    status: z.enum(['unconfirmed', 'outdated']).optional(),
});

/** The structured conditions of an eligibility block; each needs its own `basis` entry. */
export const STRUCTURED_CONDITIONS = [
    'stages',
    'qualifications_any',
    'qualifications_all',
    'qualifications_preferred',
    'sizes',
    'revenue_wan',
    'requires_ip',
] as const;
export type StructuredCondition = (typeof STRUCTURED_CONDITIONS)[number];

export const eligibilitySchema = z
    .strictObject({
        /** Stages the product is for; omit when the source does not limit them. */
        stages: z.array(z.enum(STAGES.values)).optional(),
        /** The firm must hold at least one of these. */
        qualifications_any: z.array(z.enum(QUALIFICATIONS.values)).optional(),
        /** The firm must hold every one of these. */
        qualifications_all: z.array(z.enum(QUALIFICATIONS.values)).optional(),
        /** Favoured but not required. */
        qualifications_preferred: z.array(z.enum(QUALIFICATIONS.values)).optional(),
        sizes: z.array(z.enum(SIZES.values)).optional(),
        /** 年营业收入 in 万元. */
        revenue_wan: rangeSchema.optional(),
        requires_ip: z.boolean().optional(),
        /** Per structured condition above, the sources that state it and their standing. */
        basis: z
            .strictObject(
                Object.fromEntries(STRUCTURED_CONDITIONS.map((c) => [c, basisSchema.optional()])) as Record<
                    StructuredCondition,
                    z.ZodOptional<typeof basisSchema>
                >,
            )
            .default({}),
        /** Exclusions and other conditions that no profile field captures. */
        conditions: z.array(factSchema).default([]),
        /** The sources of the block as a whole (who the product is for). */
        sources: sourceKeys,
    })
    .superRefine((e, ctx) => {
        // A verdict needs a source: no structured condition without its own basis, no basis without its condition.
        for (const c of STRUCTURED_CONDITIONS) {
            const set = e[c] !== undefined && e[c] !== false && !(Array.isArray(e[c]) && e[c].length === 0);
            if (set && !e.basis[c]) {
                ctx.addIssue({
                    code: 'custom',
                    path: [c],
                    message: `has no \`basis.${c}\`: a condition that no source states must not rate any firm`,
                    params: {
                        hint:
                            `add \`basis: { ${c}: { sources: [KEY] } }\` naming the sources that state it (with \`status: ` +
                            `unconfirmed\` or \`outdated\` if they are), or remove \`${c}\``,
                    },
                });
            } else if (!set && e.basis[c]) {
                ctx.addIssue({
                    code: 'custom',
                    path: ['basis', c],
                    message: `is the basis of \`${c}\`, which this block does not set`,
                    params: { hint: `remove \`basis.${c}\`, or set \`${c}\`` },
                });
            }
        }
    });

export const termsSchema = z.strictObject({
    /** Loan amount in 万元. */
    amount_wan: rangeSchema.optional(),
    amount: factSchema.optional(),
    term_months: rangeSchema.optional(),
    term: factSchema.optional(),
    rate: factSchema.optional(),
    fees: factSchema.optional(),
    subsidy: factSchema.optional(),
    risk_sharing: factSchema.optional(),
    partner_banks: z.array(factSchema).default([]),
});

/** How a firm gets the support: `automatic` (免申即享), `apply` (the firm applies), `through-bank` (a bank applies it to the firm's loan). */
export const APPLICATION_MODES = ['automatic', 'apply', 'through-bank'] as const;
export type ApplicationMode = (typeof APPLICATION_MODES)[number];

/**
 * Whether a firm must act, and when: the mode, and the window as its source
 * gives it (`opens`, `closes`, or `rolling` for 常年受理). A window whose
 * `closes` has passed shows as closed on the day of the query, in every front.
 */
export const applicationSchema = z
    .strictObject({
        mode: z.enum(APPLICATION_MODES),
        opens: dateSchema.optional(),
        closes: dateSchema.optional(),
        /** Accepted all year (常年受理): no closing date. */
        rolling: z.boolean().optional(),
        /** The mode or window in words, as the source puts it. */
        zh: text.optional(),
        en: text.optional(),
        sources: sourceKeys,
        status: z.enum(['unconfirmed', 'outdated']).optional(),
    })
    .superRefine((a, ctx) => {
        if ((a.zh === undefined) !== (a.en === undefined)) {
            ctx.addIssue({
                code: 'custom',
                path: [a.zh === undefined ? 'zh' : 'en'],
                message: 'is missing: the words come in both languages',
                params: { hint: 'add both `zh:` and `en:`, or neither' },
            });
        }
        if (a.rolling && a.closes !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: ['rolling'],
                message: 'a rolling window has no closing date',
                params: { hint: 'remove `rolling: true` or `closes:`, whichever the source does not state' },
            });
        }
        if (a.opens !== undefined && a.closes !== undefined && a.opens > a.closes) {
            ctx.addIssue({
                code: 'custom',
                path: ['closes'],
                message: `${a.closes} is before \`opens\` ${a.opens}`,
                params: { hint: 'check the two dates against the source' },
            });
        }
    });

/** Where to start an application: a channel in words (一网通办, 信易贷, a bank's branch), and its address when it has one. */
export const applyChannelSchema = z.strictObject({
    zh: text,
    en: text,
    url: z.url('must be a full web address starting with http:// or https://').optional(),
    sources: sourceKeys,
    status: z.enum(['unconfirmed', 'outdated']).optional(),
});

/**
 * The support in numbers where a source gives them, so that a match can say
 * "up to …": a share of a cost (`percent`), a cap (`cap_wan`, 万元), a rate
 * cut (`rate_cut_points`, percentage points); the words say of what.
 */
export const benefitSchema = z.strictObject({
    zh: text,
    en: text,
    percent: z.number().positive().max(100).optional(),
    cap_wan: z.number().positive().optional(),
    rate_cut_points: z.number().positive().optional(),
    sources: sourceKeys,
    status: z.enum(['unconfirmed', 'outdated']).optional(),
});

/** The optional fields that say what a firm does next; each states its own sources. */
const actionFields = {
    application: applicationSchema.optional(),
    /** What to prepare, one statement each. */
    documents: z.array(factSchema).default([]),
    apply_channel: applyChannelSchema.optional(),
    benefit: benefitSchema.optional(),
};

export const productSchema = z.strictObject({
    ...baseFields,
    kind: z.enum(OFFERING_KINDS),
    needs: z.array(z.enum(NEEDS.values)).default([]),
    eligibility: eligibilitySchema.optional(),
    terms: termsSchema.optional(),
    how_to_apply: z.array(factSchema).default([]),
    ...actionFields,
    facts: z.array(factSchema).default([]),
    contacts: z.array(idSchema).default([]),
});

export const policySchema = z.strictObject({
    ...baseFields,
    kind: z.enum(['policy', 'document']),
    doc_number: text.optional().describe('文号, e.g. 沪科提复〔2024〕85号'),
    issuer: text.optional(),
    date: dateSchema.optional(),
    ...actionFields,
    facts: z.array(factSchema).default([]),
    contacts: z.array(idSchema).default([]),
});

/** A contact detail, always with its source: no number without one. */
const sourcedValue = z.strictObject({
    value: text,
    label: localizedSchema.optional(),
    sources: sourceKeys,
});

export const organizationSchema = z.strictObject({
    ...baseFields,
    kind: z.literal('organization'),
    role: localizedSchema,
    phones: z.array(sourcedValue).default([]),
    address: sourcedValue.optional(),
    postcode: sourcedValue.optional(),
    website: sourcedValue.optional(),
    hours: sourcedValue.optional(),
    facts: z.array(factSchema).default([]),
});

export const FOLDER_SCHEMAS = {
    products: productSchema,
    policies: policySchema,
    organizations: organizationSchema,
} as const;

/** `knowledge/synonyms.yaml`: groups of words a query may use for one another. */
export const synonymsSchema = z.strictObject({
    groups: z.array(z.array(text).min(2, 'a synonym group needs at least two words')),
});

const wordList = z.array(text).default([]);
const aspectWords = z.strictObject({ zh: wordList, en: wordList });

/**
 * `knowledge/aspects.yaml`: per aspect, the words by which a question asks
 * for it; `comparison` holds the words that ask to compare two items.
 */
export const aspectsSchema = z.strictObject({
    aspects: z.strictObject({
        ...Object.fromEntries(ASPECTS.values.map((a) => [a, aspectWords.optional()])),
        [COMPARISON]: aspectWords.optional(),
    } as Record<Aspect | typeof COMPARISON, z.ZodOptional<typeof aspectWords>>),
});

export type AspectWords = z.infer<typeof aspectWords>;
export type AspectTable = Partial<Record<Aspect | typeof COMPARISON, AspectWords>>;

export type Fact = z.infer<typeof factSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Eligibility = z.infer<typeof eligibilitySchema>;
export type Basis = z.infer<typeof basisSchema>;
export type Terms = z.infer<typeof termsSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type ApplyChannel = z.infer<typeof applyChannelSchema>;
export type Benefit = z.infer<typeof benefitSchema>;
export type Product = z.infer<typeof productSchema>;
export type Policy = z.infer<typeof policySchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type SourcedValue = z.infer<typeof sourcedValue>;

/** A validated card with where it came from and its Markdown body. */
export type KnowledgeItem = (Product | Policy | Organization) & {
    readonly file: string;
    readonly body: string;
};

/**
 * Whether `valid_until` has passed on `now`'s (UTC) date: the card was valid
 * through that day. The one expiry rule, asked on the day of each query (a
 * match, a card shown, a search hit), never at load: a service that runs for
 * weeks sees a card expire on its day without a reload.
 */
export function isExpired(item: { readonly valid_until?: string | undefined }, now: Date): boolean {
    return item.valid_until !== undefined && item.valid_until < now.toISOString().slice(0, 10);
}
export type ProductItem = KnowledgeItem & Product;
export type PolicyItem = KnowledgeItem & Policy;
export type OrganizationItem = KnowledgeItem & Organization;

/** Whether a card is an offering (OFFERING_KINDS): a product, platform or programme. */
export function isOffering(item: KnowledgeItem): item is ProductItem {
    return (OFFERING_KINDS as readonly string[]).includes(item.kind);
}

export const KIND_VALUES = KINDS.values;
