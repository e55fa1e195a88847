// A change is saved with its audit entries, in one journal line: there is no state in which a change
// is saved and its audit entry is not. The audit log file (audit.jsonl) is filled from the journal
// by a writer's housekeeping; when it cannot be written, the change is still reported done, the
// audit command still lists it (from the journal), what failed is said, and the entry reaches the
// file, once, the next time a writer can write it.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openStateFile} from '../../source/store/state-file.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore, demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {tally, withFault} from './faults.js';

const counts = tally('audit log unwritable');
const tenant = demoTenant();
const alex = userByName(tenant, 'Alex Wilber');
const removedFromState = (dir: string) => openStateFile(dir).folded(tenant.organization.id).get(alex.id)?.remove?.[sku.businessPremium] !== undefined;
const audited = (dir: string) =>
	openStateFile(dir)
		.audit()
		.entries.filter(e => e.userPrincipalName === alex.userPrincipalName && e.outcome === 'removed');
const inFile = (dir: string) =>
	readFileSync(join(dir, 'audit.jsonl'), 'utf8')
		.split('\n')
		.filter(line => line.includes(alex.userPrincipalName) && line.includes('"removed"'));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('the audit log file cannot be written', () => {
	it('the TUI reports the change saved, and the audit log lists it once', async () => {
		const {store, stateDir, stateFile} = await demoStore();
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 1 user?');
		await app.press('y');
		await app.waitFor('unassigned from Alex Wilber');
		expect(app.frame()).not.toContain('Not saved');
		if (!removedFromState(stateDir)) counts.changesLost++;
		expect(audited(stateDir)).toHaveLength(1);

		// The writer's housekeeping cannot write the file: said, and nothing is lost.
		const {fired, result} = await withFault({call: 'openSync', nth: 1, code: 'EROFS', only: /audit\.jsonl$/}, async () => stateFile.compact());
		expect(fired).toBe(true);
		counts.faults++;
		expect((result as PromiseFulfilledResult<string | null>).value).toMatch(
			/^Everything is saved \(in journal\.jsonl\), but moving it into state\.json and the audit log failed; .*the file system is read-only \(EROFS\)/,
		);
		expect(audited(stateDir)).toHaveLength(1);
		// The next writer writes it, once.
		(await demoStore(stateDir)).stateFile.compact();
		(await demoStore(stateDir)).stateFile.compact();
		expect(inFile(stateDir)).toHaveLength(1);
		expect(audited(stateDir)).toHaveLength(1);
	});

	it('unassign reports it removed (exit 0) and says what failed on stderr; audit lists it; the next command writes the file', () => {
		requireBundle();
		const dir = tempStateDir();
		// A folder where the audit log belongs: the system refuses to append to it, even for root.
		mkdirSync(join(dir, 'audit.jsonl'));
		const result = spawnSync(
			process.execPath,
			[bundle, 'unassign', '--product', 'SPB', '--users', alex.userPrincipalName, '--yes', '--json', '--state-dir', dir],
			{encoding: 'utf8'},
		);
		counts.faults++;
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout).summary.removed).toBe(1);
		expect(result.stderr).toBe(
			`m365-licenses: Everything is saved (in journal.jsonl), but moving it into state.json and the audit log failed; it is tried again next time. Cannot read ${join(dir, 'audit.jsonl')}: it is a folder, not a file (EISDIR). Nothing saved was lost.\n`,
		);
		if (!removedFromState(dir)) counts.changesLost++;

		rmdirSync(join(dir, 'audit.jsonl'));
		const audit = spawnSync(process.execPath, [bundle, 'audit', '--json', '--state-dir', dir], {encoding: 'utf8'});
		expect(audit.status).toBe(0);
		expect(JSON.parse(audit.stdout).entries.map((e: {userPrincipalName: string; outcome: string}) => [e.userPrincipalName, e.outcome])).toEqual([
			[alex.userPrincipalName, 'removed'],
		]);
		const next = spawnSync(
			process.execPath,
			[bundle, 'unassign', '--product', 'SPB', '--users', alex.userPrincipalName, '--yes', '--json', '--state-dir', dir],
			{encoding: 'utf8'},
		);
		expect(next.stderr).toBe('');
		expect(inFile(dir)).toHaveLength(1);
		expect(audited(dir)).toHaveLength(1);
	});
});
