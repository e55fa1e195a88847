// Mistakes a user makes on the command line, through the built program: each ends as one line on
// stderr that names the flag or file, with a non-zero exit and no stack trace (that only with
// --debug). The file checks themselves are unit-tested (tenant-file, users-file); here, that every
// kind of mistake reaches the user the same way. And a reader that goes away (| head) is no error.
import {execFile} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {demoTenantPath} from '../../source/paths.js';
import {terminalProblems} from '../helpers/hostile.js';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{status: number; stdout: string; stderr: string}> {
	requireBundle();
	try {
		const {stdout, stderr} = await run(process.execPath, [bundle, ...args, '--state-dir', tempStateDir()]);
		return {status: 0, stdout, stderr};
	} catch (error) {
		const {code, stdout, stderr} = error as {code: number; stdout: string; stderr: string};
		return {status: code, stdout, stderr};
	}
}

describe('a user mistake is one line, naming it', () => {
	const dir = tempStateDir();
	const file = (name: string, content: string | Buffer) => {
		writeFileSync(join(dir, name), content);
		return join(dir, name);
	};
	const deep = `{"organization":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
	const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"organization": {}}', 'utf16le')]);
	const cases: Array<[string, string[], number, string]> = [
		['an unknown flag', ['licenses', '--bogus'], 2, "Unknown option '--bogus'"],
		['a flag of another command', ['licenses', '--dry-run'], 2, '--dry-run does not go with the licenses command'],
		['an unknown product, typed with an escape sequence', ['users', '--product', 'X\u001b]0;t\u0007'], 2, 'unknown product "X\\u001b]0;t\\u0007"'],
		['a tenant file in UTF-16', ['licenses', '--tenant', file('t16.json', utf16)], 1, `Tenant file ${join(dir, 't16.json')}: is UTF-16 LE text`],
		[
			'a tenant file nested 50,000 deep (a stack overflow before)',
			['licenses', '--tenant', file('deep.json', deep)],
			1,
			`Tenant file ${join(dir, 'deep.json')}: organization[0][0]`,
		],
		['a tenant file that is a directory', ['licenses', '--tenant', dir], 1, `Tenant file ${dir}: cannot read it: it is a directory`],
		['a users file from /dev/zero', ['unassign', '--product', 'SPB', '--users-file', '/dev/zero', '--dry-run'], 2, '--users-file /dev/zero: is a binary file'],
		[
			'a users file without a UPN column',
			['unassign', '--product', 'SPB', '--users-file', file('u.csv', 'Name;Mail\nA;a@b.c\n'), '--dry-run'],
			2,
			'has no userPrincipalName column',
		],
	];

	it.concurrent.each(cases)('%s', async (_case, args, status, message) => {
		const result = await cli(args);
		expect(result.status).toBe(status);
		expect(result.stdout).toBe('');
		expect(result.stderr.endsWith('\n')).toBe(true);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain(message);
		expect(result.stderr).not.toContain('unexpected error');
		expect(terminalProblems(result.stderr)).toEqual([]);
	});

	it('--debug adds where it happened: the stack, after the same line', async () => {
		const missing = join(dir, 'missing.json');
		const result = await cli(['licenses', '--tenant', missing, '--debug']);
		expect(result.status).toBe(1);
		const [line, ...stack] = result.stderr.trimEnd().split('\n');
		expect(line).toBe(`m365-licenses: Tenant file ${missing}: cannot read it: no such file`);
		expect(stack.some(frame => /^\s+at /.test(frame))).toBe(true);
	});
});

describe('a reader that goes away', () => {
	it('users | head -1 ends quietly, as SIGPIPE would end it (141 under pipefail)', async () => {
		requireBundle();
		// Enough users that the output is more than a pipe holds.
		const tenant = JSON.parse((await import('node:fs')).readFileSync(demoTenantPath, 'utf8'));
		const template = tenant.users[5];
		for (let i = 0; i < 3000; i++) tenant.users.push({...template, id: `u${i}`, userPrincipalName: `user${i}@contoso.com`, displayName: `User ${i}`});
		const big = join(tempStateDir(), 'big.json');
		writeFileSync(big, JSON.stringify(tenant));
		const script = `set -o pipefail; node ${JSON.stringify(bundle)} users --tenant ${JSON.stringify(big)} --state-dir ${JSON.stringify(tempStateDir())} | head -1; echo "status $?"`;
		const {stdout, stderr} = await run('bash', ['-c', script]);
		expect(stderr).toBe('');
		expect(stdout).toMatch(/^User principal name\s+Display name.*\nstatus 141\n$/);
	});
});
