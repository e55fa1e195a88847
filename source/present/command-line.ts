// The command line's shape: every flag, the ones every command takes, and each command's own. cli.tsx
// parses with them; the help is drawn from them, so it names every flag a command takes.
export const options = {
	tenant: {type: 'string'},
	'state-dir': {type: 'string'},
	reset: {type: 'boolean'},
	as: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
	json: {type: 'boolean'},
	product: {type: 'string'},
	users: {type: 'string'},
	'users-file': {type: 'string'},
	group: {type: 'string'},
	'dry-run': {type: 'boolean'},
	yes: {type: 'boolean'},
	graph: {type: 'boolean'},
	'client-id': {type: 'string'},
	'tenant-id': {type: 'string'},
	cloud: {type: 'string'},
	'graph-endpoint': {type: 'string'},
	'login-endpoint': {type: 'string'},
	debug: {type: 'boolean'},
	'request-timeout': {type: 'string'},
	'max-duration': {type: 'string'},
	section: {type: 'string'},
	'inactive-days': {type: 'string'},
	apply: {type: 'boolean'},
	lang: {type: 'string'},
	profile: {type: 'string'},
	'all-tenants': {type: 'boolean'},
	snapshot: {type: 'string'},
	purge: {type: 'boolean'},
} as const;

export type Option = keyof typeof options;

export const global: Option[] = [
	'tenant',
	'state-dir',
	'reset',
	'as',
	'graph',
	'client-id',
	'tenant-id',
	'cloud',
	'graph-endpoint',
	'login-endpoint',
	'request-timeout',
	'max-duration',
	'profile',
	'lang',
	'debug',
	'help',
	'version',
];
/** The commands, each with the flags it takes besides the global ones ('': the app). */
export type Command = '' | 'guide' | 'licenses' | 'users' | 'unassign' | 'remove-from-group' | 'audit' | 'reclaim' | 'doctor' | 'logout' | 'tenants';
export const commands: Record<Command, readonly Option[]> = {
	'': [],
	guide: [],
	licenses: ['json', 'all-tenants'],
	users: ['product', 'json'],
	unassign: ['product', 'users', 'users-file', 'dry-run', 'yes', 'json'],
	'remove-from-group': ['group', 'users', 'users-file', 'dry-run', 'yes', 'json'],
	audit: ['json', 'all-tenants'],
	reclaim: ['section', 'inactive-days', 'apply', 'yes', 'json', 'all-tenants'],
	doctor: ['json'],
	logout: [],
	tenants: ['snapshot', 'purge', 'yes', 'json'],
};

/** `tenants` is followed by what to do (commands/tenants.ts); no other command takes words after it. */
export const tenantActions = ['add', 'list', 'remove', 'discover'] as const;
export const withArguments: ReadonlySet<Command> = new Set(['tenants']);

/** The commands that change something: exit code 3 is theirs. */
export const changing: readonly Command[] = ['', 'guide', 'unassign', 'remove-from-group', 'reclaim'];

export const isCommand = (name: string): name is Command => Object.hasOwn(commands, name);
