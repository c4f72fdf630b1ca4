/**
 * How a server started from the command line is told to stop: the first
 * SIGINT or SIGTERM. Shared by `kejin mcp --http` and `kejin web` / `serve`;
 * `kejin bot` listens itself, because it must also force an exit when a
 * shutdown hangs.
 */
export function stopSignal(): Promise<NodeJS.Signals> {
    return Promise.race([once('SIGINT'), once('SIGTERM')]);
}

function once(name: NodeJS.Signals): Promise<NodeJS.Signals> {
    return new Promise((resolve) => process.once(name, () => resolve(name)));
}
