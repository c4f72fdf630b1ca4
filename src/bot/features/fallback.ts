/**
 * What no feature took: a button press with unknown, forged or outdated data
 * gets a short notice; an unknown command or a non-text message in a private
 * chat gets the help. Groups are left in peace.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../runtime/context.ts';
import { helpView } from '../views/format.ts';
import { answer, send } from '../views/reply.ts';

export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on('callback_query', (ctx) => answer(ctx, ctx.t.staleButton));

fallbackFeature.chatType('private').on('message', (ctx) => send(ctx, helpView(ctx.t)));
