// The --json output checked against its public contract (source/commands/output.schema.ts, published
// as output.schema.json), with the validators generated from it.
import type {ErrorObject, ValidateFunction} from 'ajv';
import * as validators from '../../source/commands/output-validators.js';
import type {Output} from '../../source/commands/output.schema.js';

const byCommand: {[K in keyof Output]?: ValidateFunction} = {
	licenses: validators.licenses,
	users: validators.users,
	unassign: validators.unassign,
	'remove-from-group': validators.removeFromGroup,
	reclaim: validators.reclaim,
	'reclaim-apply': validators.reclaimApply,
	audit: validators.audit,
	doctor: validators.doctor,
	'tenants-list': validators.tenantsList,
	'tenants-discover': validators.tenantsDiscover,
	'licenses-all': validators.licensesAll,
	'reclaim-all': validators.reclaimAll,
	'audit-all': validators.auditAll,
};

/** Ajv's errors in a line: where, and what is wrong there. */
export const errorsText = (errors: ErrorObject[] | null | undefined) =>
	(errors ?? []).map(e => `${e.instancePath || '(top)'} ${e.message ?? e.keyword}`).join('; ');

/** Throws, naming the command and what does not match, unless the data has the command's documented shape. */
export function expectShape(command: Exclude<keyof Output, 'level'>, data: unknown) {
	const validate = byCommand[command]!;
	if (!validate(data)) throw new Error(`${command} --json does not match the schema: ${errorsText(validate.errors)}`);
}
