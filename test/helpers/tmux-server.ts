// Vitest's global setup: one tmux server for the whole run, on its own socket, kept up between
// sessions and stopped at the end. With the shared default server, killing the last session stops
// it, and a session started in that moment fails ("server exited unexpectedly").
import {execFileSync, spawnSync} from 'node:child_process';

export default function setup(): (() => void) | undefined {
	if (spawnSync('tmux', ['-V']).status !== 0) return undefined;
	const socket = `m365-e2e-${process.pid}`;
	// The test files' processes inherit this.
	process.env['M365_E2E_TMUX_SOCKET'] = socket;
	execFileSync('tmux', ['-L', socket, 'start-server', ';', 'set-option', '-g', 'exit-empty', 'off']);
	return () => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	};
}
