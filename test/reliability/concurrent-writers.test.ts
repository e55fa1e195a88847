// Many `unassign` runs at once on one state directory whose lock was left behind by a dead process
// (a numbered lock, the folder the build before used, a lock that is a folder where a file belongs
// and the reverse): one at a time takes the lock, the others are told who has it, readers keep
// reading, and every change reported removed is in the state (0 lost updates).
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStateFile} from '../../source/store/state-file.js';
import {demoTenant, sku, tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {tally} from './faults.js';

const counts = tally('concurrent writers');
const tenant = demoTenant();
const holders = tenant.users.filter(u => u.licenseAssignmentStates.some(s => s.skuId === sku.e3 && s.assignedByGroup === null));
const writers = 6;

function run(args: string[]): Promise<{status: number | null; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [bundle, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', status => resolve({status, stdout, stderr}));
	});
}

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;
const longAgo = new Date(Date.now() - 120_000);
const holderJson = () => JSON.stringify({pid: deadPid(), host: hostname(), command: 'unassign', since: '2026-11-25T10:00:00.000Z'});

const staleLocks: Record<string, (dir: string) => void> = {
	'a numbered lock whose holder died': dir => writeFileSync(join(dir, 'writer.lock.7'), holderJson()),
	'a lock that is a folder, untouched for two minutes': dir => {
		mkdirSync(join(dir, 'writer.lock.3'));
		utimesSync(join(dir, 'writer.lock.3'), longAgo, longAgo);
	},
	'a damaged lock file, untouched for two minutes': dir => {
		writeFileSync(join(dir, 'writer.lock.5'), 'not a holder');
		utimesSync(join(dir, 'writer.lock.5'), longAgo, longAgo);
	},
};

describe('concurrent writers on a stale lock', () => {
	it.each(Object.keys(staleLocks))('%s: every change reported removed is saved, and audited once', async kind => {
		requireBundle();
		const dir = tempStateDir();
		staleLocks[kind]!(dir);
		const chosen = holders.slice(0, writers);
		const results = await Promise.all([
			...chosen.map(user => run(['unassign', '--product', 'ENTERPRISEPACK', '--users', user.userPrincipalName, '--yes', '--json', '--state-dir', dir])),
			run(['licenses', '--json', '--state-dir', dir]),
			run(['audit', '--state-dir', dir]),
		]);
		const reported: string[] = [];
		for (const [i, result] of results.slice(0, writers).entries()) {
			counts.faults++;
			if (result.status === 0) {
				expect(JSON.parse(result.stdout).summary.removed).toBe(1);
				reported.push(chosen[i]!.id);
			} else {
				expect(result.status, result.stderr).toBe(1);
				expect(result.stderr).toMatch(/^m365-licenses: m365-licenses unassign \(pid \d+ on .+\) is changing the state directory .*; nothing was changed/);
			}
		}
		for (const reader of results.slice(writers)) expect(reader.status, reader.stderr).toBe(0);
		expect(reported.length).toBeGreaterThan(0);

		const state = openStateFile(dir);
		const folded = state.folded(tenant.organization.id);
		for (const userId of reported) if (folded.get(userId)?.remove?.[sku.e3] === undefined) counts.changesLost++;
		expect([...folded.keys()].sort()).toEqual([...reported].sort());
		const removed = state
			.audit()
			.entries.filter(e => e.outcome === 'removed')
			.map(e => e.userPrincipalName);
		expect(removed.sort()).toEqual(
			chosen
				.filter(u => reported.includes(u.id))
				.map(u => u.userPrincipalName)
				.sort(),
		);

		// The lock is free again, and the one left behind is gone.
		const after = await run(['doctor', '--json', '--state-dir', dir]);
		expect(JSON.parse(after.stdout).lock).toBeNull();
	});
});
