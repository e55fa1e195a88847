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

/**
 * Every step of a run, in order; `:torn` ones die half-way through a write. `folds`: the journal is
 * past the size a writer folds at, so the writer folds it when it opens, before the change.
 */
const steps: Array<{step: string; committed: boolean; begun: boolean; folds?: boolean}> = [
	{step: 'after-lock', committed: false, begun: false},
	{step: 'audit', committed: false, begun: false, folds: true},
	{step: 'after-audit', committed: false, begun: false, folds: true},
	{step: 'state', committed: false, begun: false, folds: true},
	{step: 'state:before-rename', committed: false, begun: false, folds: true},
	{step: 'after-state', committed: false, begun: false, folds: true},
	{step: 'begin', committed: false, begun: false},
	{step: 'after-begin', committed: false, begun: true},
	{step: 'after-send', committed: false, begun: true},
	{step: 'commit', committed: false, begun: true},
	{step: 'after-commit', committed: true, begun: true},
	// The writer's end: the journal's audit entries moved into the audit log.
	{step: 'audit', committed: true, begun: true},
	{step: 'after-audit', committed: true, begun: true},
];

/** A journal saved by an earlier run: Diego's removal, with enough audit entries to be folded. */
function earlierJournal(dir: string): void {
	const time = '2026-11-20T10:00:00.000Z';
	const entry = (i: number) => ({
		time,
		actor: 'megan.bowen@contoso.com',
		tenantId,
		action: 'unassign',
		userPrincipalName: `earlier-${i}@contoso.com`,
		skuId: sku.businessPremium,
		skuPartNumber: 'SPB',
		outcome: 'skipped',
		reason: 'not-assigned',
	});
	const records = [
		{seq: 1, type: 'commit', id: 'earlier', tenantId, time, changes: [{time, userId: diego!.id, add: [], remove: [sku.businessPremium]}], audit: [entry(0)]},
		// Past the size a writer folds at (256 KiB).
		{seq: 2, type: 'commit', id: 'earlier-padding', tenantId, time, changes: [], audit: Array.from({length: 1200}, (_, i) => entry(i + 1))},
	];
	writeFileSync(join(dir, 'journal.jsonl'), records.map(record => `${JSON.stringify(record)}\n`).join(''));
}

const unassign = (dir: string, upn: string, env: Record<string, string> = {}) =>
	spawnSync(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users', upn, '--yes', '--json', '--state-dir', dir], {
		encoding: 'utf8',
		env: {...process.env, ...env},
	});

describe('killed at every step of a change', () => {
	it.each(steps.map(step => ({folds: false, ...step})))(
		'at $step (folding first: $folds): the next run settles it and nothing saved is lost',
		({step, committed, begun, folds}) => {
			requireBundle();
			const dir = tempStateDir();
			// Saved by an earlier run: Diego's removal, to be kept through everything.
			earlierJournal(dir);
			if (!folds) openStateFile(dir).compact({force: true});

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
			for (const [userId, kept] of [
				[diego!.id, true],
				[ben!.id, true],
				[alex!.id, committed],
			] as const) {
				if (kept && !gone(userId)) counts.changesLost++;
				expect(gone(userId), `${userId} after ${step}`).toBe(kept);
			}
			// Nothing half-written is left lying about.
			expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
			expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).version).toBe(1);

			const {entries, problem} = state.audit();
			expect(new Set(entries.map(e => JSON.stringify(e))).size).toBe(entries.length);
			const of = (upn: string) => entries.filter(e => e.userPrincipalName === upn).map(e => [e.outcome, e.reason]);
			expect(of(ben!.userPrincipalName)).toEqual([['removed', null]]);
			expect(of(alex!.userPrincipalName)).toEqual(committed ? [['removed', null]] : begun ? [['failed', 'interrupted']] : []);
			expect(entries.filter(e => e.userPrincipalName.startsWith('earlier-'))).toHaveLength(1201);
			// A half line a crash left in the audit log was cut off by the next writer, and written again in full.
			expect(problem).toBeNull();
		},
	);
});
