// A snapshot checked once is not checked again while its bytes are the same; any change to it, a
// damaged record, or a record from other rules means it is checked again.
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {stampOf, ValidatedSnapshots} from '../../source/backends/validated-snapshots.js';
import {demoTenantPath} from '../../source/paths.js';
import {writeCache} from '../../source/fs/private-files.js';
import {tempStateDir} from '../helpers/tenant.js';

function setUp() {
	const dir = tempStateDir();
	const tenant = join(dir, 'tenant.json');
	writeFileSync(tenant, readFileSync(demoTenantPath, 'utf8'));
	const record = join(dir, 'validated-snapshots.json');
	return {tenant, record, load: () => new LocalTenant(tenant, 'snapshot', new ValidatedSnapshots(record)).load()};
}

/** The demo with a license pointing at no product: what the checks refuse. */
function broken(tenant: string): void {
	const data = JSON.parse(readFileSync(tenant, 'utf8'));
	data.users[0].assignedLicenses.push({skuId: '00000000-0000-4000-8000-000000000000', disabledPlans: []});
	writeFileSync(tenant, JSON.stringify(data));
}

describe('snapshots already checked', () => {
	it('remembers a snapshot that passed, by the hash of its content, in a 0600 file', async () => {
		const {tenant, record, load} = setUp();
		await load();
		const remembered = JSON.parse(readFileSync(record, 'utf8').split('\n')[1]!);
		expect(Object.keys(remembered)).toEqual([stampOf(tenant)!.hash]);
		expect(Object.values(remembered)).toEqual([expect.objectContaining({normalised: true})]);
		expect(statSync(record).mode & 0o777).toBe(0o600);
	});

	it('does not check a remembered file again', async () => {
		const {tenant, record, load} = setUp();
		broken(tenant);
		// As though this very file had passed: the record names it as it is now.
		new ValidatedSnapshots(record).remember(stampOf(tenant)!, true);
		const loaded = await load();
		expect(loaded.users[0]!.assignedLicenses.at(-1)!.skuId).toBe('00000000-0000-4000-8000-000000000000');
	});

	it('checks a file again once it changed, and refuses it', async () => {
		const {tenant, load} = setUp();
		await load();
		broken(tenant);
		await expect(load()).rejects.toThrow(/no such product in subscribedSkus/);
	});

	it('checks again when the record is damaged or from other rules', async () => {
		const {tenant, record, load} = setUp();
		broken(tenant);
		writeFileSync(record, '{"version":1,"snapshots":');
		await expect(load()).rejects.toThrow(/no such product/);
		writeCache(record, {version: 2}, () => JSON.stringify({[stampOf(tenant)!.hash]: {rules: '0.0.0:other', normalised: true}}));
		await expect(load()).rejects.toThrow(/no such product/);
	});
});
