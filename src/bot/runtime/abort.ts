/**
 * grammY types its AbortSignal parameters with the `abort-controller` shim;
 * Node's own AbortSignal is what it gets at run time and works the same.
 */
import type { Api } from 'grammy';

export type ApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;

export function apiSignal(signal: AbortSignal): ApiSignal;
export function apiSignal(signal: AbortSignal | undefined): ApiSignal | undefined;
export function apiSignal(signal: AbortSignal | undefined): ApiSignal | undefined {
    return signal as unknown as ApiSignal | undefined;
}
