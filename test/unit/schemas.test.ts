// Each TypeBox schema source (tenant.schema.ts, output.schema.ts) is the one source of its published
// JSON Schema file and of its generated validators: both must be what `npm run schemas` writes now.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

describe('the schema files and validators', () => {
	it('are up to date with their TypeBox sources', () => {
		const generator = fileURLToPath(new URL('../../source/tools/generate-schemas.mjs', import.meta.url));
		const result = spawnSync(process.execPath, [generator, '--check'], {encoding: 'utf8'});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});
});
