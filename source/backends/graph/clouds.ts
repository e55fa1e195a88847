// Where each Microsoft cloud's Graph and sign-in live. Source: FACTS.md ("Clouds").
export type Cloud = 'worldwide' | '21vianet';

export const clouds: Record<Cloud, {graph: string; login: string}> = {
	worldwide: {graph: 'https://graph.microsoft.com', login: 'https://login.microsoftonline.com'},
	'21vianet': {graph: 'https://microsoftgraph.chinacloudapi.cn', login: 'https://login.chinacloudapi.cn'},
};

/** Delegated permissions the app asks for: enough to read the tenant and change licenses. */
export const graphScopes = ['LicenseAssignment.ReadWrite.All', 'User.Read.All', 'Organization.Read.All', 'GroupMember.Read.All'];
