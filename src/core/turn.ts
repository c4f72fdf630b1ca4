/**
 * Gives the event loop a whole turn: timers, pending requests (the poll
 * phase) and other immediates run before the caller goes on. One
 * `setImmediate` is not enough when the caller was resumed by I/O: its
 * callback then runs in the same loop iteration, right after the poll phase,
 * and the requests that arrive meanwhile still wait; a second one is queued
 * from the check phase, so it runs only in the next iteration.
 */
export function nextTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
