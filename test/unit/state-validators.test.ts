import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';

it('the state directory validators are generated from state.schema.ts as it is now', () => {
	const tool = fileURLToPath(new URL('../../source/tools/generate-state-validators.mjs', import.meta.url));
	const result = spawnSync(process.execPath, [tool, '--check'], {encoding: 'utf8'});
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
});
