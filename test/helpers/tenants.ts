// Several tenants for the many-tenants tests: copies of the demo under other organizations, as files.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {demoTenantPath} from '../../source/paths.js';
import type {Tenant} from '../../source/domain/model.js';
import {tempStateDir} from './tenant.js';

export const northwind = {id: '1b0e7e5a-3c2d-4f6e-8a9b-0c1d2e3f4a5b', displayName: 'Northwind Traders'};
export const fabrikam = {id: '2c1f8f6b-4d3e-4a7f-9bac-1d2e3f4a5b6c', displayName: 'Fabrikam, Inc.'};
export const contosoId = 'c336a6d1-c834-49ef-bd1b-ec5519ad0f40';

/** The demo tenant as another organization (its users and licenses the demo's). */
export function demoAs(organization: {id: string; displayName: string}): Tenant {
	const tenant = JSON.parse(readFileSync(demoTenantPath, 'utf8')) as Tenant;
	return {...tenant, organization: {...tenant.organization, ...organization}};
}

/** That tenant written to a snapshot file of its own. */
export function snapshotOf(organization: {id: string; displayName: string}, dir = tempStateDir()): string {
	const file = join(dir, `${organization.displayName.replace(/\W+/g, '-')}.json`);
	writeFileSync(file, JSON.stringify(demoAs(organization)));
	return file;
}
