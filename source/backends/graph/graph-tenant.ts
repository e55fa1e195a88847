// A live tenant through Microsoft Graph v1.0: the same TenantBackend as the demo, so the TUI and the
// subcommands cannot tell them apart. Reads page through every user; writes go through $batch.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import type {DirectoryRole, Group, Organization, SubscribedSku, CompanySubscription, Tenant, User} from '../../domain/model.js';
import {skipOutcomes, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import type {TenantBackend} from '../backend.js';
import {GraphHttp, type Progress, type SubRequest, type SubResponse} from './http.js';

const userFields = 'id,displayName,userPrincipalName,accountEnabled,usageLocation,assignedLicenses,licenseAssignmentStates';

export interface GraphTenantOptions {
	/** Graph's base URL: the cloud's, or --graph-endpoint. */
	base: string;
	token: () => Promise<string>;
	/** What doctor shows. */
	source: string;
	/** Where the copy of the tenant from the last read is kept (directory data, not tokens; mode 0600). */
	cacheFile?: string;
	onLoadProgress?: (usersLoaded: number) => void;
	sleep?: (ms: number) => Promise<void>;
}

/** Graph's answer to one user's assignLicense, as an outcome for each product in the request. */
export function outcomesOf(item: LicensePlan['items'][number], response: SubResponse | undefined, stopped: Error | undefined): UserOutcome[] {
	const base = {userId: item.userId, userPrincipalName: item.userPrincipalName};
	const requested = [...item.add.map(skuId => ({skuId, requested: 'add' as const})), ...item.remove.map(skuId => ({skuId, requested: 'remove' as const}))];
	return requested.map(({skuId, requested: kind}): UserOutcome => {
		if (!response) {
			const message = `Not sent: ${stopped?.message ?? 'the run stopped'} Nothing was changed for this user.`;
			return {...base, skuId, requested: kind, outcome: 'failed', reason: 'error', message};
		}
		if (response.status >= 200 && response.status < 300) {
			return {...base, skuId, requested: kind, outcome: kind === 'add' ? 'assigned' : 'removed', reason: null, message: null};
		}
		const message = response.body?.error?.message ?? `Graph answered ${response.status}.`;
		if (/inherited from a group/i.test(message)) return {...base, skuId, requested: kind, outcome: 'skipped', reason: 'group-assigned', message};
		if (/does not have a corresponding license/i.test(message)) return {...base, skuId, requested: kind, outcome: 'skipped', reason: 'not-assigned', message};
		return {...base, skuId, requested: kind, outcome: 'failed', reason: 'error', message};
	});
}

export class GraphTenant implements TenantBackend {
	readonly kind = 'graph';
	readonly source: string;
	readonly http: GraphHttp;

	constructor(private readonly options: GraphTenantOptions) {
		this.source = options.source;
		this.http = new GraphHttp({base: options.base, token: options.token, sleep: options.sleep});
	}

	async load(): Promise<Tenant> {
		const [organizations, subscribedSkus, subscriptions, me, roles] = await Promise.all([
			this.http.getAll<Organization>('/organization'),
			this.http.getAll<SubscribedSku>('/subscribedSkus'),
			this.http.getAll<CompanySubscription>('/directory/subscriptions'),
			this.http.request<User>('GET', `/me?$select=${userFields}`),
			this.http.getAll<Omit<DirectoryRole, 'members'>>('/me/transitiveMemberOf/microsoft.graph.directoryRole'),
		]);
		const users = (await this.http.getAll<User>(`/users?$select=${userFields}&$top=999`, this.options.onLoadProgress)).map(normalise);
		const organization = organizations[0];
		if (!organization) throw new Error('Graph returned no organization for this sign-in.');
		const tenant: Tenant = {
			organization,
			subscribedSkus,
			subscriptions,
			users,
			groups: await this.groupNames(users),
			// Only the signed-in admin's roles are read: enough to say what they may do.
			directoryRoles: roles.map(role => ({...role, members: [me.id]})),
			signedInUser: me.userPrincipalName,
		};
		if (this.options.cacheFile) writeFileSync(this.options.cacheFile, JSON.stringify({base: this.options.base, tenant}), {mode: 0o600});
		return tenant;
	}

	cached(): Tenant | null {
		const file = this.options.cacheFile;
		if (!file || !existsSync(file)) return null;
		try {
			const copy = JSON.parse(readFileSync(file, 'utf8')) as {base: string; tenant: Tenant};
			// A copy from another Graph (another cloud, a test server) is not this tenant.
			return copy.base === this.options.base ? copy.tenant : null;
		} catch {
			return null;
		}
	}

	/** The groups that license users, by name, so a skipped user can be told which group. */
	private async groupNames(users: readonly User[]): Promise<Group[]> {
		const ids = [...new Set(users.flatMap(u => u.licenseAssignmentStates.flatMap(s => (s.assignedByGroup ? [s.assignedByGroup] : []))))];
		const {responses} = await this.http.batch(ids.map((id, i) => ({id: String(i), method: 'GET', url: `/groups/${id}?$select=id,displayName`})));
		return ids.map((id, i) => {
			const body = responses.get(String(i))?.body as {displayName?: string} | undefined;
			return {id, displayName: body?.displayName ?? id};
		});
	}

	async apply(_tenant: Tenant, plan: LicensePlan, onProgress?: (progress: Progress) => void): Promise<UserOutcome[]> {
		const items = plan.items.filter(item => item.add.length + item.remove.length > 0);
		const requests: SubRequest[] = items.map((item, i) => ({
			id: String(i),
			method: 'POST',
			url: `/users/${item.userId}/assignLicense`,
			// addLicenses is required even when empty.
			body: {addLicenses: item.add.map(skuId => ({skuId, disabledPlans: []})), removeLicenses: item.remove},
		}));
		const {responses, error} = await this.http.batch(requests, onProgress);
		return [...items.flatMap((item, i) => outcomesOf(item, responses.get(String(i)), error)), ...skipOutcomes(plan)];
	}

	/** The users as Graph holds them now, after a change: the store shows what Graph has, not what was hoped. */
	async refreshUsers(userIds: readonly string[]): Promise<User[]> {
		const {responses} = await this.http.batch(userIds.map((id, i) => ({id: String(i), method: 'GET', url: `/users/${id}?$select=${userFields}`})));
		return userIds.flatMap((_, i) => {
			const response = responses.get(String(i));
			return response && response.status === 200 ? [normalise(response.body as unknown as User)] : [];
		});
	}

	async deleteUser(): Promise<void> {
		throw new Error('Deleting users is not available against a live tenant yet: use the Microsoft 365 admin center.');
	}

	async restoreUser(): Promise<void> {
		throw new Error('Restoring users is not available against a live tenant yet: use the Microsoft 365 admin center.');
	}
}

function normalise(user: User): User {
	return {...user, assignedLicenses: user.assignedLicenses ?? [], licenseAssignmentStates: user.licenseAssignmentStates ?? []};
}
