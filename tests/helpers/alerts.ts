/**
 * The alert tests' world: a temp copy of the shipped knowledge with a
 * product card of the tests' own, and the edit that makes it fit PROFILE.
 */
import type { FirmProfile } from '../../src/core/match/profile.ts';
import { cardMarkdown, productCard } from './cards.ts';
import { copyFolder } from './knowledge.ts';
import { SHIPPED_KNOWLEDGE } from './paths.ts';

/** A growth-stage firm with no certification, seeking a credit loan, without IP. */
export const PROFILE: FirmProfile = { stage: 'growth', qualifications: [], needs: ['credit-loan'], hasIntellectualProperty: false };

export type Folder = Awaited<ReturnType<typeof copyFolder>>;

/**
 * A product card of the test's own in the temp copy of the shipped
 * knowledge, so that what fits PROFILE does not hang on the shipped cards'
 * wording: for a growth-stage firm it fits when `stages` holds growth.
 */
export function testCard(id: string, name: string, stages: string): string {
    return cardMarkdown(
        productCard({
            id,
            name,
            name_en: `${id} (alert test)`,
            summary: { zh: '提醒测试用的科技信贷产品。', en: 'A sci-tech loan made for the alert tests.' },
            needs: ['credit-loan'],
            eligibility: { stages: stages.split(', '), basis: { stages: { sources: ['s1'] } }, sources: ['s1'] },
            sources: [{ key: 's1', title: '提醒测试来源', url: 'https://example.org/alert-test' }],
            body: '提醒测试用的科技信贷产品。',
        }),
    );
}

/** The copy as live before the change: the test product is for mature firms only. */
export async function liveCopy(): Promise<Folder> {
    const folder = await copyFolder(SHIPPED_KNOWLEDGE);
    await folder.write('products/alert-test-changed.md', testCard('alert-test-changed', '提醒测试贷', 'mature'));
    return folder;
}

/** The change: the test product opens to growth-stage firms. */
export const changeCard = (folder: Folder) =>
    folder.write('products/alert-test-changed.md', testCard('alert-test-changed', '提醒测试贷', 'growth, mature'));

/** The change plus a new product for growth-stage firms: two alerts for PROFILE. */
export async function makeTwoProductsFit(folder: Folder): Promise<void> {
    await changeCard(folder);
    await folder.write('products/alert-test-added.md', testCard('alert-test-added', '提醒新产品贷', 'growth'));
}
