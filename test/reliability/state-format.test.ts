// state.json written by the build before (format 2, users as the keys of one object) is read as it
// is, and the writer that opens it writes it again in format 3 (users as [id, entry] pairs), with
// every saved change kept.
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStateFile} from '../../source/store/state-file.js';
import {demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';

const tenant = demoTenant();
const tenantId = tenant.organization.id;
const diego = userByName(tenant, 'Diego Siciliani')!;
const ben = userByName(tenant, 'Ben Walters')!;
const removedAt = '2026-11-20T10:00:00.000Z';

describe('state.json of format 2', () => {
	it('is read, then written as format 3 by the next writer, with nothing lost', () => {
		requireBundle();
		const dir = tempStateDir();
		const path = join(dir, 'state.json');
		writeFileSync(path, JSON.stringify({version: 2, through: 0, tenants: {[tenantId]: {users: {[diego.id]: {remove: {[sku.businessPremium]: removedAt}}}}}}));
		expect(openStateFile(dir).folded(tenantId).get(diego.id)).toEqual({remove: {[sku.businessPremium]: removedAt}});

		const run = spawnSync(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users', ben.userPrincipalName, '--yes', '--json', '--state-dir', dir], {encoding: 'utf8'});
		expect(run.status, run.stderr).toBe(0);

		const written = JSON.parse(readFileSync(path, 'utf8'));
		expect(written.version).toBe(3);
		expect(written.tenants[tenantId].users).toEqual([[diego.id, {remove: {[sku.businessPremium]: removedAt}}]]);
		const folded = openStateFile(dir).folded(tenantId);
		expect([...folded.keys()].sort()).toEqual([diego.id, ben.id].sort());
		expect(folded.get(ben.id)?.remove?.[sku.businessPremium]).toBeDefined();
	});
});
