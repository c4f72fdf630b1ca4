/** /profile: the saved firm profile, with buttons to edit it or match with it. */
import { Composer } from 'grammy';
import type { BotContext } from '../runtime/context.ts';
import { profileView } from '../views/format.ts';
import { onMenu, send, show } from '../views/reply.ts';

export const profileFeature = new Composer<BotContext>();

profileFeature.command('profile', (ctx) => send(ctx, profileView(ctx.t, ctx.lang, ctx.session.profile)));

profileFeature.use(onMenu('profile', (ctx) => show(ctx, profileView(ctx.t, ctx.lang, ctx.session.profile))));
