// State files of the wrong shape, or of a newer format, are refused naming the file and the JSON
// path, by every command (reading, changing, --reset), and kept byte for byte. Half lines left by a
// crash are skipped (the audit log says so) and never glued to the next entry.
import {spawnSync} from 'node:child_process';
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UserError} from '../../source/errors.js';
import {planUnassign} from '../../source/domain/plan.js';
import {openStateFile} from '../../source/store/state-file.js';
import {demoStore, demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {tally} from './faults.js';

const counts = tally('wrong-shape files');
const tenantId = demoTenant().organization.id;
const alex = userByName(demoTenant(), 'Alex Wilber').id;
const change = (extra: object = {}) => ({time: '2026-11-25T10:00:00.000Z', userId: alex, add: [], remove: [sku.businessPremium], ...extra});

/** [file, content, what the message must name] */
const bad: Array<[string, string, string]> = [
	['state.json', '[]', '(top level): must be object'],
	['state.json', 'null', '(top level): must be object'],
	['state.json', '{"tenants":"x"}', 'version: is missing'],
	['state.json', '{"version": 1, "through": 0, "tenants": "x"}', 'tenants: must be object'],
	['state.json', JSON.stringify({version: 9, through: 0, tenants: {}, future: {a: 1}}), 'is of format 9, and this m365-licenses reads format 1 only'],
	['state.json', JSON.stringify({version: 1, through: 0, tenants: {}, future: 1}), 'future: is not known to this version'],
	['state.json', JSON.stringify({version: 1, through: -1, tenants: {}}), 'through: must be >= 0'],
	['state.json', '{"version": 1, "through": 0, "tenants": {', 'is not valid JSON'],
	['state.json', JSON.stringify({version: 1, through: 0, tenants: {[tenantId]: {users: {}}}}), `tenants.${tenantId}.users: must be array`],
	[
		'state.json',
		JSON.stringify({version: 1, through: 0, tenants: {[tenantId]: {users: [['u1']]}}}),
		`tenants.${tenantId}.users[0]: must NOT have fewer than 2 items`,
	],
	['state.json', JSON.stringify({version: 1, through: 0, tenants: {[tenantId]: {users: [[5, {}]]}}}), `tenants.${tenantId}.users[0][0]: must be string`],
	[
		'state.json',
		JSON.stringify({version: 1, through: 0, tenants: {[tenantId]: {users: [['u1', {add: []}]]}}}),
		`tenants.${tenantId}.users[0][1].add: must be object`,
	],
	[
		'journal.jsonl',
		JSON.stringify({seq: 1, type: 'commit', id: 'x', tenantId: 't', time: 't', changes: [change({remove: 'abc'})], audit: []}) + '\n',
		'line 1: changes[0].remove: must be array',
	],
	[
		'journal.jsonl',
		JSON.stringify({seq: 1, type: 'commit', id: 'x', tenantId: 't', time: 't', changes: [change({add: [5]})], audit: []}) + '\n',
		'line 1: changes[0].add[0]: must be string',
	],
	['journal.jsonl', '{"seq":1,"type":"commit","id":"x","tenantId":"t","time":"t","changes":5,"audit":[]}\n', 'line 1: changes: must be array'],
	['journal.jsonl', '{"seq":1,"type":"rollback","id":"x"}\n', 'line 1: type: "rollback" is not known to this version'],
	['journal.jsonl', 'null\n', 'line 1: (top level): must be object'],
	['journal.jsonl', '{"seq":1,"type":"audited","id":"x"}\n', 'line 1: type: "audited" is not known to this version'],
	['journal.jsonl', '{"seq":1,"type":"commit","id":"x","tenantId":"t","time":"t","changes":[],"audit":[]}\nnot json\n', 'line 2: is not valid JSON'],
];

describe('a state file of the wrong shape', () => {
	it.each(bad)('%s %s is refused, naming the file and the JSON path, and kept as it was', async (file, content, named) => {
		const dir = tempStateDir();
		const path = join(dir, file);
		writeFileSync(path, content);
		counts.faults++;
		let refused: unknown;
		try {
			// A writer opening the directory, as the app or unassign does, settling and compacting.
			const {store, stateFile} = await demoStore(dir);
			await store.apply(planUnassign(store.getState().tenant, [alex], [sku.businessPremium]));
			stateFile.compact({force: true});
		} catch (error) {
			refused = error;
		}
		expect(refused).toBeInstanceOf(UserError);
		const message = (refused as Error).message;
		expect(message).not.toContain('\n');
		expect(message).toContain(path);
		expect(message).toContain(named);
		expect(message).toContain('It was left as it is');
		if (readFileSync(path, 'utf8') !== content) counts.changesLost++;
	});

	it('the command line says it in one line, exit 1, for reading, changing and --reset alike, and never rewrites the file', () => {
		requireBundle();
		const dir = tempStateDir();
		const path = join(dir, 'state.json');
		const newer = JSON.stringify({version: 4, through: 4, tenants: {[tenantId]: {users: {}, notes: 'from a newer build'}}});
		writeFileSync(path, newer);
		for (const args of [
			['licenses'],
			['audit', '--json'],
			['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes'],
			['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--reset'],
		]) {
			const result = spawnSync(process.execPath, [bundle, ...args, '--state-dir', dir], {encoding: 'utf8'});
			counts.faults++;
			expect(result.status).toBe(1);
			expect(result.stderr).toBe(
				`m365-licenses: State file ${path}: is of format 4, and this m365-licenses reads format 1 only: use the m365-licenses that wrote it. It was left as it is; move it aside or pass --state-dir to use another directory.\n`,
			);
			expect(result.stdout).toBe('');
		}
		// Never downgraded, never rewritten.
		if (readFileSync(path, 'utf8') !== newer) counts.changesLost++;
		expect(readFileSync(path, 'utf8')).toBe(newer);
	});
});

describe('a line cut off by a crash', () => {
	it('at the end of audit.jsonl is skipped and said so, then cut off by the next writer, whose entries start on a line of their own', async () => {
		const {store, stateFile, stateDir} = await demoStore();
		const tenant = store.getState().tenant;
		await store.apply(planUnassign(tenant, [alex], [sku.businessPremium]));
		// A writer's end moves the journal's audit entries into the log.
		expect(stateFile.compact()).toBeNull();
		const path = join(stateDir, 'audit.jsonl');
		appendFileSync(path, '{"time":"2026-11-25T10:00:00.000Z","actor":"megan.bo');
		counts.faults++;
		expect(stateFile.audit()).toMatchObject({
			entries: [{userPrincipalName: 'alex.wilber@contoso.com'}],
			problem: `Audit log ${path}: line 2 is not a whole entry (cut off while being written) and was skipped.`,
		});

		await store.apply(planUnassign(store.getState().tenant, [userByName(tenant, 'Diego Siciliani').id], [sku.businessPremium]));
		expect(
			openStateFile(stateDir)
				.audit()
				.entries.map(e => e.userPrincipalName),
		).toEqual(['alex.wilber@contoso.com', 'diego.siciliani@contoso.com']);
		expect(stateFile.compact()).toBeNull();
		const {entries, problem} = openStateFile(stateDir).audit();
		expect(entries.map(e => e.userPrincipalName)).toEqual(['alex.wilber@contoso.com', 'diego.siciliani@contoso.com']);
		expect(problem).toBeNull();
		expect(readFileSync(path, 'utf8').split('\n')[1]).toMatch(/^\{"time".*"diego\.siciliani@contoso\.com"/);
	});

	it('at the end of journal.jsonl is ignored by readers and cut off by the next writer, which loses nothing before it', async () => {
		const {store, stateDir} = await demoStore();
		const tenant = store.getState().tenant;
		await store.apply(planUnassign(tenant, [alex], [sku.businessPremium]));
		const path = join(stateDir, 'journal.jsonl');
		appendFileSync(path, '{"seq":4,"type":"begin","id":"half","ti');
		counts.faults++;
		expect([...openStateFile(stateDir).folded(tenantId).keys()]).toEqual([alex]);

		const next = await demoStore(stateDir);
		const diego = userByName(tenant, 'Diego Siciliani').id;
		await next.store.apply(planUnassign(next.store.getState().tenant, [diego], [sku.businessPremium]));
		const folded = openStateFile(stateDir).folded(tenantId);
		if (!folded.has(alex)) counts.changesLost++;
		expect([...folded.keys()].sort()).toEqual([alex, diego].sort());
		expect(readFileSync(path, 'utf8')).not.toContain('"half"');
	});
});
