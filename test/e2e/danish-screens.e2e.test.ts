// Every screen in Danish, by keys in the built app: at 80×24 and at the smallest size (60×16), each
// screen says no English word (a word said outside the text module would), no line is too long, and
// what Danish says at greater length is laid out whole: the Manage prompt under an intact title, the
// user's line, Frigør's detail of a blocked leaver, the read-only header and its banner.
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {englishOn} from '../helpers/english.js';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** Keys, then what the screen they lead to says (lines joined, frames and runs of spaces as one space), by its width where that differs. */
type Shows = string | RegExp;
type Step = [keys: string[], shows: Shows | ((columns: number) => Shows)];

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
	// Each line whole, what to type right above the field, however little room there is.
	[
		['D'],
		/Slet bruger: Adele Vance Brugerens licenser frigøres med det samme: Office 365 E3\.[\s\S]* Skriv brugernavnet \(adele\.vance@contoso\.com\) for at slette, og tryk enter; esc annullerer\. Brugernavn:/,
	],
	[['Escape'], /Aktive brugere \(47/],
	[['Space', 'j', 'Space', 'm'], '2 brugere valgt'],
	// The prompt wraps where it must, under the title and the count it used to write over.
	[['Enter'], /\nAdministrer produktlicenser *\n2 brugere valgt *\nTildel flere produkter: markér produkterne \(mellemrum\), og/],
	[[], 'Tildel flere produkter: markér produkterne (mellemrum), og tryk derefter Gem ændringer (s).'],
	[['Escape'], '2 brugere valgt'],
	[['Escape'], /Aktive brugere \(47/],
	[['/', 'lidia', 'Enter'], 'filter: lidia'],
	// Who the user is, whole: at 60 columns the part that does not fit goes to a line of its own.
	[['Enter'], /Aktive brugere › Lidia Holloway lidia\.holloway@contoso\.com · Logon tilladt( ·)? Brugsplacering US Licenser og apps/],
	[['G', 'x'], 'Fjern Lidia Holloway fra Visio Users og dermed de licenser, gruppen'],
	[['Escape'], 'Visio Plan 2 også via Visio Users'],
	[['Escape'], 'filter: lidia'],
	[['4'], 'Overflødige ('],
	// Allan Deyoung's mailbox is on hold: the advice names the plan a shared mailbox still needs, whole where the list leaves room.
	[['Tab'], columns => (columns >= 80 ? 'som delt postkasse kræver den stadig Exchange Online (Plan 2).' : '[Logon blokeret (')],
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
		for (const [keys, step] of tour) {
			if (keys.length > 0) session.keys(...keys);
			const shows = typeof step === 'function' ? step(columns) : step;
			const screen = await session.waitFor(text =>
				typeof shows === 'string' ? flat(text).includes(shows) : shows.test(shows.source.startsWith('\\n') ? text : flat(text)),
			);
			expect(englishOn(screen), screen).toEqual([]);
			// What the app drew, not what the terminal shows: a line too wide would be wrapped or cut there.
			expect(session.widestLine(), screen).toBeLessThanOrEqual(columns);
		}
		// The rule under the header takes the whole width: the lines measured are the app's.
		expect(session.widestLine()).toBe(columns);
	});

	it.each([
		[80, 24],
		[60, 16],
	])('at %i×%i, read-only: the badge apart from the tabs, the banner whole above the title', async (columns, rows) => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir(), '--lang', 'da', '--as', 'lee.gu@contoso.com']);
		session.resize(columns, rows);
		const screen = await session.waitFor(text => /\n *Produkt +Tildelt/.test(text));
		const lines = screen.split('\n');
		expect(lines[0]).toMatch(/^\S+ \[kun læseadgang\] +\[1 Licenser\] 2 /);
		// The banner's lines, then the title on a line of its own: nothing drawn over it.
		const title = lines.findIndex(line => /^Licenser( |$)/.test(line));
		expect(flat(lines.slice(2, title).join('\n')).trim()).toBe(
			'Kun læseadgang: lee.gu@contoso.com er Helpdesk-administrator; licensændringer kræver rollen Global administrator, Licensadministrator eller Brugeradministrator.',
		);
		expect(englishOn(screen), screen).toEqual([]);
		expect(lines.filter(line => line.length > columns)).toEqual([]);
	});
});
