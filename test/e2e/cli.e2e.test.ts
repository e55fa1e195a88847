// The command line outside a terminal (no TTY) and on one that cannot move its cursor (TERM=dumb),
// help, version, bad flags.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) session.kill();
});

function cli(args: string[], input = '') {
	requireBundle();
	return spawnSync(process.execPath, [bundle, ...args], {
		input,
		encoding: 'utf8',
		env: {...process.env, M365_LICENSES_STATE_DIR: tempStateDir()},
	});
}

describe('m365-licenses outside a terminal', () => {
	it('refuses to start the TUI without a TTY: one line on stderr, exit 2, no Ink error box', () => {
		const result = cli([], '\n');
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toMatch(/needs an interactive terminal/);
		expect(result.stderr).not.toMatch(/Raw mode|ERROR|at /);
	});

	it('names two subcommands that exist, and each runs without a terminal: exit 0, JSON on stdout', () => {
		const named = [...cli([], '\n').stderr.matchAll(/`m365-licenses ([^`]+)`/g)].map(match => match[1]!.split(' '));
		expect(named.length).toBeGreaterThanOrEqual(2);
		for (const args of named) {
			expect(args).toContain('--json');
			const result = cli(args);
			expect(result.status).toBe(0);
			expect(() => JSON.parse(result.stdout)).not.toThrow();
		}
	});

	it('prints --version and --help anywhere', () => {
		const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
		expect(cli(['--version'])).toMatchObject({status: 0, stdout: `${version}\n`});
		const help = cli(['--help']);
		expect(help.status).toBe(0);
		for (const flag of ['--state-dir', '--reset', '--tenant', '--version']) expect(help.stdout).toContain(flag);
	});

	it.each([
		[['--bogus'], /Unknown option '--bogus'/],
		[['--state-dir'], /--state-dir/],
		[['frobnicate'], /unknown command "frobnicate"/],
	])('rejects %j with a usage error naming it, exit 2', (args, message) => {
		const result = cli(args);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).toContain('--help');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});

describe.runIf(requireTmux())('m365-licenses on a dumb terminal', () => {
	it('TERM=dumb: one line pointing to the subcommands, exit 2, and not one escape sequence', async () => {
		requireBundle();
		const record = join(tempStateDir(), 'terminal.bytes');
		const session = new TmuxSession(['--state-dir', tempStateDir()], {TERM: 'dumb'}, {record});
		sessions.push(session);
		expect(await session.exitStatus()).toBe(2);
		expect(session.joinedScreen()).toContain('m365-licenses cannot draw its screens on this terminal (TERM=dumb');
		const written = readFileSync(record, 'latin1');
		expect(written).toContain('cannot draw its screens');
		expect(written).not.toContain('\u001b');
	});
});
