export const DEFAULT_WEB_PORT = 4780;

export interface WebHostArgs {
  port: number;
}

/**
 * `--port N` or `--port=N`; else the PORT environment variable; else 4780. Throws an Error
 * whose message is fit to print for anything it does not understand.
 */
export function parseWebHostArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): WebHostArgs {
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--port') {
      port = parsePort(argv[++i], '--port');
    } else if (arg.startsWith('--port=')) {
      port = parsePort(arg.slice('--port='.length), '--port');
    } else {
      throw new Error(`Unknown argument ${JSON.stringify(arg)}. Usage: web-host [--port N]`);
    }
  }
  const fromEnv = env['PORT'];
  return { port: port ?? (fromEnv ? parsePort(fromEnv, 'PORT') : DEFAULT_WEB_PORT) };
}

function parsePort(text: string | undefined, name: string): number {
  const port = text !== undefined && /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new Error(`${name} must be a port number from 0 to 65535, not ${JSON.stringify(text ?? '')}.`);
  return port;
}
