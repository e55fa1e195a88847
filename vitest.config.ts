import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/helpers/tmux-server.ts'],
		// The end-to-end tests drive the built bundle in tmux; they need more than the default 5 s.
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
