// The benchmark builds Responder with its real config, only moving Astro's cache to a fresh
// folder per size so every build is cold and no build touches the worktree's cache.
import config from '../astro.config.mjs';

export default { ...config, cacheDir: process.env.RESPONDER_BENCH_CACHE };
