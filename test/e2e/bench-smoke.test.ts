// `npm run bench` in its quick form: every figure of the benchmark can still be taken (a smoke test;
// its numbers are not judged, and no timing is asserted).
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {requireBundle} from '../helpers/tmux.js';

const bench = fileURLToPath(new URL('../../source/tools/bench.mjs', import.meta.url));

describe('npm run bench -- --quick', () => {
	it('takes every figure, in every section, as JSON', () => {
		requireBundle();
		const out = execFileSync(process.execPath, [bench, '--quick', '--json', '--no-save'], {encoding: 'utf8', maxBuffer: 1 << 24, timeout: 170_000, stdio: ['ignore', 'pipe', 'pipe']});
		const result = JSON.parse(out) as {quick: boolean; figures: Array<{section: string; name: string; value: number; met?: boolean}>};
		expect(result.quick).toBe(true);
		const sections = new Set(result.figures.map(f => f.section));
		for (const section of ['startup', 'scale', 'keys', 'state', 'graph', 'reclaim']) expect(sections, section).toContain(section);
		for (const f of result.figures) {
			expect(Number.isFinite(f.value), f.name).toBe(true);
			// A quick run judges nothing.
			expect(f.met, f.name).toBeUndefined();
		}
		const names = result.figures.map(f => f.name).join('\n');
		for (const expected of [/first frame, demo tenant/, /move \(j\): p95/, /filter typing: p95/, /confirmation, \d+ users: p95/, /save one change: p95/, /after 1,000 saved deletions/, /at 20 writes\/s/]) {
			expect(names).toMatch(expected);
		}
	}, 180_000);
});
