// The subcommands' --json contract (source/commands/output.schema.json), checked as a script would.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Ajv} from 'ajv';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../source/commands/output.schema.json', import.meta.url)), 'utf8'));
const ajv = new Ajv({strict: false});
ajv.addSchema(schema);

/** Throws, naming what is wrong, when the output does not match its definition in the schema. */
export function expectShape(definition: string, data: unknown): void {
	const validate = ajv.getSchema(`${schema.$id}#/definitions/${definition}`)!;
	if (!validate(data)) throw new Error(`${definition} --json does not match the schema: ${ajv.errorsText(validate.errors)}`);
}
