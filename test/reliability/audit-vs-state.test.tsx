// The state is the truth: when the audit log cannot be written after a change was saved, the change
// is reported saved (TUI and command line) with why the audit entry is missing, and the entry is
// written, once, the next time the app starts there.
import {spawnSync} from 'node:child_process';
import {mkdirSync, rmdirSync} from 'node:fs';
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
const audited = (dir: string) => openStateFile(dir).audit().entries.filter(e => e.userPrincipalName === alex.userPrincipalName && e.outcome === 'removed');

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('the audit log cannot be written after the change was saved', () => {
	it('the TUI reports it saved, and says why the audit entry is missing', async () => {
		const {store, stateDir} = await demoStore();
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 1 user?');
		const {fired} = await withFault({call: 'openSync', nth: 1, code: 'EROFS', only: /audit\.jsonl$/}, async () => {
			await app.press('y');
			return app.waitFor('Saved, but not written to the audit log: the file system is read-only (EROFS)');
		});
		expect(fired).toBe(true);
		counts.faults++;
		expect(app.frame()).not.toContain('Not saved');
		if (!removedFromState(stateDir)) counts.changesLost++;
		expect(audited(stateDir)).toHaveLength(0);

		// The next start writes the entry it owed, once.
		await demoStore(stateDir);
		await demoStore(stateDir);
		expect(audited(stateDir)).toHaveLength(1);
	});

	it('unassign reports it removed (exit 0) and says so on stderr; the next command writes the entry', () => {
		requireBundle();
		const dir = tempStateDir();
		// A folder where the audit log belongs: the system refuses to append to it, even for root.
		mkdirSync(join(dir, 'audit.jsonl'));
		const result = spawnSync(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users', alex.userPrincipalName, '--yes', '--json', '--state-dir', dir], {encoding: 'utf8'});
		counts.faults++;
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout).summary.removed).toBe(1);
		expect(result.stderr).toBe(
			`m365-licenses: Saved, but not written to the audit log: it is a folder, not a file (EISDIR) (${join(dir, 'audit.jsonl')}); it is written the next time m365-licenses starts here.\n`,
		);
		if (!removedFromState(dir)) counts.changesLost++;

		rmdirSync(join(dir, 'audit.jsonl'));
		const audit = spawnSync(process.execPath, [bundle, 'audit', '--json', '--state-dir', dir], {encoding: 'utf8'});
		expect(audit.status).toBe(0);
		expect(JSON.parse(audit.stdout).entries.map((e: {userPrincipalName: string; outcome: string}) => [e.userPrincipalName, e.outcome])).toEqual([
			[alex.userPrincipalName, 'removed'],
		]);
		expect(audited(dir)).toHaveLength(1);
	});
});
