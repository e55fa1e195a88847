import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {validateTenant} from '../../source/backends/validate-tenant.js';
import {demoTenantPath} from '../../source/paths.js';
import type {Tenant} from '../../source/domain/model.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';

export const sku = {
	businessPremium: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
	e3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
	exchangePlan1: '4b9405b0-7788-4568-add1-99614e613b69',
	powerBiPro: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
	visio: 'c5928f49-12ba-48f7-ada3-0d743a3601d5',
} as const;

/** The demo's products, in the order every list shows them (by name). */
export const demoProductNames = [
	'Exchange Online (Plan 1)',
	'Exchange Online Archiving for Exchange Online',
	'Microsoft 365 Business Basic',
	'Microsoft 365 Business Premium',
	'Office 365 E3',
	'Power BI Pro',
	'Visio Plan 2',
];

/** A fresh copy of the demo tenant for each test: tests may change it. */
export function demoTenant(): Tenant {
	return validateTenant(JSON.parse(readFileSync(demoTenantPath, 'utf8')), demoTenantPath);
}

export function tempStateDir(): string {
	return mkdtempSync(join(tmpdir(), 'm365-licenses-test-'));
}

export async function demoStore(stateDir = tempStateDir(), actAs?: string) {
	const stateFile = openStateFile(stateDir);
	const store = await openStore({backend: new LocalTenant(demoTenantPath, 'demo'), stateFile, actAs});
	return {store, stateFile, stateDir};
}

/** A store over a changed copy of the demo, read as a snapshot file. */
export async function snapshotStore(change: (tenant: Tenant) => void) {
	const tenant = demoTenant();
	change(tenant);
	const file = join(tempStateDir(), 'tenant.json');
	writeFileSync(file, JSON.stringify(tenant));
	return openStore({backend: new LocalTenant(file, 'snapshot'), stateFile: openStateFile(tempStateDir())});
}

export function userByName(tenant: Tenant, displayName: string) {
	const user = tenant.users.find(u => u.displayName === displayName);
	if (!user) throw new Error(`no user ${displayName} in the demo tenant`);
	return user;
}
