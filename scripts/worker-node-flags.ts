/**
 * The flags the worker process runs with (`npm start` through scripts/supervisor.ts, `npm run worker`, the
 * fault tests, and the benches that measure the worker: bench:mail, bench:workers, bench:package's measured process).
 *
 * `--max-semi-space-size=4` (MB): V8 sizes its young generation from the machine's memory, and Node 24 on
 * this kind of machine lets it grow to tens of MB. Loading the app alone makes about 80 MB of short-lived
 * garbage (Node deserialises drizzle-orm's 180 KB package.json `exports` map once per module it loads), so
 * the worker's RSS peaked at 250–350 MB before it had done anything, and never came back down. With a 4 MB
 * semi-space the same start peaks at about 150 MB, and packaging 200,000 rows at about 165 MB instead of
 * 270 MB, no slower (bench/README.md, "Worker memory").
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=4'];
