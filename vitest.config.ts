import {defineConfig} from 'vitest/config';

/** Tests that drive the built app in a terminal (tmux): one at a time, after the rest. */
const inTerminal = ['test/e2e/**/*.test.{ts,tsx}', 'test/reliability/graph-throttling.test.ts'];

export default defineConfig({
	test: {
		globalSetup: ['test/helpers/tmux-server.ts'],
		// The end-to-end tests drive the built bundle in tmux; they need more than the default 5 s.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// English unless a test asks for Danish, whatever the machine's locale (LANG=da_DK would choose Danish).
		env: {M365_LICENSES_LANG: 'en'},
		// The domain, UI and fault tests run two files at a time; the terminal tests follow, alone, as
		// they always passed: under a second file's load, a key typed in tmux has gone unanswered.
		projects: [
			{
				extends: true,
				test: {name: 'in-process', include: ['test/**/*.test.{ts,tsx}'], exclude: inTerminal, maxWorkers: 2, sequence: {groupOrder: 0}},
			},
			{extends: true, test: {name: 'terminal', include: inTerminal, fileParallelism: false, sequence: {groupOrder: 1}}},
		],
	},
});
