// Folding the journal into state.json is housekeeping: when the disk refuses it, the change that was
// saved stands, is said to be saved, and the command ends as the change did; folding is tried again
// next time. And the process never ends while its output is still on its way: piped --json is whole.
import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Tenant} from '../../source/domain/model.js';
import {exitAfterOutput} from '../../source/exit-after-output.js';
import {planUnassign} from '../../source/domain/plan.js';
import {demoTenantPath} from '../../source/paths.js';
import {openStateFile} from '../../source/store/state-file.js';
import {demoStore, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {tally, withFault} from './faults.js';

const counts = tally('folding the journal');

describe('folding fails', () => {
	it('in the app: the change stands, the reason is given back, and the next fold succeeds', async () => {
		const dir = tempStateDir();
		const {store, stateFile} = await demoStore(dir);
		const tenant = store.getState().tenant;
		const alex = userByName(tenant, 'Alex Wilber').id;
		await store.apply(planUnassign(tenant, [alex], [sku.businessPremium]));
		// The disk is full as state.json is written aside.
		const {fired, result} = await withFault({call: 'openSync', nth: 1, code: 'ENOSPC', only: /state\.json/}, async () => stateFile.compact({force: true}));
		counts.faults++;
		expect(fired).toBe(true);
		expect(result.status).toBe('fulfilled');
		const said = (result as PromiseFulfilledResult<string | null>).value;
		expect(said).toMatch(
			/^Everything is saved \(in journal\.jsonl\), but moving it into state\.json and the audit log failed; it is tried again next time\. Cannot write \/\S+\/state\.json: the disk is full \(ENOSPC\)\. Nothing saved was lost\.$/,
		);
		const next = openStateFile(dir);
		if (!next.folded(tenant.organization.id).get(alex)?.remove?.[sku.businessPremium]) counts.changesLost++;
		expect(next.compact({force: true})).toBeNull();
		expect(openStateFile(dir).folded(tenant.organization.id).get(alex)?.remove?.[sku.businessPremium]).toBeDefined();
	});

	it('on the command line, the disk full as the journal is folded at quit: exit 0, the whole --json on a pipe, and the reason on stderr', async () => {
		requireBundle();
		// 1,200 users, so that the --json of unassigning them is a few hundred KiB.
		const demo = JSON.parse(readFileSync(demoTenantPath, 'utf8')) as Tenant;
		const model = demo.users.find(user => user.displayName === 'Alex Wilber')!;
		const users = Array.from({length: 1200}, (_, i) => ({...model, id: randomUUID(), displayName: `User ${i}`, userPrincipalName: `user${i}@contoso.com`}));
		const tenant = {...demo, users: [...demo.users, ...users]};
		const work = tempStateDir();
		const snapshot = join(work, 'tenant.json');
		writeFileSync(snapshot, JSON.stringify(tenant));
		const list = join(work, 'users.txt');
		writeFileSync(list, users.map(user => user.userPrincipalName).join('\n'));

		// A state.json of 3 MB (others' changes, folded before), and a journal small enough not to be folded on opening.
		const dir = tempStateDir();
		const state = openStateFile(dir);
		const time = '2026-11-20T10:00:00.000Z';
		state.commit({
			id: 'old',
			tenantId: 'another-tenant',
			time,
			audit: [],
			changes: Array.from({length: 30_000}, () => ({time, userId: randomUUID(), add: [], remove: [sku.e3]})),
		});
		state.compact({force: true});

		// Files may grow to 2 MB (bash counts ulimit -f in KiB): the journal and the audit log fit, state.json does not.
		const child = spawn(
			'bash',
			[
				'-c',
				`ulimit -f 2048; exec "$0" "$@"`,
				process.execPath,
				bundle,
				'unassign',
				'--tenant',
				snapshot,
				'--product',
				'SPB',
				'--users-file',
				list,
				'--yes',
				'--json',
				'--state-dir',
				dir,
			],
			{stdio: ['ignore', 'pipe', 'pipe']},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		const status = await new Promise(resolve => child.on('close', resolve));
		counts.faults++;
		expect(stderr).toMatch(
			/^m365-licenses: Everything is saved \(in journal\.jsonl\), but moving it into state\.json and the audit log failed; it is tried again next time\. Cannot write \/\S+\/state\.json: .* \(EFBIG\)\. Nothing saved was lost\.\n$/,
		);
		expect(status).toBe(0);
		expect(stdout.length).toBeGreaterThan(256 * 1024);
		expect(JSON.parse(stdout).summary.removed).toBe(1200);

		// Saved: the next start has every change, and folds the journal then.
		const folded = openStateFile(dir).folded(demo.organization.id);
		const lost = users.filter(user => !folded.get(user.id)?.remove?.[sku.businessPremium]).length;
		counts.changesLost += lost;
		expect(lost).toBe(0);
	});
});

describe('the process ends', () => {
	it('only once stdout and stderr have handed on what was written to them', () => {
		const pending = new Map<string, () => void>();
		const stream = (name: string, held: number) => ({
			writableLength: held,
			writable: true,
			write: (_chunk: string, done: () => void) => (pending.set(name, done), true),
		});
		let exited: number | null = null;
		exitAfterOutput(3, [stream('stdout', 96 * 1024), stream('stderr', 0)], code => (exited = code));
		expect(exited).toBeNull();
		expect(process.exitCode).toBe(3);
		pending.get('stdout')!();
		expect(exited).toBe(3);
		process.exitCode = 0;
	});
});
