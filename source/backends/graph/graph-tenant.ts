// A live tenant through Microsoft Graph v1.0: the same TenantBackend as the demo, so the TUI and the
// subcommands cannot tell them apart. The TUI reads every user (paged); a change made from the command
// line reads only the users it names. Writes go through $batch, paced to what Graph accepts.
import {lookAt} from '../../fs/durable.js';
import {readCache, writeCache} from '../../fs/private-files.js';
import type {CompanySubscription, DirectoryRole, Group, Organization, SubscribedSku, Tenant, User} from '../../domain/model.js';
import {normaliseTenant, normaliseUser} from '../../domain/ids.js';
import {assignLicenseBody} from '../../domain/plan.js';
import {dependencyRefusal} from '../../domain/dependencies.js';
import {changeCount, plannedDisabled, skipOutcomes, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {strings} from '../../text/index.js';
import type {DeletedUser, TenantBackend} from '../backend.js';
import {actionScopes} from './clouds.js';
import type {SignedIn} from './auth.js';
import type {TokenSource} from './http.js';
import type {GroupOutcome} from '../../domain/groups.js';
import {ForbiddenError, GraphError, GraphHttp, type BatchResult, type SubRequest, type SubResponse} from './http.js';
import {type Progress} from '../../domain/progress.js';
import {maxWindow} from './pacing.js';
import {extended} from '../../domain/extended.js';

const userFields = 'id,displayName,userPrincipalName,accountEnabled,usageLocation,assignedLicenses,licenseAssignmentStates';
/** Read with every user, for Reclaim; signInActivity needs AuditLog.Read.All and Microsoft Entra ID P1 or P2. */
const activityFields = 'signInActivity,createdDateTime';

export interface GraphTenantOptions {
	/** Graph's base URL: the cloud's, or --graph-endpoint. */
	base: string;
	token: TokenSource;
	/** Who the tokens are for, once signed in: a copy of the tenant is kept for, and shown to, that sign-in alone. */
	signedIn?: () => SignedIn | null;
	/** What doctor shows. */
	source: string;
	/** Where the copy of the tenant from the last read is kept (directory data, not tokens; mode 0600). */
	cacheFile?: string;
	onLoadProgress?: (usersLoaded: number) => void;
	/** Read only these users (ids or UPNs) and the signed-in admin: a change from the command line. */
	users?: Iterable<string>;
	/** With `users`: the users of changes cut off in the tenant (by its id), read too so they can be settled. */
	settling?: (tenantId: string) => readonly string[];
	/** Each request's time limit (--request-timeout). */
	timeoutMs?: number;
	/** How long a change may take before the users not sent yet are left (--max-duration). */
	maxDuration?: {ms: number; given: string};
	/** Aborted: the app is leaving: reading ends (Cancelled). */
	cancel?: AbortSignal;
}

/** What became of one user's request. */
export type Answer =
	| {kind: 'answered'; response: SubResponse; message: string | null}
	/**
	 * Sent, but Graph's answer was lost; `now` is the user read back afterwards (null: not found;
	 * 'not-read': the run was stopped, so nothing more was asked of Graph).
	 */
	| {kind: 'unknown'; why: string; now: User | null | {error: string} | 'not-read'}
	| {kind: 'not-sent'; why: string};

const holdsDirectly = (user: User, skuId: string) => user.licenseAssignmentStates.some(s => s.skuId === skuId && s.assignedByGroup === null);

/** The user holds the product directly with exactly these apps turned off. */
function hasApps(user: User, skuId: string, disabled: readonly string[]): boolean {
	const state = user.licenseAssignmentStates.find(s => s.skuId === skuId && s.assignedByGroup === null);
	const now = (state?.disabledPlans ?? []).map(id => id.toLowerCase());
	return state !== undefined && now.length === disabled.length && disabled.every(id => now.includes(id.toLowerCase()));
}

/**
 * Graph's answer to one user's assignLicense, as an outcome for each product in the request. The
 * tenant names the products of a dependency Graph refuses (without it, the plans' names).
 */
export function outcomesOf(item: LicensePlan['items'][number], answer: Answer, tenant?: Tenant): UserOutcome[] {
	const requested = [
		...item.add.map(skuId => ({skuId, requested: 'add' as const})),
		...(item.update ?? []).map(skuId => ({skuId, requested: 'update' as const})),
		...item.remove.map(skuId => ({skuId, requested: 'remove' as const})),
	];
	const doneAs = {add: 'assigned', update: 'updated', remove: 'removed'} as const;
	return requested.map(({skuId, requested: kind}): UserOutcome => {
		// Built field by field, never as {...base, more}: see docs/performance.md.
		const as = (outcome: UserOutcome['outcome'], reason: UserOutcome['reason'], message: string | null): UserOutcome => ({
			userId: item.userId,
			userPrincipalName: item.userPrincipalName,
			skuId,
			requested: kind,
			outcome,
			reason,
			message,
			...(kind === 'remove' || outcome !== doneAs[kind] ? {} : {disabledPlans: plannedDisabled(item, skuId)}),
		});
		const done = (message: string | null) => as(doneAs[kind], null, message);
		const failed = (message: string) => as('failed', 'error', message);
		const unsure = (outcome: 'not-sent' | 'unknown', message: string) => as(outcome, null, message);
		if (answer.kind === 'not-sent') return unsure('not-sent', strings.graph.notSent(answer.why));
		if (answer.kind === 'unknown') {
			const {why, now} = answer;
			const text = strings.graph.readBack;
			if (now === 'not-read') return unsure('unknown', text.notRead(why));
			if (now === null) return unsure('unknown', text.gone(why));
			if ('error' in now) return unsure('unknown', text.failed(why, now.error));
			const has = holdsDirectly(now, skuId);
			if (kind === 'remove') return has ? failed(text.notRemoved(why)) : done(text.removed(why));
			if (kind === 'update') return hasApps(now, skuId, plannedDisabled(item, skuId)) ? done(text.updated(why)) : failed(text.notUpdated(why));
			return has ? done(text.assigned(why)) : failed(text.notAssigned(why));
		}
		const {response, message: safe} = answer;
		if (response.status >= 200 && response.status < 300) return done(null);
		const message = safe ?? strings.graph.status(response.status, '');
		if (/inherited from a group/i.test(message)) return as('skipped', 'group-assigned', message);
		if (/does not have a corresponding license/i.test(message)) return as('skipped', 'not-assigned', message);
		const refusal = dependencyRefusal(tenant, item, message);
		if (refusal) return extended(failed(strings.outcome.dependsOn(refusal.addOns, refusal.bases)), {dependency: refusal.dependency});
		return failed(message);
	});
}

export class GraphTenant implements TenantBackend {
	readonly kind = 'graph';
	readonly source: string;
	readonly http: GraphHttp;
	/**
	 * The users as Graph holds them now, after a change: the store shows what Graph has, not what was
	 * hoped. Not for a change from the command line: it read its users on opening (a change cut off
	 * last time included), and its outcomes are Graph's answers, read back where they were lost.
	 */
	readonly refreshUsers?: (userIds: readonly string[]) => Promise<User[]>;

	constructor(private readonly options: GraphTenantOptions) {
		this.source = options.source;
		this.http = new GraphHttp({base: options.base, token: options.token, timeoutMs: options.timeoutMs, cancel: options.cancel});
		if (!options.users) {
			// Each user read is just parsed, so their sign-in activity is put on them rather than on a copy.
			this.refreshUsers = async userIds =>
				[...(await this.readBack(userIds)).values()].filter(isUser).map(user => Object.assign(user, this.activity.get(user.id)));
		}
	}

	async load(): Promise<Tenant> {
		const [organizations, subscribedSkus, subscriptions, me, roles] = await Promise.all([
			this.http.getAll<Organization>('/organization'),
			this.http.getAll<SubscribedSku>('/subscribedSkus'),
			this.http.getAll<CompanySubscription>('/directory/subscriptions'),
			this.http.get<User>(`/me?$select=${userFields}`),
			this.http.getAll<Omit<DirectoryRole, 'members'>>('/me/transitiveMemberOf/microsoft.graph.directoryRole'),
		]);
		const organization = organizations[0];
		if (!organization) throw new GraphError('GET /v1.0/organization', strings.graph.status(200, strings.graph.noOrganization));
		const {users, signInActivityUnavailable} = this.options.users
			? {
					users: await this.readUsers([...this.options.users, ...(this.options.settling?.(organization.id) ?? [])], normalisedUser(me)),
					signInActivityUnavailable: undefined,
				}
			: await this.readAllUsers();
		const tenant: Tenant = normaliseTenant({
			organization,
			subscribedSkus: subscribedSkus.map(sku => ({...sku, servicePlans: sku.servicePlans ?? []})),
			subscriptions,
			users,
			groups: await this.groupNames(users),
			// Only the signed-in admin's roles are read: enough to say what they may do.
			directoryRoles: roles.map(role => ({...role, members: [me.id]})),
			signedInUser: me.userPrincipalName,
			...(signInActivityUnavailable === undefined ? {} : {signInActivityUnavailable}),
		});
		// Best effort, as every cache: a copy that cannot be written costs the next start its quick first frame.
		const cacheFile = this.options.cacheFile;
		const signedIn = this.options.signedIn?.()?.key;
		if (cacheFile && signedIn) writeCache(cacheFile, this.cacheKey(signedIn), () => JSON.stringify({readAt: new Date().toISOString(), tenant}));
		return tenant;
	}

	/** What a copy stands for: this Graph (not another cloud, nor a test server) and this sign-in. */
	private cacheKey(signedIn: string) {
		return {format: 3, base: this.options.base, signedIn};
	}

	/**
	 * The copy kept by the last run, once signed in: it is shown only to the sign-in that read it (the
	 * same account and tenant, on the same Graph), never before that sign-in has succeeded.
	 */
	async cached(): Promise<{tenant: Tenant; readAt: string} | null> {
		const file = this.options.cacheFile;
		if (!file || !lookAt(file)) return null;
		await this.options.token();
		const signedIn = this.options.signedIn?.()?.key;
		const text = signedIn ? readCache(file, this.cacheKey(signedIn)) : null;
		if (text === null) return null;
		let copy: {readAt?: unknown; tenant?: Tenant};
		try {
			copy = JSON.parse(text);
		} catch {
			// Unreadable: a copy costs nothing to lose; the tenant is read from Graph instead.
			return null;
		}
		if (typeof copy.readAt !== 'string' || !copy.tenant) return null;
		this.keepActivity(copy.tenant.users);
		return {tenant: copy.tenant, readAt: copy.readAt};
	}

	/**
	 * Every user, with when they last signed in. A 403 for signInActivity (no AuditLog.Read.All, or no
	 * Microsoft Entra ID P1 or P2) reads them again without it, and says why.
	 */
	private async readAllUsers(): Promise<{users: User[]; signInActivityUnavailable?: string}> {
		const read = (fields: string) => this.http.getAll<User>(`/users?$select=${fields}&$top=999`, this.options.onLoadProgress);
		try {
			// Graph leaves signInActivity out for a user who never signed in: null says it was asked.
			const users = (await read(`${userFields},${activityFields}`)).map(user =>
				normalisedUser(Object.assign(user, {signInActivity: user.signInActivity ?? null})),
			);
			this.keepActivity(users);
			return {users};
		} catch (error) {
			if (!(error instanceof ForbiddenError)) throw error;
			return {users: (await read(userFields)).map(normalisedUser), signInActivityUnavailable: error.graphMessage || strings.graph.status(403, '')};
		}
	}

	/** What was read with every user and not with one: a user read again after a change keeps it. */
	private activity = new Map<string, Pick<User, 'signInActivity' | 'createdDateTime'>>();

	private keepActivity(users: readonly User[]): void {
		this.activity = new Map(
			users
				.filter(user => user.signInActivity !== undefined)
				.map(user => [user.id, {signInActivity: user.signInActivity, createdDateTime: user.createdDateTime}]),
		);
	}

	/** Reads, not writes: twenty to a $batch, four batches at a time. */
	private read(requests: SubRequest[]): Promise<BatchResult> {
		return this.http.batch(requests, {initialWindow: maxWindow});
	}

	/** The named users (by id or UPN) and the admin; a name Graph does not know is left out (user-not-found). */
	private async readUsers(keys: readonly string[], me: User): Promise<User[]> {
		const unique = [...new Map(keys.map(key => [key.toLowerCase(), key])).values()];
		const {responses, unknown, stopped} = await this.read(
			unique.map((key, i) => ({id: String(i), method: 'GET', url: `/users/${encodeURIComponent(key)}?$select=${userFields}`})),
		);
		const failure = stopped ?? unknown.values().next().value;
		if (failure) throw new GraphError('POST /v1.0/$batch', failure);
		const users = new Map([[me.id, me]]);
		for (const response of responses.values()) {
			if (response.status === 200) {
				const user = normalisedUser(response.body as unknown as User);
				users.set(user.id, user);
			} else if (response.status !== 404 && response.status !== 400) {
				// 404: no such user; 400: not a valid id or UPN. Anything else is Graph failing to answer.
				throw new GraphError('GET /v1.0/users/{id}', strings.graph.status(response.status, this.http.safeMessage(response) ?? ''));
			}
		}
		return [...users.values()];
	}

	/** The groups that license users, by name, so a skipped user can be told which group. */
	private async groupNames(users: readonly User[]): Promise<Group[]> {
		const ids = [...new Set(users.flatMap(u => u.licenseAssignmentStates.flatMap(s => (s.assignedByGroup ? [s.assignedByGroup] : []))))];
		const {responses} = await this.read(ids.map((id, i) => ({id: String(i), method: 'GET', url: `/groups/${id}?$select=id,displayName,groupTypes`})));
		return ids.map((id, i) => {
			const body = responses.get(String(i))?.body as {displayName?: string; groupTypes?: unknown} | undefined;
			const groupTypes = Array.isArray(body?.groupTypes) ? body.groupTypes.filter((t): t is string => typeof t === 'string') : [];
			return {id, displayName: body?.displayName ?? id, groupTypes};
		});
	}

	async apply(tenant: Tenant, plan: LicensePlan, onProgress?: (progress: Progress) => void, signal?: AbortSignal): Promise<UserOutcome[]> {
		const items = plan.items.filter(item => changeCount(item) > 0);
		const requests: SubRequest[] = items.map((item, i) => ({
			id: String(i),
			method: 'POST',
			url: `/users/${item.userId}/assignLicense`,
			body: assignLicenseBody(item),
		}));
		const limit = this.options.maxDuration;
		const {responses, unknown, stopped} = await this.http.batch(requests, {
			onProgress,
			signal,
			deadline: limit ? Date.now() + limit.ms : undefined,
			deadlineReason: limit ? strings.graph.maxDuration(limit.given) : undefined,
		});
		// Sent but unanswered: what Graph holds now says whether it was carried out. Not after a stop:
		// nothing more is asked of Graph then, and the next start reads those users back.
		const unknownIds = signal?.aborted ? [] : items.filter((_, i) => unknown.has(String(i))).map(item => item.userId);
		const now = await this.readBack(unknownIds);
		const answerOf = (i: number): Answer => {
			const response = responses.get(String(i));
			if (response) return {kind: 'answered', response, message: this.http.safeMessage(response)};
			const why = unknown.get(String(i));
			if (why !== undefined) return {kind: 'unknown', why, now: signal?.aborted ? 'not-read' : (now.get(items[i]!.userId) ?? null)};
			return {kind: 'not-sent', why: stopped ?? strings.graph.cancelled};
		};
		return [...items.flatMap((item, i) => outcomesOf(item, answerOf(i), tenant)), ...skipOutcomes(plan)];
	}

	/** Users read back after their answers were lost: the user, null when not found, or why it failed. */
	private async readBack(userIds: readonly string[]): Promise<Map<string, User | null | {error: string}>> {
		const result = new Map<string, User | null | {error: string}>();
		if (userIds.length === 0) return result;
		let answers: BatchResult;
		try {
			answers = await this.read(userIds.map((id, i) => ({id: String(i), method: 'GET', url: `/users/${encodeURIComponent(id)}?$select=${userFields}`})));
		} catch (error) {
			const problem = error instanceof GraphError ? error.problem : String(error);
			for (const id of userIds) result.set(id, {error: problem});
			return result;
		}
		userIds.forEach((id, i) => {
			const response = answers.responses.get(String(i));
			if (response?.status === 200) result.set(id, normalisedUser(response.body as unknown as User));
			else if (response?.status === 404) result.set(id, null);
			else {
				const problem = response
					? strings.graph.status(response.status, this.http.safeMessage(response) ?? '')
					: (answers.unknown.get(String(i)) ?? answers.stopped ?? strings.graph.leftOut);
				result.set(id, {error: problem});
			}
		});
		return result;
	}

	/** DELETE /users/{id}: restorable for 30 days. Asks for User.ReadWrite.All the first time. */
	async deleteUser(_tenant: Tenant, userId: string, wanted?: AbortSignal): Promise<void> {
		await this.http.one('DELETE', `/users/${encodeURIComponent(userId)}`, undefined, actionScopes.deleteUser, wanted);
	}

	/** POST /directory/deletedItems/{id}/restore: the user comes back with their licenses. */
	async restoreUser(_tenant: Tenant, userId: string, wanted?: AbortSignal): Promise<void> {
		await this.http.one('POST', `/directory/deletedItems/${encodeURIComponent(userId)}/restore`, undefined, actionScopes.restoreUser, wanted);
	}

	/**
	 * DELETE /groups/{id}/members/{userId}/$ref, twenty to a $batch. Always with /$ref: without it, Graph
	 * deletes the user itself when the app may delete users. Asks for GroupMember.ReadWrite.All the
	 * first time. A lost answer is said to be unknown, naming where to look.
	 */
	async removeFromGroup(
		_tenant: Tenant,
		groupId: string,
		users: ReadonlyArray<{userId: string; userPrincipalName: string}>,
		wanted?: AbortSignal,
	): Promise<GroupOutcome[]> {
		const {responses, unknown, stopped} = await this.http.batch(
			users.map((user, i) => ({id: String(i), method: 'DELETE', url: memberRef(groupId, user.userId)})),
			{scopes: actionScopes.removeFromGroup, wanted},
		);
		return users.map((user, i): GroupOutcome => {
			const as = (outcome: GroupOutcome['outcome'], reason: GroupOutcome['reason'], message: string | null): GroupOutcome => ({
				userId: user.userId,
				userPrincipalName: user.userPrincipalName,
				groupId,
				outcome,
				reason,
				message,
			});
			const response = responses.get(String(i));
			if (response && response.status >= 200 && response.status < 300) return as('removed', null, null);
			if (response) return as('failed', 'error', this.http.safeMessage(response) ?? strings.graph.status(response.status, ''));
			const lost = unknown.get(String(i));
			if (lost !== undefined) return as('unknown', null, strings.group.unknown(lost));
			return as('not-sent', null, strings.graph.notSent(stopped ?? strings.graph.cancelled));
		});
	}

	/** GET /directory/deletedItems/microsoft.graph.user, every page: the users restorable now. */
	async deletedUsers(): Promise<DeletedUser[]> {
		const found = await this.http.getAll<User & {deletedDateTime?: string}>(
			`/directory/deletedItems/microsoft.graph.user?$select=${userFields},deletedDateTime&$top=999`,
		);
		return found.map(({deletedDateTime, ...user}) => ({deletedDateTime: deletedDateTime ?? new Date().toISOString(), user: normalisedUser(user)}));
	}
}

const isUser = (read: User | null | {error: string}): read is User => read !== null && !('error' in read);

/** A member's reference in a group: removing it takes the user out of the group, and only that. */
const memberRef = (groupId: string, userId: string) => `/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(userId)}/$ref`;

/**
 * A user as the domain expects it: missing lists empty, and ids normalised like every other source's.
 * The user is just parsed from Graph's answer: filled in as it is, not copied (100,000 copies made
 * as {...user, more} cost far more than the fields: docs/performance.md).
 */
function normalisedUser(user: User): User {
	user.assignedLicenses ??= [];
	user.licenseAssignmentStates ??= [];
	return normaliseUser(user);
}
