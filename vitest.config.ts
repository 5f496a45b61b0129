import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/unit/**/*.test.ts'],
		// Imports and builds are slow on a loaded two-core machine; so is removing what they wrote.
		testTimeout: 120_000,
		hookTimeout: 120_000,
	},
});
