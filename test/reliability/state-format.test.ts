// One format: state.json of format 1, as this build writes it. A file of any other version (an
// older development build's, or a newer release's) is refused by every command, naming the file and
// the format, and left byte for byte as it was.
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStateFile} from '../../source/store/state-file.js';
import {demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {tally} from './faults.js';

const counts = tally('state.json of another format');
const tenant = demoTenant();
const tenantId = tenant.organization.id;
const diego = userByName(tenant, 'Diego Siciliani')!;
const removedAt = '2026-11-20T10:00:00.000Z';
const commands = [
	['licenses'],
	['audit', '--json'],
	['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes'],
	['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--reset'],
];

describe('state.json of a version this build does not read', () => {
	it.each([
		[
			'an older development build (format 3)',
			{version: 3, through: 0, tenants: {[tenantId]: {users: [[diego.id, {remove: {[sku.businessPremium]: removedAt}}]]}}},
			'is of format 3, and this m365-licenses reads format 1 only: use the m365-licenses that wrote it',
		],
		[
			'an older development build (format 2)',
			{version: 2, through: 0, tenants: {[tenantId]: {users: {[diego.id]: {remove: {[sku.businessPremium]: removedAt}}}}}},
			'is of format 2, and this m365-licenses reads format 1 only: use the m365-licenses that wrote it',
		],
		[
			'a newer release (format 7)',
			{version: 7, through: 7, tenants: {}, more: 'x'.repeat(200)},
			'is of format 7, and this m365-licenses reads format 1 only: use the m365-licenses that wrote it',
		],
	])('%s: refused by reading, changing and --reset, and left byte for byte', (_case, data, said) => {
		requireBundle();
		const dir = tempStateDir();
		const path = join(dir, 'state.json');
		// Bytes no JSON writer would make the same way again: a rewrite would show.
		const bytes = Buffer.from(`${JSON.stringify(data, null, 3)}\r\n\n`);
		writeFileSync(path, bytes);
		for (const args of commands) {
			const result = spawnSync(process.execPath, [bundle, ...args, '--state-dir', dir], {encoding: 'utf8'});
			counts.faults++;
			expect(result.status, result.stderr).toBe(1);
			expect(result.stderr).toBe(
				`m365-licenses: State file ${path}: ${said}. It was left as it is; move it aside or pass --state-dir to use another directory.\n`,
			);
			expect(result.stdout).toBe('');
		}
		if (!readFileSync(path).equals(bytes)) counts.changesLost++;
		expect(readFileSync(path).equals(bytes)).toBe(true);
	});

	it('format 1 is read and written as format 1, with every saved change kept', () => {
		requireBundle();
		const dir = tempStateDir();
		const path = join(dir, 'state.json');
		writeFileSync(
			path,
			`${JSON.stringify({version: 1, through: 0, tenants: {[tenantId]: {users: [[diego.id, {remove: {[sku.businessPremium]: removedAt}}]]}}})}\n`,
		);
		const ben = userByName(tenant, 'Ben Walters')!;
		const run = spawnSync(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users', ben.userPrincipalName, '--yes', '--json', '--state-dir', dir], {
			encoding: 'utf8',
		});
		expect(run.status, run.stderr).toBe(0);
		openStateFile(dir).compact({force: true});
		const written = JSON.parse(readFileSync(path, 'utf8'));
		expect(written.version).toBe(1);
		expect(new Map(written.tenants[tenantId].users).get(diego.id)).toEqual({remove: {[sku.businessPremium]: removedAt}});
		expect(openStateFile(dir).folded(tenantId).get(ben.id)?.remove?.[sku.businessPremium]).toBeDefined();
	});
});
