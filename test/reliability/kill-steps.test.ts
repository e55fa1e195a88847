// The app killed (SIGKILL, as `kill -9` or a power cut) at every step of a change, through the built
// bundle: M365_LICENSES_TEST_CRASH_AT names the step (see source/fs/durable.ts, crashPoint). The
// next run takes the lock over at once, settles what was cut off, and loses nothing: a change is in
// the state exactly when its commit reached the disk, and every change is audited once.
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStateFile} from '../../source/store/state-file.js';
import {demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {tally} from './faults.js';

const counts = tally('kill at every step');
const tenant = demoTenant();
const tenantId = tenant.organization.id;
const [diego, alex, ben] = ['Diego Siciliani', 'Alex Wilber', 'Ben Walters'].map(name => userByName(tenant, name));

/** Every step of a run, in order; `:torn` ones die half-way through a write. */
const steps: Array<{step: string; committed: boolean; begun: boolean}> = [
	{step: 'after-lock', committed: false, begun: false},
	// The format 1 state.json is folded into the newest format when the writer opens it.
	{step: 'state', committed: false, begun: false},
	{step: 'state:before-rename', committed: false, begun: false},
	{step: 'after-state', committed: false, begun: false},
	{step: 'begin', committed: false, begun: false},
	{step: 'after-begin', committed: false, begun: true},
	{step: 'after-send', committed: false, begun: true},
	{step: 'commit', committed: false, begun: true},
	{step: 'after-commit', committed: true, begun: true},
	{step: 'audit', committed: true, begun: true},
	{step: 'after-audit', committed: true, begun: true},
	{step: 'audited', committed: true, begun: true},
];

const unassign = (dir: string, upn: string, env: Record<string, string> = {}) =>
	spawnSync(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users', upn, '--yes', '--json', '--state-dir', dir], {
		encoding: 'utf8',
		env: {...process.env, ...env},
	});

describe('killed at every step of a change', () => {
	it.each(steps)('at $step: the next run settles it and nothing saved is lost', ({step, committed, begun}) => {
		requireBundle();
		const dir = tempStateDir();
		// Saved by the build before: Diego's removal (format 1), to be kept through everything.
		const legacy = JSON.stringify({version: 1, tenants: {[tenantId]: {changes: [{time: '2026-11-20T10:00:00.000Z', userId: diego!.id, add: [], remove: [sku.businessPremium]}]}}});
		writeFileSync(join(dir, 'state.json'), legacy);

		const killed = unassign(dir, alex!.userPrincipalName, {M365_LICENSES_TEST_CRASH_AT: step});
		counts.faults++;
		expect(killed.signal, killed.stderr).toBe('SIGKILL');

		const next = unassign(dir, ben!.userPrincipalName);
		expect(next.status, next.stderr).toBe(0);
		expect(JSON.parse(next.stdout).summary.removed).toBe(1);
		if (begun && !committed) expect(next.stderr).toContain('was settled: 0 done, 1 not done');
		else expect(next.stderr).not.toContain('was settled');

		const state = openStateFile(dir);
		const folded = state.folded(tenantId);
		const gone = (userId: string) => folded.get(userId)?.remove?.[sku.businessPremium] !== undefined;
		for (const [userId, kept] of [[diego!.id, true], [ben!.id, true], [alex!.id, committed]] as const) {
			if (kept && !gone(userId)) counts.changesLost++;
			expect(gone(userId), `${userId} after ${step}`).toBe(kept);
		}
		// Nothing half-written is left lying about.
		expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
		// The format 1 file is kept as it was, beside the new one.
		expect(readFileSync(join(dir, 'state.v1.json'), 'utf8')).toBe(legacy);

		const {entries, problem} = state.audit();
		expect(new Set(entries.map(e => JSON.stringify(e))).size).toBe(entries.length);
		const of = (upn: string) => entries.filter(e => e.userPrincipalName === upn).map(e => [e.outcome, e.reason]);
		expect(of(ben!.userPrincipalName)).toEqual([['removed', null]]);
		expect(of(alex!.userPrincipalName)).toEqual(committed ? [['removed', null]] : begun ? [['failed', 'interrupted']] : []);
		// A half line a crash left in the audit log is skipped and said so; the entries it held were
		// written again in full.
		if (step === 'audit') expect(problem).toMatch(/is not a whole entry \(cut off while being written\) and was skipped/);
		else expect(problem).toBeNull();
	});
});
