import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/helpers/tmux-server.ts'],
		// The end-to-end tests drive the built bundle in tmux; they need more than the default 5 s.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Two files at a time: most tests wait on tmux and child processes rather than compute.
		maxWorkers: 2,
		// English unless a test asks for Danish, whatever the machine's locale (LANG=da_DK would choose Danish).
		env: {M365_LICENSES_LANG: 'en'},
	},
});
