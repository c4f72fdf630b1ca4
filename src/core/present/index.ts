/** Presentation decided once for every front: see types.ts. The words it is made of (core/words) come with it. */
export * from './types.ts';
export { aside, clauseJoin, colon, counted, LABELS, labelOf, listJoin, moreText, quoted, sentenceGap, type LabelKey } from '../words/labels.ts';
export { CHECK_MARK, conditionText, RATING_MARK, ratingLabel } from '../words/match.ts';
export { citedSources, displayName, kindLabel, sectionOf, shortName, statusNote } from './lines.ts';
export { reachOf, type Reach } from './reach.ts';
export { contactOf, organizationLines, presentCard, type ItemLookup, type PresentCardOptions } from './card.ts';
export { checkLine, contactSummaryLine, presentMatch } from './match.ts';
export { benefitText, nextStepBrief, nextStepLines, windowText } from './next-step.ts';
export { presentHit, type PresentHitOptions } from './hit.ts';
export { answerSources, presentAnswer, type AnswerSource } from './answer.ts';
export { monthsRange, wanRange, wanText } from '../words/units.ts';
