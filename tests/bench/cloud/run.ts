import { runBareProcess } from './bare-process';
import { runCloudProcess } from './cloud-process';
import { runLoadProcess } from './load-process';
import { runCloudBench } from './orchestrate';

/**
 * Entry of out/main/cloud-bench.js (built with RATEBACK_BENCH=1; `npm run bench` runs it after
 * the counter's benchmark, `npm run bench:cloud` alone). Without `--role` it is the benchmark;
 * with `--role cloud-server | bare-server | load` it is one of the processes the benchmark
 * starts (the same file, so they always run the same build).
 */
const at = process.argv.indexOf('--role');
const role = at === -1 ? null : process.argv[at + 1];

const fail = (error: unknown) => {
  process.stderr.write(`[cloud-bench${role ? ` ${role}` : ''}] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
};

if (role === 'cloud-server') runCloudProcess().catch(fail);
else if (role === 'bare-server') runBareProcess().catch(fail);
else if (role === 'load') runLoadProcess();
else if (role === null) runCloudBench(process.argv.slice(2)).then((code) => process.exit(code), fail);
else fail(new Error(`unknown --role ${role}`));
