import type {Tenant} from '../domain/model.js';
import type {LicensePlan, UserOutcome} from '../domain/plan.js';

/** Where the tenant comes from and where changes go. The UI cannot tell which one it talks to. */
export interface TenantBackend {
	readonly kind: 'demo' | 'snapshot';
	/** What a support person needs to recognise the source: a file path. */
	readonly source: string;
	/** The tenant as its source holds it, before any change this app saved. */
	load(): Promise<Tenant>;
	/** Carries out the plan; one outcome per user and product (skips included), never all-or-nothing. */
	apply(tenant: Tenant, plan: LicensePlan): Promise<UserOutcome[]>;
	/** Deletes the user (restorable for 30 days); their licenses are freed at once. */
	deleteUser(tenant: Tenant, userId: string): Promise<void>;
	restoreUser(tenant: Tenant, userId: string): Promise<void>;
}

/** A user mistake (bad file, bad flag): shown as one line, never as a stack trace. */
export class UserError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1,
	) {
		super(message);
	}
}
