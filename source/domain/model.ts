// Microsoft Graph's own shapes (v1.0), so a live tenant, a snapshot file and the demo are one thing.
// Only the fields the app reads are typed; snapshots may carry more and keep them.

export interface Organization {
	id: string;
	displayName: string;
	verifiedDomains?: Array<{name: string; isDefault?: boolean}>;
}

export interface ServicePlanInfo {
	servicePlanId: string;
	servicePlanName: string;
	provisioningStatus?: string;
	appliesTo?: string;
}

export interface LicenseUnits {
	enabled: number;
	suspended: number;
	warning: number;
	lockedOut?: number;
}

/** GET /v1.0/subscribedSkus */
export interface SubscribedSku {
	id?: string;
	skuId: string;
	skuPartNumber: string;
	appliesTo?: string;
	/** Read by nothing in the app; a snapshot may leave it out. */
	capabilityStatus?: string;
	consumedUnits: number;
	prepaidUnits: LicenseUnits;
	servicePlans: ServicePlanInfo[];
	subscriptionIds?: string[];
}

/** GET /v1.0/directory/subscriptions (companySubscription) */
export interface CompanySubscription {
	id: string;
	commerceSubscriptionId?: string;
	skuId: string;
	skuPartNumber: string;
	status: string;
	totalLicenses: number;
	isTrial: boolean;
	createdDateTime?: string;
	nextLifecycleDateTime?: string | null;
	/** "Company" for the organisation's own; "User" for a self-service purchase. */
	ownerType?: string;
	ownerId?: string | null;
}

export interface AssignedLicense {
	skuId: string;
	disabledPlans: string[];
}

export interface LicenseAssignmentState {
	skuId: string;
	/** null when assigned directly; the group's id when inherited. */
	assignedByGroup: string | null;
	/** Graph's "Active", "Error"…: read by nothing in the app; a snapshot may leave them out. */
	state?: string;
	error?: string;
	disabledPlans: string[];
	lastUpdatedDateTime?: string;
}

/**
 * When a user last signed in (GET /users with $select=signInActivity: it needs AuditLog.Read.All and
 * Microsoft Entra ID P1 or P2). Each time includes attempts that failed; null when none is recorded.
 */
export interface SignInActivity {
	lastSignInDateTime?: string | null;
	lastNonInteractiveSignInDateTime?: string | null;
	/** Successful sign-ins only, interactive or not: recorded since December 2023. */
	lastSuccessfulSignInDateTime?: string | null;
}

export interface User {
	id: string;
	displayName: string;
	userPrincipalName: string;
	accountEnabled: boolean;
	usageLocation?: string | null;
	jobTitle?: string | null;
	department?: string | null;
	assignedLicenses: AssignedLicense[];
	licenseAssignmentStates: LicenseAssignmentState[];
	/** Present (null when the user never signed in) when the source reads sign-in activity. */
	signInActivity?: SignInActivity | null;
	createdDateTime?: string | null;
}

export interface Group {
	id: string;
	displayName: string;
	description?: string | null;
	/** Graph's group types: "DynamicMembership" when a rule decides who is a member (not changeable by hand). */
	groupTypes?: string[];
	assignedLicenses?: AssignedLicense[];
	/** user ids */
	members?: string[];
}

export interface DirectoryRole {
	/** The role's id in this tenant (a snapshot may leave it out): roles are known by roleTemplateId. */
	id?: string;
	roleTemplateId: string;
	displayName: string;
	/** user ids */
	members: string[];
}

/** Fields Graph does not give in these calls, kept for local mode. */
export interface LocalExtras {
	/** userId → kind of hold on the mailbox */
	mailboxHolds?: Record<string, 'litigation-hold' | 'retention-policy' | 'retention-label'>;
	/** userId → ISO time of last sign-in */
	lastSignIn?: Record<string, string>;
	/** userId → skuId → ISO time the license was removed (for the 30-day mailbox window) */
	licenseRemovals?: Record<string, Record<string, string>>;
	/** Deleted users, restorable for 30 days, as they were when deleted. */
	deletedUsers?: Array<{deletedDateTime: string; user: User}>;
}

export interface Tenant {
	organization: Organization;
	subscribedSkus: SubscribedSku[];
	subscriptions: CompanySubscription[];
	users: User[];
	groups: Group[];
	directoryRoles: DirectoryRole[];
	/** userPrincipalName of the admin the app acts as */
	signedInUser: string;
	/** Why a live tenant's sign-in activity could not be read: Microsoft Graph's answer. */
	signInActivityUnavailable?: string;
	'x-local'?: LocalExtras;
}

export const roleTemplateIds = {
	globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
	licenseAdministrator: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
	userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
	helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
} as const;
