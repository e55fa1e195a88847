// A snapshot whose names attack the terminal (ESC[2J, OSC 0 title, OSC 52 clipboard, DCS, C1, NUL,
// bidi overrides, zero-width characters, Markdown and HTML), checked against the raw bytes the built
// app writes: the subcommands' stdout and stderr, and the TUI's output recorded from tmux.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {hostile, hostileSkuId, hostileTenant, hostileTenantFile, ordinaryName, terminalProblems} from '../helpers/hostile.js';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

let snapshot: string;
beforeAll(() => {
	snapshot = hostileTenantFile();
});

function cli(args: string[], stateDir = tempStateDir()) {
	requireBundle();
	const result = spawnSync(process.execPath, [bundle, ...args, '--tenant', snapshot, '--state-dir', stateDir]);
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Nothing but plain text and line breaks on either stream. */
function expectClean(result: {stdout: Buffer; stderr: Buffer}) {
	expect(terminalProblems(result.stdout)).toEqual([]);
	expect(terminalProblems(result.stderr)).toEqual([]);
}

// Every subcommand's output is checked in-process (test/unit/hostile-commands.test.ts); here, the
// bytes the built program really writes, through its own stdout and stderr.
describe('hostile tenant text, subcommands', () => {
	it('unassign and audit --json: plain text and exact JSON on stdout, nothing raw on stderr', () => {
		const stateDir = tempStateDir();
		const lee = (hostileTenant()['users'] as Array<{userPrincipalName: string}>)[2]!.userPrincipalName;
		const done = cli(['unassign', '--product', hostileSkuId, '--users', lee, '--yes'], stateDir);
		expect(done.status).toBe(0);
		expectClean(done);
		expect(done.stdout.toString()).toContain('lee.gu\\u001b]52;c;cm0gLXJmIH4=\\u0007@contoso.com');
		const audit = cli(['audit', '--json'], stateDir);
		expectClean(audit);
		expect(JSON.parse(audit.stdout.toString()).entries.map((e: {actor: string; userPrincipalName: string}) => [e.actor, e.userPrincipalName])).toEqual([
			[hostile.admin, lee],
		]);
	});

	it('error messages that carry tenant text or what was typed are escaped too', () => {
		const unknownAdmin = cli(['users', '--as', 'nobody@contoso.com']);
		const unknownProduct = cli(['users', '--product', 'EVIL\u001b]52;c;eA==\u0007']);
		for (const result of [unknownAdmin, unknownProduct]) {
			expect(result.status).toBe(2);
			expectClean(result);
			expect(result.stderr.toString().trim().split('\n')).toHaveLength(1);
		}
		expect(unknownAdmin.stderr.toString()).toContain('no such user in Contoso \\u001b]0;PWNED-TITLE');
		expect(unknownProduct.stderr.toString()).toContain('EVIL\\u001b]52;c;eA==\\u0007');
	});
});

describe('hostile tenant text, the TUI', () => {
	it('the bytes written to the terminal hold only the escape sequences Ink draws with; the title is not set', async () => {
		if (!requireTmux()) return;
		requireBundle();
		const record = join(tempStateDir(), 'terminal.bytes');
		const session = new TmuxSession(['--tenant', snapshot, '--state-dir', tempStateDir()], {}, {record});
		const titleBefore = session.title();
		try {
			await session.waitFor('PWNED-TITLE');
			session.keys('Enter');
			await session.waitFor('Licenses › EVIL');
			session.keys('Space', 'u');
			await session.waitFor('Unassign EVIL');
			session.keys('c');
			const commands = await session.waitFor('Set-MgUserLicense');
			expect(commands).toContain("[char]0x001B + ']52;c;cm0gLXJmIH4='");
			session.keys('Escape');
			await session.waitFor('1 selected');
			session.keys('2');
			// Sorted by display name: the payloads first; ordinary writing is found with the filter.
			expect(await session.waitFor('Active users (')).toContain('\\u202egnp.exe');
			session.keys('/', 'søren', 'Enter');
			await session.waitFor(ordinaryName);
			session.keys('3');
			await session.waitFor('Step 1 of 4');
			session.keys('q');
			expect(await session.exitStatus()).toBe(0);
			const bytes = readFileSync(record);
			expect(bytes.toString('utf8')).toContain('PWNED-TITLE');
			expect(terminalProblems(bytes, {ink: true})).toEqual([]);
			expect(session.title()).toBe(titleBefore);
			expect(session.title()).not.toContain('PWNED');
		} finally {
			session.kill();
		}
	});
});
