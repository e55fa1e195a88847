// The --json output checked against its public contract, source/commands/output.schema.json.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Ajv} from 'ajv';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../source/commands/output.schema.json', import.meta.url)), 'utf8'));
const ajv = new Ajv({strict: false});
ajv.addSchema(schema);

/** Throws, naming the command and what does not match, unless the data has the command's documented shape. */
export function expectShape(command: string, data: unknown) {
	const validate = ajv.getSchema(`${schema.$id}#/definitions/${command}`)!;
	if (!validate(data)) throw new Error(`${command} --json does not match the schema: ${ajv.errorsText(validate.errors)}`);
}
