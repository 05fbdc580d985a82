import { readEnv } from './env';
import { startCloudServer } from './server';

/**
 * `npm run cloud`: the cloud on its own. Configuration comes from the environment
 * (see cloud/env.ts and README.md); with nothing set it keeps its data in ./.rateback-cloud.
 */
async function main(): Promise<void> {
  const env = readEnv();
  const cloud = await startCloudServer({ env });
  console.log(`Rateback cloud listening on ${cloud.url} (${cloud.services.database.kind}; mail: ${cloud.services.mailer.describe})`);
  const stop = () => {
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
