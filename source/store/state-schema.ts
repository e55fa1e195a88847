// A state file checked against its shape (state.schema.ts, compiled ahead of time into
// state-validators.ts): a file of another shape is refused with the file and the JSON path, and
// left as it is.
import type {ErrorObject} from 'ajv';
import {jsonPath} from '../backends/validate-tenant.js';
import {strings} from '../text/index.js';
import * as validators from './state-validators.js';
import type {schemas} from './state.schema.js';

type Validate = ((data: unknown) => boolean) & {errors?: ErrorObject[] | null};

function describe(error: ErrorObject): string {
	const words = strings.schema;
	const at = jsonPath(error.instancePath);
	const under = error.instancePath ? `${at}.` : '';
	if (error.keyword === 'required') return `${under}${String(error.params['missingProperty'])}: ${words.missing}`;
	if (error.keyword === 'additionalProperties') return `${under}${String(error.params['additionalProperty'])}: ${words.notKnown}`;
	if (error.keyword === 'discriminator') return `${under}type: ${JSON.stringify(error.params['tagValue'])} ${words.notKnown}`;
	if (error.keyword === 'const') return `${at}: ${words.mustBe(JSON.stringify(error.params['allowedValue']))}`;
	if (error.keyword === 'enum') return `${at}: ${words.oneOf((error.params['allowedValues'] as unknown[]).join(', '))}`;
	return `${at}: ${error.message ?? words.notValid}`;
}

/** What is wrong with `data` as the named kind of file, as "path: problem", or null when it is right. */
export function shapeProblem(name: keyof typeof schemas, data: unknown): string | null {
	const validate = validators[name] as Validate;
	if (validate(data)) return null;
	const [error] = validate.errors ?? [];
	return error ? describe(error) : strings.schema.notValid;
}
