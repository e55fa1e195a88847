// The UI tests run Ink as the bundle ships it: every patch of source/tools/patches.mjs is made as the
// tests load the packages (vitest.config.ts), and each patched module says so as it loads.
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';
import {describe, expect, it} from 'vitest';
import {patches} from '../../source/tools/patches.mjs';

const loaded = () => (globalThis as Record<symbol, Set<string> | undefined>)[Symbol.for('m365-licenses.patched')] ?? new Set();

describe('Ink under test', () => {
	it('is the patched Ink of the bundle, with every patch made', () => {
		const {lastFrame, unmount} = render(<Text bold>{wrapAnsi(cliTruncate('Microsoft 365 Business Premium ✓', 20), 12)}</Text>);
		expect(lastFrame()).toBe('Microsoft\n365 Busin…');
		unmount();
		expect([...loaded()].sort()).toEqual(patches.map(patch => patch.name).sort());
	});
});
