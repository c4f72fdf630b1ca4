/** The features, in the order they see an update. */
import { Composer } from 'grammy';
import type { BotContext } from '../runtime/context.ts';
import { contactFeature } from './contact.ts';
import { fallbackFeature } from './fallback.ts';
import { feedbackFeature } from './feedback.ts';
import { forgetFeature } from './forget.ts';
import { inlineFeature } from './inline.ts';
import { itemFeature } from './item.ts';
import { languageFeature } from './language.ts';
import { matchFeature } from './match.ts';
import { productsFeature } from './products.ts';
import { profileFeature } from './profile.ts';
import { questionFeature } from './question.ts';
import { startFeature } from './start.ts';
import { subscribeFeature } from './subscribe.ts';

export const features = new Composer<BotContext>(
    startFeature,
    languageFeature,
    matchFeature,
    profileFeature,
    productsFeature,
    contactFeature,
    itemFeature,
    forgetFeature,
    inlineFeature,
    feedbackFeature,
    subscribeFeature,
    // Last: free text is a question only when nothing above took it.
    questionFeature,
    fallbackFeature,
);
