// A tenant whose names carry escape sequences, bidi overrides and invisible characters, through the
// screens that show them: every frame shows the payloads as escapes, none raw.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {hostileTenantFile, ordinaryName, terminalProblems} from '../helpers/hostile.js';
import {keys, renderApp} from '../helpers/ink.js';
import {tempStateDir} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('hostile tenant text in the TUI', () => {
	it('every screen shows the payloads escaped: licenses, a product, the confirmation and its PowerShell, Active users, the guide, Reclaim', async () => {
		const store = await openStore({backend: new LocalTenant(hostileTenantFile(), 'snapshot'), stateFile: openStateFile(tempStateDir())});
		const app = renderApp(store);
		cleanup = app.unmount;
		const licenses = await app.waitFor('PWNED-TITLE');
		// The organisation, the admin and the unknown product's part number, shown as escapes.
		expect(licenses).toContain('Contoso \\u001b]0;PWNED-TITLE\\u0007\\u001b[2J\\u001b[H Ltd');
		expect(licenses).toContain('megan\\u001b]52;c;cm0gLXJmIH4=\\u0007.bowen@');

		await app.press(keys.enter);
		await app.waitFor('Licenses › EVIL');
		await app.press(keys.space, 'u');
		await app.waitFor('Unassign EVIL');
		await app.press('c');
		const commands = await app.waitFor('Set-MgUserLicense');
		// Lee Gu's UPN carries the clipboard payload: in PowerShell it is joined in as [char] values.
		expect(commands).toContain("[char]0x001B + ']52;c;cm0gLXJmIH4=' + [char]0x0007");
		await app.press(keys.escape);
		await app.waitFor('1 selected');
		await app.press('2');
		// Sorted by display name, the payloads come first; ordinary writing is found by the filter.
		expect(await app.waitFor('Active users (')).toContain('\\u202egnp.exe');
		await app.press('/', ...'søren', keys.enter);
		await app.waitFor(ordinaryName);
		await app.press('3');
		await app.waitFor('Step 1 of 4');
		// Reclaim: Lidia holds Visio through the group, whose name attacks the terminal.
		await app.press('4', '/', ...'lidia', keys.enter);
		const reclaim = await app.waitFor('also through');
		expect(reclaim).toContain('Lidia Holloway');

		expect(app.frames.length).toBeGreaterThan(5);
		for (const frame of app.frames) expect(terminalProblems(frame, {ink: true})).toEqual([]);
	});

	it("no screen draws with Ink's own Text: every word goes through the one that makes it safe", () => {
		const root = fileURLToPath(new URL('../../source', import.meta.url));
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap(name => {
				const path = join(dir, name);
				return statSync(path).isDirectory() ? files(path) : [path];
			});
		const offenders = files(root).filter(
			file =>
				/\.tsx?$/.test(file) &&
				!file.endsWith(join('components', 'Text.tsx')) &&
				/import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*'ink'/.test(readFileSync(file, 'utf8')),
		);
		expect(offenders).toEqual([]);
	});
});
