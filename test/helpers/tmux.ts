// Drives the built app in a real terminal: tmux at 80×24, keys typed, screen read back.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {freshHome} from './home.js';

export const bundle = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** Without tmux the end-to-end tests skip, loudly; under CI they fail instead. */
export function requireTmux(): boolean {
	if (hasTmux) return true;
	const message = 'tmux is not installed: the end-to-end tests cannot run (apt-get install tmux).';
	if (process.env['CI'] === 'true') throw new Error(message);
	console.warn(`\n*** SKIPPING END-TO-END TESTS: ${message} ***\n`);
	return false;
}

export function requireBundle(): void {
	if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build (npm test does).`);
}

let sessions = 0;

/** The run's own tmux server (test/helpers/tmux-server.ts), or the default one outside vitest. */
const server = process.env['M365_E2E_TMUX_SOCKET'] ? ['-L', process.env['M365_E2E_TMUX_SOCKET']] : [];
function tmux(args: string[]): string {
	return execFileSync('tmux', [...server, ...args], {encoding: 'utf8'});
}

export class TmuxSession {
	readonly name = `m365-e2e-${process.pid}-${++sessions}`;

	/** The file that gets every byte written to the terminal, when the session records. */
	private readonly record: string | undefined;

	/**
	 * `record`: a file that gets every byte the app writes to the terminal, from its first.
	 * `size`: the window's size from the start (80×24 unless given).
	 */
	constructor(
		args: string[],
		env: Record<string, string> = {},
		{record, size = {columns: 80, rows: 24}}: {record?: string; size?: {columns: number; rows: number}} = {},
	) {
		this.record = record;
		// English unless the test asks otherwise, whatever the locale tmux was started in.
		// A fresh HOME unless the test gives one: never the machine's own state.
		const exports = Object.entries({M365_LICENSES_LANG: 'en', ...(env['HOME'] ? {} : freshHome().env), ...env}).map(([k, v]) => `${k}=${shellQuote(v)}`);
		// The shell prints the exit status after the app leaves its alternate screen.
		const app = ['env', ...exports, 'node', shellQuote(bundle), ...args.map(shellQuote)].join(' ');
		// When recording, the app waits for a line (enter, typed once the recording runs) before it starts.
		const command = `${record ? 'read -r _; ' : ''}${app}; echo "[exit $?]"; sleep 600`;
		tmux(['new-session', '-d', '-s', this.name, '-x', String(size.columns), '-y', String(size.rows), command]);
		if (record) {
			tmux(['pipe-pane', '-o', '-t', this.name, `cat >> ${shellQuote(record)}`]);
			this.keys('Enter');
		}
	}

	/** The pane's title, as the app (or an escape sequence it printed) set it. */
	title(): string {
		return tmux(['display-message', '-p', '-t', this.name, '#{pane_title}']).trim();
	}

	screen(): string {
		return tmux(['capture-pane', '-p', '-t', this.name]);
	}

	/**
	 * How wide the widest line written to the terminal so far is, in columns (escape sequences left
	 * out): what the app drew, before the terminal wrapped or cut it. A screen read back from tmux
	 * never has a line wider than the window, however wide the app drew it. Needs `record`.
	 */
	widestLine(): number {
		if (!this.record) throw new Error('widestLine() needs a session made with {record}');
		const lines = drawnLines(readFileSync(this.record, 'utf8'));
		if (lines.every(line => line === '')) throw new Error(`nothing was drawn (recorded in ${this.record})`);
		return Math.max(...lines.map(line => stringWidth(line)));
	}

	/** The screen with lines the terminal wrapped joined again (for what the shell printed). */
	joinedScreen(): string {
		return tmux(['capture-pane', '-p', '-J', '-t', this.name]);
	}

	resize(columns: number, rows: number): void {
		tmux(['resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows)]);
	}

	keys(...keys: string[]): void {
		tmux(['send-keys', '-t', this.name, ...keys]);
	}

	/** Polls the screen until it contains the text, matches the pattern, or passes the check. */
	async waitFor(expected: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const screen = this.screen();
			const found = typeof expected === 'string' ? screen.includes(expected) : expected instanceof RegExp ? expected.test(screen) : expected(screen);
			if (found) return screen;
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}. Screen:\n${screen}`);
			await new Promise(resolve => setTimeout(resolve, 25));
		}
	}

	/** Waits for the app to exit and returns its exit status. */
	async exitStatus(timeoutMs = 10_000): Promise<number> {
		const screen = await this.waitFor(/\[exit \d+\]/, timeoutMs);
		return Number(/\[exit (\d+)\]/.exec(screen)![1]);
	}

	kill(): void {
		spawnSync('tmux', [...server, 'kill-session', '-t', this.name]);
	}
}

/**
 * The lines in bytes written to a terminal, as written: a line ends at a line break or where the
 * cursor is moved (Ink erases a frame by moving up a line at a time, then goes to column 1); escape
 * sequences that only style or set modes are left out.
 */
export function drawnLines(bytes: string): string[] {
	return (
		bytes
			// Cursor movements and erasures (CSI … A-H, J, K): the text before and after is on other lines, or starts again.
			.replace(/\u001B\[[0-9;?]*[A-HJKf]/g, '\n')
			// Other CSI sequences (styles, modes), OSC sequences and single-character escapes.
			.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '')
			.replace(/\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)/g, '')
			.replace(/\u001B[@-_]/g, '')
			.split(/\r?\n|\r/)
	);
}

function shellQuote(value: string): string {
	return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
