// Every screen in Danish, by keys in the built app: at 80×24 and at the smallest size (60×16), each
// screen says no English word (a word said outside the text module would) and no line is too long.
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {englishOn} from '../helpers/english.js';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** Keys, then what the screen they lead to says (lines joined, frames and runs of spaces as one space). */
type Step = [keys: string[], shows: string | RegExp];

const flat = (screen: string) => screen.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

// esc is a step of its own: esc and a key sent together read as alt and that key.
const tour: Step[] = [
	[[], 'enter Åbn produkt'],
	[['?'], 'Taster · side 1 af'],
	[['j'], 'Taster · side 2 af'],
	[['j'], 'Taster · side 3 af'],
	[['Escape'], 'enter Åbn produkt'],
	[['Enter'], 'Licenser › Exchange Online (Plan 1)'],
	[['+'], 'Tildel licenser › Exchange Online (Plan 1)'],
	[['Escape'], 'Licenser › Exchange Online (Plan 1)'],
	[['Space', 'u'], 'Fjern tildeling af Exchange Online (Plan 1) fra 1 bruger?'],
	[['c'], 'Tilsvarende kommandoer'],
	[['Escape'], /Licenser › Exchange Online \(Plan 1\)(?![\s\S]*Tilsvarende)/],
	[['2'], 'Aktive brugere (47 brugere)'],
	[['f'], 'Filter: hvilke brugere der vises'],
	[['Escape'], /Aktive brugere \(47/],
	[['o'], 'Sortér brugere efter'],
	[['Escape'], /Aktive brugere \(47/],
	[['d'], 'Ingen slettede brugere.'],
	[['Escape'], /Aktive brugere \(47/],
	[['D'], 'Slet bruger: Adele Vance'],
	[['Escape'], /Aktive brugere \(47/],
	[['Space', 'j', 'Space', 'm'], '2 brugere valgt'],
	[['Enter'], 'markér produkterne'],
	[['Escape'], '2 brugere valgt'],
	[['Escape'], /Aktive brugere \(47/],
	[['/', 'lidia', 'Enter'], 'filter: lidia'],
	[['Enter'], 'Aktive brugere › Lidia Holloway'],
	[['G', 'x'], 'Fjern Lidia Holloway fra Visio Users og dermed de licenser, gruppen'],
	[['Escape'], 'Visio Plan 2 også via Visio Users'],
	[['Escape'], 'filter: lidia'],
	[['4'], 'Overflødige ('],
	[['Tab'], '[Logon blokeret ('],
	[['Tab'], '[Inaktive 90 d ('],
	[['Space', 'u'], 'Fjern tildeling af 1 licens fra 1 bruger?'],
	[['y'], 'Næste trin'],
	[['Enter'], 'Frigør licenser'],
	[['3'], 'Trin 1 af 4: vælg et produkt'],
	[['Enter'], 'Trin 2 af 4: vælg brugere'],
	[['Space', 'Enter'], 'Trin 3 af 4: læs, hvad der sker'],
	[['Enter'], 'Trin 4 af 4: bekræft'],
	[['y'], 'Rapporten er gemt:'],
];

describe.runIf(run)('every screen in Danish', () => {
	it.each([
		[80, 24],
		[60, 16],
	])('at %i×%i: no English word, no line too long', async (columns, rows) => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir(), '--lang', 'da'], {}, {record: join(tempStateDir(), 'terminal.bytes'), size: {columns, rows}});
		for (const [keys, shows] of tour) {
			if (keys.length > 0) session.keys(...keys);
			const screen = await session.waitFor(text => (typeof shows === 'string' ? flat(text).includes(shows) : shows.test(flat(text))));
			expect(englishOn(screen), screen).toEqual([]);
			// What the app drew, not what the terminal shows: a line too wide would be wrapped or cut there.
			expect(session.widestLine(), screen).toBeLessThanOrEqual(columns);
		}
		// The rule under the header takes the whole width: the lines measured are the app's.
		expect(session.widestLine()).toBe(columns);
	});
});
