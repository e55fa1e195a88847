// Where each Microsoft cloud's Graph and sign-in live. Sources: FACTS.md ("Clouds") for worldwide and
// 21Vianet; Microsoft Graph's "National cloud deployments" page for the US Government clouds (GCC High
// and DoD), the same endpoints Graph PowerShell's -Environment USGov and USGovDoD use. GCC (moderate)
// uses the worldwide endpoints.
export type Cloud = 'worldwide' | '21vianet' | 'usgov' | 'usgovdod';

export const clouds: Record<Cloud, {graph: string; login: string}> = {
	worldwide: {graph: 'https://graph.microsoft.com', login: 'https://login.microsoftonline.com'},
	'21vianet': {graph: 'https://microsoftgraph.chinacloudapi.cn', login: 'https://login.chinacloudapi.cn'},
	usgov: {graph: 'https://graph.microsoft.us', login: 'https://login.microsoftonline.us'},
	usgovdod: {graph: 'https://dod-graph.microsoft.us', login: 'https://login.microsoftonline.us'},
};

/** Delegated permissions asked for at sign-in: enough to read the tenant and change licenses. */
export const graphScopes = ['LicenseAssignment.ReadWrite.All', 'User.Read.All', 'Organization.Read.All', 'GroupMember.Read.All'];

/** What tenants discover asks for beside them: the partner's GDAP customers (delegatedAdminCustomers). */
export const gdapScopes = ['DelegatedAdminRelationship.Read.All'];

/**
 * Permissions asked for only when an action first needs them (incremental consent), least privileged
 * per Microsoft Graph's reference: DELETE /users/{id} and POST /directory/deletedItems/{id}/restore
 * need User.ReadWrite.All; DELETE /groups/{id}/members/{id}/$ref needs GroupMember.ReadWrite.All.
 */
export const actionScopes = {
	deleteUser: ['User.ReadWrite.All'],
	restoreUser: ['User.ReadWrite.All'],
	removeFromGroup: ['GroupMember.ReadWrite.All'],
} as const satisfies Record<string, readonly string[]>;
