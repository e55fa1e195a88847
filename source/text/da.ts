// Every word the app shows in Danish, in the Microsoft 365 admin center's own Danish terms (from
// Microsoft's article "Fjern licenser fra brugere" and the admin center: Licenser, Aktive brugere,
// Fjern tildeling, Licenser og apps, Gem ændringer, Administrer produktlicenser, Udført, Brugernavn,
// Opdater, Hvad sker der?, Produkt uden licens, respitperiode, annulleringsvinduet, tilbagevendende
// fakturering, Fakturering > Dine produkter, the roles as Global administrator, Licensadministrator,
// Brugeradministrator, Helpdesk-administrator). Product names stay as Microsoft names them. Typed
// Strings: a key missing here, or one too many, fails the type-check. Dates as 25.12.2026, times as
// 07.12.2026 kl. 02:24 (UTC), numbers as 1.000.
import type {Progress} from '../domain/progress.js';
import type {ReducedTo, ReducibleKind} from '../domain/capabilities.js';
import type {Consequence, ConsequenceKind, UserConsequences} from '../domain/consequences.js';
import type {GroupRemovalReason} from '../domain/groups.js';
import type {Outcome} from '../domain/plan.js';
import type {SkipReason} from '../domain/rules.js';
import {en, levelWordsOf, reducedKey, stop, type ChangeCounts, type Strings} from './en.js';
import {outcomeSummary} from './outcome-summary.js';

// Made on first use: loading the locale's data costs 20-30 ms, which a start in English need not pay.
let numbers: Intl.NumberFormat | undefined;
/** 1.000 */
const tal = (n: number) => (numbers ??= new Intl.NumberFormat('da-DK')).format(n);
/** "1 bruger", "2 brugere" */
const flertal = (n: number, one: string, many: string) => `${tal(n)} ${n === 1 ? one : many}`;
const brugere = (n: number) => flertal(n, 'bruger', 'brugere');
const licenser = (n: number) => flertal(n, 'licens', 'licenser');
/** "1 tilgængelig", "3 tilgængelige" */
const tilgængelige = (n: number) => flertal(n, 'tilgængelig', 'tilgængelige');
const er = (n: number, one: string, many: string) => `er ${n === 1 ? one : many}`;

/**
 * A name in the genitive, the one way Danish text makes one: "Adele Vances"; after s, x or z only an
 * apostrophe ("Ben Walters'", "Max'", "Fritz'"); after an abbreviation in capitals, an address or a
 * number, an apostrophe and s ("HR's", "lee.gu@contoso.com's", "Team 7's").
 */
export function ejefald(name: string): string {
	if (/[@/.]\S*$|[^\p{L}]$|(^|[^\p{L}])\p{Lu}{2,}$/u.test(name)) return `${name}'s`;
	return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

/** A moment (ISO, UTC) as a Danish admin reads it: 07.12.2026 kl. 02:24 (UTC). ISO stays in --json. */
function tidspunkt(iso: string): string {
	const time = new Date(iso);
	if (Number.isNaN(time.getTime())) return iso;
	const to = (n: number) => String(n).padStart(2, '0');
	return `${to(time.getUTCDate())}.${to(time.getUTCMonth() + 1)}.${time.getUTCFullYear()} kl. ${to(time.getUTCHours())}:${to(time.getUTCMinutes())} (UTC)`;
}

/** "2026-12-25" as 25.12.2026; a time after it stays, with a space for the T. */
const dag = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})(T?)/, (_, y: string, m: string, d: string, t: string) => `${d}.${m}.${y}${t ? ' ' : ''}`);

/** "a, b og c" */
const liste = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`);

/** "a, b eller c" */
const ellerListe = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1)}`);

/**
 * A directory role as the Danish admin center names it (Microsoft's "Om administratorroller i
 * Microsoft 365 Administration"); Graph names them in English whatever the language. A role not
 * listed keeps Graph's name.
 */
const rollenavne: Record<string, string> = {
	'Global Administrator': 'Global administrator',
	'License Administrator': 'Licensadministrator',
	'User Administrator': 'Brugeradministrator',
	'Helpdesk Administrator': 'Helpdesk-administrator',
	'Billing Administrator': 'Faktureringsadministrator',
	'Global Reader': 'Global læser',
	'Groups Administrator': 'Gruppeadministrator',
	'Password Administrator': 'Adgangskodeadministrator',
	'Exchange Administrator': 'Exchange-administrator',
	'SharePoint Administrator': 'SharePoint-administrator',
	'Teams Administrator': 'Administrator af Teams',
	'Office Apps Administrator': 'Administrator af Office-apps',
	'Power Platform Administrator': 'Administrator af Power Platform',
	'Service Support Administrator': 'Administrator af tjenestesupport',
	'Message Center Reader': 'Meddelelsescenter-læser',
	'Reports Reader': 'Rapportlæser',
	'Directory Readers': 'Mappelæser',
	'Guest Inviter': 'Gæsteinviterer',
};
const rolle = (name: string) => rollenavne[name] ?? name;
/** The roles that may change licenses, any one of them. */
const licensroller = 'Global administrator, Licensadministrator eller Brugeradministrator';

const roller = (roles: readonly string[]) => (roles.length > 0 ? `er ${liste(roles.map(rolle))}` : 'har ingen administratorrolle');

/** What happens to the mail of a user who loses their mailbox, with what is known of holds. */
function postensSkæbne(user: UserConsequences): string {
	const slettes = `mails slettes permanent ${dag(user.mailboxDeletedOn ?? '')}, medmindre en licens tildeles igen inden da`;
	if (user.hold) return `${slettes}; det, tilbageholdelsen dækker, bevares dog`;
	if (!user.holdsVisible) return `${slettes}; tilbageholdelser kan ikke ses herfra, og en tilbageholdelse bevarer det, den dækker`;
	return slettes;
}

const lostPhrase: Record<ConsequenceKind, (user: UserConsequences, change: Consequence) => string> = {
	mailbox: user => `mister postkassen: ${postensSkæbne(user)}`,
	archive: () => 'mister arkivpostkassen',
	onedrive: user =>
		`mister OneDrive: filerne slettes ikke; de arkiveres ${dag(user.oneDriveArchivedOn ?? '')}, medmindre en licens tildeles igen inden da (ikke i EDU-, GCC- eller DoD-lejere)`,
	'office-apps': (_, change) =>
		change.from === 'desktop' ? 'mister Office-apps ("Produkt uden licens", begrænset funktionalitet)' : 'mister Office på internettet og mobilenheder',
	teams: () => 'mister Teams',
};

/** Each documented level, as a reduction names its two ends: "fra 100 GB til 50 GB". */
const niveau = levelWordsOf({
	mailbox: {kiosk: '2 GB (Exchange Online Kiosk)', '50gb': '50 GB', '100gb': '100 GB'},
	archive: {'50gb': '50 GB', 'auto-expanding': 'automatisk udvidende (op til 1,5 TB)'},
	onedrive: {basic: 'OneDrive for Business (Basic)', '2gb': '2 GB', full: 'fuld størrelse'},
	'office-apps': {
		'web-read': 'skrivebeskyttet på internettet og mobilenheder',
		web: 'Office på internettet og mobilenheder',
		desktop: 'Office-skrivebordsapps',
	},
});

const reduceretNavn: Record<ReducibleKind, string> = {mailbox: 'postkassen', archive: 'arkivet', onedrive: 'OneDrive', 'office-apps': 'Office'};

/** What a reduction to this level also means. */
const reduceretHale: Partial<Record<ReducedTo, string>> = {
	'archive/50gb': ': muligheden for procesmæssig tilbageholdelse og inaktiv postkasse mistes',
	'onedrive/2gb': ' og er skrivebeskyttet, så længe den fylder mere',
};

/** Office is not made smaller: it loses its desktop apps, or becomes read-only. */
const officeReduceret: Partial<Record<ReducedTo, string>> = {
	'office-apps/web': 'mister Office-skrivebordsapps og beholder Office på internettet og mobilenheder (skrivebordsapps viser "Produkt uden licens")',
	'office-apps/web-read': 'Office bliver skrivebeskyttet og kun tilgængelig på internettet og mobilenheder',
};

function reducedPhrase(change: Consequence): string {
	const office = officeReduceret[reducedKey(change)];
	if (office) return office;
	const fra = niveau(change.kind, change.from);
	return `${reduceretNavn[change.kind as ReducibleKind]} reduceres ${fra ? `fra ${fra} ` : ''}til ${niveau(change.kind, change.to)}${reduceretHale[reducedKey(change)] ?? ''}`;
}

/** Each kind in its definite form, for what is not documented: "hvad der er tilbage af postkassen". */
const bestemt: Record<ConsequenceKind, string> = {
	mailbox: 'postkassen',
	archive: 'arkivpostkassen',
	onedrive: 'OneDrive',
	'office-apps': 'Office-apps',
	teams: 'Teams',
};

/** Each kind as the admin's own: "din postkasse". */
const egenArt: Record<ConsequenceKind, string> = {
	mailbox: 'din postkasse',
	archive: 'din arkivpostkasse',
	onedrive: 'dit OneDrive',
	'office-apps': 'dine Office-apps',
	teams: 'Teams',
};

function undocumentedPhrase(change: Consequence): string {
	const nu = niveau(change.kind, change.from);
	return `hvad der er tilbage af ${bestemt[change.kind]}, er ikke dokumenteret${nu ? ` (nu ${nu})` : ''}`;
}

const reducedAloud: Record<ReducedTo, (name: string, from: string | null) => string> = {
	'mailbox/kiosk': (name, fra) => `${ejefald(name)} postkasse bliver reduceret${fra ? ` fra ${fra}` : ''} til 2 GB.`,
	'mailbox/50gb': (name, fra) => `${ejefald(name)} postkasse bliver reduceret fra ${fra} til 50 GB.`,
	'archive/50gb': (name, fra) =>
		`${ejefald(name)} arkivpostkasse bliver reduceret fra ${fra} til 50 GB og kan ikke længere være under procesmæssig tilbageholdelse eller bevares som inaktiv postkasse.`,
	'onedrive/2gb': (name, fra) => `${ejefald(name)} OneDrive bliver reduceret fra ${fra} til 2 GB og er skrivebeskyttet, så længe den fylder mere.`,
	'onedrive/basic': (name, fra) => `${ejefald(name)} OneDrive bliver reduceret fra ${fra} til den grundlæggende OneDrive, der følger med et andet produkt.`,
	'office-apps/web': name => `${name} mister Office-skrivebordsapps og beholder Office på internettet og mobilenheder.`,
	'office-apps/web-read': name =>
		`For ${name} bliver Office skrivebeskyttet og kun tilgængelig på internettet og mobilenheder: dokumenter kan læses, ikke redigeres.`,
};

const outcomeWords: Record<Outcome, (n: number) => string> = {
	removed: n => `${licenser(n)} fjernet`,
	assigned: n => `${licenser(n)} tildelt`,
	updated: n => `apps ændret i ${licenser(n)}`,
	skipped: n => `${brugere(n)} sprunget over`,
	failed: n => `mislykkedes for ${brugere(n)}`,
	'not-sent': n => `ikke sendt for ${brugere(n)}`,
	unknown: n => `ukendt for ${brugere(n)} (svaret fra Graph gik tabt)`,
};

/** The --json ids of outcomes and audit actions, as the command line's text says them. */
const outcomeIds: Record<string, string> = {
	removed: 'fjernet',
	'would-remove': 'fjernes',
	skipped: 'sprunget over',
	failed: 'mislykkedes',
	'not-sent': 'ikke sendt',
	unknown: 'ukendt',
	assigned: 'tildelt',
	updated: 'ændret',
	deleted: 'slettet',
	restored: 'gendannet',
	discarded: 'kasseret',
	'left-group': 'forlod gruppen',
};
const actionIds: Record<string, string> = {
	unassign: 'fjern tildeling',
	assign: 'tildel',
	'change-apps': 'ændr apps',
	'delete-user': 'slet bruger',
	'restore-user': 'gendan bruger',
	reset: 'nulstil',
	'remove-from-group': 'fjern fra gruppe',
};

const viaGrupper = (groups: string) => `via ${groups}`;
const ogsåVia = (groups: string) => `også via ${groups}`;

/** csv-parse's problems with a file a person made, by code. */
const csvProblemer: Record<string, string> = {
	CSV_QUOTE_NOT_CLOSED: 'et anførselstegn lukkes aldrig',
	INVALID_OPENING_QUOTE: 'et anførselstegn står midt i et felt',
	CSV_INVALID_CLOSING_QUOTE: 'der står tegn efter et afsluttende anførselstegn',
	CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'der står tegn efter et afsluttende anførselstegn',
	CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'linjen har et andet antal felter end overskriften',
	CSV_RECORD_INCONSISTENT_COLUMNS: 'linjen har et andet antal felter end overskriften',
	CSV_MAX_RECORD_SIZE: 'en linje er for lang',
};

/** The users not sent, and those whose outcome is not known, when there are any. */
const ikkeUdført = (s: ChangeCounts) =>
	(s.notSent > 0 ? `, ikke sendt for ${brugere(s.notSent)}` : '') + (s.unknown > 0 ? `, ukendt for ${brugere(s.unknown)} (næste start læser dem igen)` : '');
/** De brugere, der ikke blev udført, efter resultatet; intet, når alle blev udført. */
const ikkeAlle = (s: ChangeCounts) =>
	s.skipped + s.failed + s.notSent + s.unknown > 0 ? `; ${brugere(s.skipped)} sprunget over, mislykkedes for ${brugere(s.failed)}${ikkeUdført(s)}` : '';

export const da: Strings = {
	list: liste,
	number: tal,
	day: dag,
	time: tidspunkt,
	window: (first, last, count) => `${tal(first)}–${tal(last)} af ${tal(count)}`,
	keys: {
		/** The footer's end where keys are left out: "… ? mere" (help lists them). */
		more: 'mere',
		labels: {
			quit: 'Afslut',
			help: 'Hjælp',
			back: 'Tilbage',
			screenLicenses: 'Licenser',
			screenUsers: 'Aktive brugere',
			screenGuide: 'Guidet fjernelse',
			screenReclaim: 'Frigør licenser',
			screenTenants: 'Lejere (når lejere er tilføjet)',
			refresh: 'Opdater',
			up: 'Op',
			down: 'Ned',
			pageUp: 'Side op',
			pageDown: 'Side ned',
			first: 'Første',
			last: 'Sidste',
			open: 'Åbn produkt',
			tick: 'Markér',
			tickAll: 'Markér alle viste',
			filter: 'Filtrer',
			unassign: 'Fjern tildeling af licenser',
			assign: 'Tildel licenser',
			manage: 'Administrer produktlicenser',
			save: 'Gem ændringer',
			expand: 'Vis apps',
			collapse: 'Skjul apps',
			done: 'Udført',
			reassign: 'Tildel frigjorte licenser',
			deleteUser: 'Slet bruger',
			deletedUsers: 'Slettede brugere',
			restore: 'Gendan bruger',
			removeFromGroup: 'Fjern fra gruppe',
			next: 'Næste trin',
			previous: 'Forrige trin',
			commands: 'Tilsvarende kommandoer',
			scrollUp: 'Rul op',
			scrollDown: 'Rul ned',
			focusNext: 'Skift knap',
			press: 'Tryk på knappen',
			confirm: 'Bekræft',
			cancel: 'Annuller',
			stop: 'Stop afsendelsen',
			type: 'Skriv; tilbagetasten sletter',
			finishTyping: 'Færdig med at skrive',
			moveCursor: 'Flyt i teksten',
			choose: 'Vælg',
			filterUsers: 'Filtrer brugere',
			sortUsers: 'Sortér brugere',
			interrupt: 'Afslut (stopper og gemmer først en ændring, der sendes)',
			cancelSignIn: 'Annuller logon og handlingen',
		},
		names: {space: 'mellemrum'},
		inContext: {
			users: {open: 'Licenser og apps'},
			groups: {open: 'Vælg gruppe'},
			assign: {save: 'Tildel'},
			user: {tick: 'Markér eller afmarkér'},
			manage: {tick: 'Markér et produkt'},
			reclaim: {focusNext: 'Næste afsnit', previous: 'Forrige afsnit'},
		},
		contexts: {
			always: 'Altid',
			signIn: 'Mens en logonkode vises',
			global: 'Overalt',
			list: 'Lister',
			checklist: 'Lister med afkrydsning',
			licenses: 'Licenser',
			product: 'Et produkt',
			assign: 'Tildel licenser',
			users: 'Aktive brugere',
			user: 'En bruger: Licenser og apps',
			manage: 'Administrer produktlicenser',
			dialog: 'Bekræftelse',
			result: 'Resultater',
			next: 'Næste trin',
			guide: 'Guidet fjernelse',
			deleted: 'Slettede brugere',
			groups: 'Fjern fra gruppe: hvilken gruppe',
			sending: 'Mens en ændring sendes',
			reclaim: 'Frigør licenser',
			text: 'Når der skrives i et felt',
			choice: 'Valg fra en liste',
		},
		notes: {
			text: 'Ctrl-A og Ctrl-E går til starten og slutningen, Alt-B og Alt-F et ord tilbage og frem; Ctrl-U og Ctrl-K sletter til starten og til slutningen, Ctrl-W ordet før markøren.',
			always:
				'Ctrl-C, mens en ændring sendes, stopper afsendelsen: svarene på det sendte afventes (højst 5 s), og hvert resultat registreres, før appen lukker. Trykkes Ctrl-C igen, lukker appen med det samme; næste start afklarer ændringen.',
			users:
				'/ søger også i produkter; product:NAVN. f viser brugere med eller uden licens, med logon blokeret eller med et produkt; o sorterer efter vist navn, brugernavn eller licenser.',
			user: 'esc går ud uden at gemme. → viser et produkts apps: mellemrum slår en fra eller til.',
			sending: 'Svarene på det, der allerede er sendt, afventes; brugere, hvis ændring endnu ikke er sendt, meldes "Ikke sendt".',
			reclaim: 'a markerer hele afsnittet. [-]: vist, men ikke tilbudt (via en gruppe, selvbetjening eller ikke sammen med en anden).',
		},
	},
	screens: {licenses: 'Licenser', users: 'Aktive brugere', guide: 'Guidet fjernelse', reclaim: 'Frigør licenser'},
	tabShort: {licenses: 'Licenser', users: 'Brugere', guide: 'Guide', reclaim: 'Frigør'},
	guide: {
		step: (n, title) => `Trin ${n} af 4: ${title}`,
		titles: ['vælg et produkt', 'vælg brugere', 'læs, hvad der sker', 'bekræft'],
		chooseProduct: 'Vælg det produkt, der skal fjernes fra personer. ↑ og ↓ flytter, enter vælger.',
		chooseUsers: product => `Markér, hvem der skal miste ${product}: mellemrum markerer, / søger.`,
		readIntro: 'Læs dette op for den, der bad om det, før du går videre.',
		selfService: 'selvbetjeningskøb: tildelingen kan ikke fjernes her',
		assigned: n => `${tal(n)} tildelt`,
		tickFirst: 'Markér mindst én person først (mellemrum).',
		notAllowed: (upn, roles) => `${upn} ${roller(roles)}: at fjerne tildelinger kræver rollen ${licensroller}. Bed en, der har en af rollerne, om at gøre det.`,
		aloud: {
			kind: {
				mailbox: 'sin postkasse',
				archive: 'sin arkivpostkasse',
				onedrive: 'OneDrive',
				'office-apps': 'Office-apps',
				teams: 'Teams',
			},
			intro: (product, names) => `Du er ved at fjerne ${product} fra ${stop(names)}`,
			dependents: (addOns, product) => `${liste(addOns)} fjernes også: ${addOns.length === 1 ? 'det afhænger' : 'de afhænger'} af ${product}.`,
			keptThroughGroup: (name, product, groups) => `${name} beholder ${product} via gruppen ${groups}: kun den licens, der er tildelt direkte, fjernes.`,
			loses: (name, kinds) => `${name} mister ${stop(kinds)}`,
			reduced: (name, change) => reducedAloud[reducedKey(change)](name, niveau(change.kind, change.from)),
			undocumented: (name, kind) => `Hvad ${name} beholder af ${kind}, er ikke dokumenteret.`,
			keeps: (name, kind, products) => `${name} beholder ${kind} via ${stop(products)}`,
			nothing: name => `${name} mister ingen postkasse, OneDrive, Office-apps eller Teams.`,
			hold: name => `${ejefald(name)} postkasse er under tilbageholdelse: det, tilbageholdelsen dækker, bevares.`,
			unrecognised: (name, plans) => `${name} mister også tjenesteplaner, som denne app ikke kender: ${stop(plans)}`,
			holdsHidden: 'Denne app kan ikke se, om en postkasse er under tilbageholdelse. En tilbageholdelse bevarer det, den dækker.',
			mailbox: date =>
				`Mails bevares i en respitperiode på 30 dage, til ${dag(date)}, og slettes derefter permanent. Tildeles en licens igen inden for respitperioden, kommer de tilbage.`,
			archive: 'Arkivpostkassen følger den licens, der gav den.',
			onedrive: date =>
				`OneDrive-filer slettes ikke. Den ${dag(date)}, 93 dage efter at licensen er fjernet, arkiveres de: personen får adgang til dem igen med en licens, og en administrator kan kun få adgang til dem via det betalte Microsoft 365 Archive. Det sker ikke i EDU-, GCC- eller DoD-lejere.`,
			'office-apps': 'Office-apps på brugerens computere viser "Produkt uden licens" og beder om at blive aktiveret.',
			teams: 'Brugeren har ikke længere licens til Microsoft Teams.',
			skipped: (name, reason) => `${name} springes over: ${stop(reason)}`,
		},
		doneTitle: 'Færdig',
		report: path => `Rapporten er gemt: ${path}`,
		again: 'Enter starter en ny guidet fjernelse.',
		reportTitle: 'Rapport over guidet fjernelse',
		reportFields: {tenant: 'Lejer', doneBy: 'Udført af', started: 'Startet', finished: 'Afsluttet', product: 'Produkt', outcome: 'Resultat'},
		reportDone: 'Udført pr. bruger',
		reportColumns: ['Bruger', 'Produkt', 'Resultat', 'Årsag'],
		reportShown: 'Vist før bekræftelsen',
		leaving: path => `Rapport over guidet fjernelse: ${path}`,
	},
	readOnly: {
		badge: 'kun læseadgang',
		banner: (upn, roles) => `Kun læseadgang: ${upn} ${roller(roles)}; licensændringer kræver rollen ${licensroller}.`,
		status: `Kun læseadgang: det kræver rollen ${licensroller}.`,
	},
	licenses: {
		product: 'Produkt',
		assigned: 'Tildelt',
		available: 'Tilgængelige',
		total: 'I alt',
		none: 'Denne lejer har ingen produkter.',
	},
	product: {
		subscription: 'Abonnements-id',
		status: 'Status',
		licenses: 'Licenser',
		users: brugere,
		selected: n => `${tal(n)} valgt`,
		noUsers: 'Ingen brugere har dette produkt.',
		noMatch: query => `Ingen brugere matcher "${query}".`,
		selfService: owner =>
			`Selvbetjeningskøb foretaget af ${owner}: en administrator skal overtage abonnementet, før dets licenser kan tildeles, eller tildelingen kan fjernes.`,
		selfServiceShort: 'Selvbetjeningskøb: en administrator skal først overtage abonnementet.',
		selfServiceBeside: owner =>
			`Nogle licenser er ${ejefald(owner)} selvbetjeningskøb, som en administrator skal overtage, før de kan ændres; virksomhedens kan ændres. Microsoft afgør det for hver bruger.`,
		groupOnly: viaGrupper,
		alsoGroup: ogsåVia,
		disabled: 'Logon blokeret',
		statuses: {Enabled: 'Aktiv', Warning: 'Advarsel', Suspended: 'Suspenderet', Deleted: 'Slettet', LockedOut: 'Låst'},
	},
	users: {
		name: 'Vist navn',
		upn: 'Brugernavn',
		licenses: 'Licenser',
		unlicensed: 'Uden licens',
		count: brugere,
		countOf: (shown, all) => `${tal(shown)} af ${brugere(all)}`,
		noneShown: 'Ingen brugere vises: f vælger et andet filter.',
		manageNeedsTwo: 'Administrer produktlicenser: markér to eller flere brugere (for én bruger: tryk enter).',
		filterTitle: 'Filter: hvilke brugere der vises',
		sortTitle: 'Sortér brugere efter',
		filters: {all: 'Alle brugere', licensed: 'Brugere med licens', unlicensed: 'Brugere uden licens', blocked: 'Logon blokeret'},
		productFilter: product => `Med ${product}`,
		sorts: {displayName: 'Vist navn', userPrincipalName: 'Brugernavn', licenses: 'Licenser'},
		sortedBy: by => `sorteret efter ${by.toLowerCase()}`,
	},
	user: {
		resultsTitle: name => `Licenser og apps for ${name}: resultater`,
		signInAllowed: 'Logon tilladt',
		usageLocation: code => `Brugsplacering ${code}`,
		licensesAndApps: 'Licenser og apps',
		available: tilgængelige,
		willAssign: 'tildeles',
		willRemove: 'fjernes',
		appsNote: 'Apps: mellemrum slår en fra eller til; s gemmer.',
		appsChanged: 'apps ændres',
		tickProductFirst: 'Markér produktet først: dets apps følger med det.',
		appNeeded: dependents => `${dependents} afhænger af denne app: slå den fra (eller fjern tildelingen af den) først.`,
		noChanges: 'Ingen ændringer at gemme.',
		mailboxWindow: date => `Postkassen slettes permanent ${dag(date)}, medmindre en licens tildeles igen inden da.`,
		saveTitle: 'Gem ændringer',
		saveQuestion: name => `Gem disse ændringer for ${name}?`,
		assignLine: product => `+ Tildel ${product}`,
		removeLine: product => `− Fjern tildeling af ${product}`,
		changeLine: (product, off, on) => `~ Ændr apps i ${product}: ${[off ? `slå ${off} fra` : '', on ? `slå ${on} til` : ''].filter(Boolean).join('; ')}`,
		appsOff: apps => `apps slået fra: ${apps}`,
		groupReason: groups => `licenseret via ${groups}; fjern brugeren fra gruppen i stedet`,
		dependent: bases => `afhænger af ${bases}: fjernes sammen med det`,
		alsoRemoves: addOns => `fjerner også ${addOns}, som afhænger af det`,
		groupLocked: groups => `Tildelt via ${groups}: x fjerner brugeren fra gruppen og dermed de licenser, gruppen giver.`,
		notThroughGroup: 'Dette produkt er ikke tildelt via en gruppe: mellemrum fjerner markeringen.',
	},
	manage: {
		title: 'Administrer produktlicenser',
		users: n => `${brugere(n)} valgt`,
		assignMore: 'Tildel flere produkter',
		replace: 'Erstat eksisterende produkter',
		unassignAll: 'Fjern tildeling af alle',
		explain: {
			assignMore: 'Tilføjer de produkter, du markerer; brugerne beholder det, de har i forvejen.',
			replace: 'Brugerne får de produkter, du markerer; tildelingen af alle andre produkter, de har direkte, fjernes.',
			unassignAll: 'Fjerner alle produkter fra alle valgte brugere.',
		},
		pickProducts: choice => `${choice}: markér produkterne (mellemrum), og tryk derefter Gem ændringer (s).`,
		productRow: tilgængelige,
		tickProduct: 'Markér mindst ét produkt først (mellemrum).',
		short: (product, needed, available) =>
			`Kun ${licenser(available)} til ${product} ${er(available, 'tilgængelig', 'tilgængelige')}; ${brugere(needed)} skal have en. Fjern nogle tildelinger, eller køb flere.`,
		nothingToDo: 'Intet at ændre: de valgte brugere har allerede disse produkter.',
		assignQuestion: (products, users) => `Tildel ${products} til ${brugere(users)}?`,
		replaceQuestion: (users, products) => `Erstat produkterne for ${brugere(users)} med ${products}?`,
		confirmQuestion: (users, licenses) => `Fjern tildeling af alle produkter fra ${brugere(users)} (${licenser(licenses)})?`,
		resultsTitle: 'Administrer produktlicenser: resultater',
	},
	assign: {
		title: 'Tildel licenser',
		heading: (product, available) => `Tildel licenser › ${product} · ${tilgængelige(available)}`,
		candidates: n => `${brugere(n)} har det ikke`,
		noneAvailable: (product, total) => `Ingen tilgængelige licenser til ${product}: alle ${tal(total)} er tildelt. Fjern nogle tildelinger, eller køb flere.`,
		tooMany: (ticked, available) => `Kun ${licenser(available)} ${er(available, 'tilgængelig', 'tilgængelige')}; ${brugere(ticked)} er markeret.`,
		nothingTicked: 'Tildel licenser: markér en eller flere brugere først (mellemrum, eller a for alle viste).',
		question: (product, n) => `Tildel ${product} til ${brugere(n)}?`,
		confirm: 'Tildel',
		noCandidates: 'Alle brugere har dette produkt.',
		resultsTitle: 'Tildel licenser: resultater',
	},
	unassign: {
		title: 'Fjern tildeling',
		question: (users, product, addOns = []) =>
			`Fjern tildeling af ${product} fra ${brugere(users)}${addOns.length > 0 ? ` (og ${liste(addOns)}, som afhænger af det)` : ''}?`,
		nothingToRemove: reasons => `Ingen tildeling at fjerne: ${stop(reasons)}`,
		resultsTitle: 'Fjern tildeling af licenser: resultater',
		confirm: 'Fjern tildeling',
		nothingTicked: 'Fjern tildeling af licenser: markér en eller flere brugere først (mellemrum, eller a for alle viste).',
		skippedCount: {
			'not-assigned': n => `${brugere(n)} har ikke denne licens`,
			'already-assigned': n => `${brugere(n)} har den allerede`,
			'group-assigned': n => `${brugere(n)} har den kun via en gruppe`,
			'self-service-subscription': () => 'et selvbetjeningskøb, som en administrator først skal overtage',
			'user-not-found': n => `${brugere(n)} blev ikke fundet`,
		} satisfies Record<SkipReason, (n: number) => string>,
		willSkip: n => `${brugere(n)} springes over:`,
		refused: (what, see) =>
			`afviser at ${what === 'unassign' ? 'fjerne tildelingen' : 'fjerne brugere fra gruppen'} uden bekræftelse: angiv --yes (eller ${see === 'dryRun' ? '--dry-run' : 'reclaim uden --apply'} for at se planen). Intet blev ændret.`,
		cancelled: 'annulleret. Intet blev ændret.',
		commandSummary: (dryRun, product, s) =>
			`${dryRun ? `Prøvekørsel: tildelingen af ${product} ville blive fjernet fra ${brugere(s.wouldRemove)}` : `Tildelingen af ${product} er fjernet fra ${brugere(s.removed)}`}${ikkeAlle(s)}.`,
	},
	consequences: {
		title: 'Hvad sker der?',
		changes: 'Ændringer',
		sum: {
			lost: {
				mailbox: n => `${brugere(n)} mister ${n === 1 ? 'sin postkasse' : 'deres postkasser'}`,
				archive: n => `${brugere(n)} mister ${n === 1 ? 'sin arkivpostkasse' : 'deres arkivpostkasser'}`,
				onedrive: n => `${brugere(n)} mister OneDrive`,
				'office-apps': n => `${brugere(n)} mister Office-apps`,
				teams: n => `${brugere(n)} mister Teams`,
			},
			reduced: {
				mailbox: (n: number) => `postkassen reduceret for ${brugere(n)}`,
				archive: (n: number) => `arkivet reduceret for ${brugere(n)}`,
				onedrive: (n: number) => `OneDrive reduceret for ${brugere(n)}`,
				'office-apps': (n: number) => `Office reduceret for ${brugere(n)}`,
			} satisfies Record<ReducibleKind, (n: number) => string>,
			undocumented: (kind, n) => `hvad der er tilbage af ${bestemt[kind]}, er ikke dokumenteret for ${brugere(n)}`,
			unrecognised: n => `${brugere(n)} mister tjenesteplaner, som denne app ikke kender`,
			none: n => `${brugere(n)} mister ingen postkasse, OneDrive, Office-apps eller Teams`,
		},
		// Definite: what is kept or lost is the user's own ("beholder postkassen", "mister postkassen").
		kind: {
			mailbox: 'postkassen',
			archive: 'arkivpostkassen',
			onedrive: 'OneDrive',
			'office-apps': 'Office-apps',
			teams: 'Teams',
		},
		phrase: (user, change) =>
			change.effect === 'lost' ? lostPhrase[change.kind](user, change) : change.effect === 'reduced' ? reducedPhrase(change) : undocumentedPhrase(change),
		keeps: (kind, products) => `beholder ${kind} (${products})`,
		unrecognised: plans => `mister også tjenesteplaner, som denne app ikke kender: ${plans.join(', ')}`,
		nothing: 'mister ingen postkasse, OneDrive, Office-apps eller Teams',
		hold: kind =>
			({
				'litigation-hold': 'under procesmæssig tilbageholdelse',
				'retention-policy': 'under en opbevaringspolitik',
				'retention-label': 'under en opbevaringsmærkat',
			})[kind] ?? 'under tilbageholdelse',
		explain: {
			mailbox:
				'Postkasse: mails bevares i en respitperiode på 30 dage, efter at licensen er fjernet, og slettes derefter permanent; tildeles en licens igen inden for respitperioden, gendannes postkassen. Opbevaringspolitikker, opbevaringsmærkater og tilbageholdelser bevarer det, de dækker. I mellemtiden kan postkassen ikke gennemsøges med eDiscovery. For at beholde mails uden licens skal postkassen først konverteres til en delt postkasse: det virker for en postkasse under 50 GB uden arkiv og uden procesmæssig tilbageholdelse; ellers kræver den delte postkasse stadig Exchange Online (Plan 2).',
			archive:
				'Arkivpostkasse: Exchange Online (Plan 1) giver en på 50 GB, Exchange Online (Plan 2) en, der udvides automatisk op til 1,5 TB, og med Exchange Online Archiving udvides arkivet til en postkasseplan automatisk; Exchange Online Kiosk giver ingen. Den forsvinder med den sidste licens, der gav den.',
			onedrive:
				'OneDrive: filerne slettes ikke, når licensen fjernes; de bliver, indtil brugeren slettes. Siden 27. januar 2025 arkiveres en OneDrive uden licens 93 dage efter, at licensen er fjernet: brugeren får adgang igen, når en licens tildeles, og en administrator kan kun få adgang via Microsoft 365 Archive med betaling efter forbrug; opbevaringspolitikker og tilbageholdelser gælder stadig. Dette gælder ikke for EDU-, GCC- og DoD-lejere.',
			'office-apps': 'Office-apps: skrivebordsapps får begrænset funktionalitet, viser "Produkt uden licens" og beder om aktivering.',
			teams: 'Teams: brugeren har ikke længere licens til Microsoft Teams.',
		},
		explainReduced: {
			'mailbox/kiosk': 'Exchange Online Kiosk: en postkasse på 2 GB, uden arkiv.',
			'mailbox/50gb': 'Exchange Online (Plan 1): en postkasse på 50 GB med sit eget arkiv på 50 GB.',
			'archive/50gb':
				'Arkiv på 50 GB (Exchange Online (Plan 1)): det udvides ikke. Uden Exchange Online Archiving eller Exchange Online (Plan 2) kan en postkasse ikke længere være under procesmæssig tilbageholdelse eller bevares som inaktiv postkasse.',
			'onedrive/2gb': 'OneDrive på 2 GB (SharePoint Kiosk, Microsoft 365 F1 og F3): skrivebeskyttet, så længe den fylder mere.',
		},
		holdsHidden:
			'Tilbageholdelser: Microsoft Graph oplyser ikke, om en postkasse er under tilbageholdelse, så det kan denne app heller ikke. Tjek det i Exchange Online (Get-Mailbox … LitigationHoldEnabled), før du går videre; en tilbageholdelse bevarer det, den dækker.',
		unrecognisedNote:
			'Tjenesteplaner, som denne app ikke kender, står ikke i den produkttabel fra Microsoft, den er bygget med: tjek, hvad de giver, før du går videre.',
		source:
			'Fra Microsofts dokumentation: "Fjern licenser fra brugere", "Fjern en tidligere medarbejder", "Fjern en licens fra en delt postkasse", "Exchange Online-grænser", "Exchange Online Archiving service description", "Manage unlicensed OneDrive user accounts", "Skift fra en Microsoft 365 E-plan til en Microsoft 365 F-plan".',
		mailboxBack: 'postkassen kommer tilbage: tildelt inden for respitperioden på 30 dage',
	},
	nextSteps: {
		title: 'Næste trin',
		freed: (n, product, available) => `${licenser(n)} til ${product} er nu ${n === 1 ? 'ledig' : 'ledige'} (${tilgængelige(available)}).`,
		noneFreed: 'Ingen licens blev frigjort: brugerne har den stadig via en gruppe.',
		reassign: 'Tildel de frigjorte licenser til en anden (Tildel licenser).',
		chooseProduct: 'Hvilket produkts frigjorte licenser vil du tildele? ↑ og ↓ flytter, enter vælger, esc går tilbage.',
		freedChoice: (product, n) => `${product} (${licenser(n)} frigjort)`,
		billing: alternative =>
			`${alternative ? 'Eller fjern' : 'Fjern'} de ubrugte licenser fra abonnementet, så de ikke faktureres: en faktureringsændring i Microsoft 365 Administration under Fakturering > Dine produkter. Abonnementets annulleringsvindue og tilbagevendende fakturering gælder.`,
		formerEmployee: 'Forlader en person organisationen? Følg Microsofts vejledning "Fjern en tidligere medarbejder":',
		formerEmployeeLink: 'learn.microsoft.com/microsoft-365/admin/add-users/remove-former-employee',
	},
	reclaim: {
		section: {
			redundant: 'Overflødige',
			blocked: 'Logon blokeret',
			inactive: days => `Ikke logget på i ${tal(days)} dage`,
		},
		tab: {
			redundant: n => `Overflødige (${tal(n)})`,
			blocked: n => `Logon blokeret (${tal(n)})`,
			inactive: (n, days) => `Inaktive ${tal(days)} d (${n === null ? '–' : tal(n)})`,
		},
		summary: (licenses, users, freed) =>
			`${licenser(licenses)} fra ${brugere(users)} · ${freed.length > 0 ? `frigør ${freed.join(', ')}` : 'frigør ingen licens'}`,
		freed: (n, product) => `${tal(n)} ${product}`,
		reason: {
			coveredBy: products => `følger med ${products}`,
			givesNothing: 'giver intet, brugeren ikke allerede har',
			alsoThrough: groups => `også via ${groups}: frigør ingen licens`,
			notCounted: plans => `når ${plans} ikke regnes med`,
			notWith: (products, loss) => `ikke sammen med ${products}: fjernes begge, mister brugeren ${loss}`,
			blocked: 'logon blokeret',
			lastSignIn: (day, days) => `sidste logon ${dag(day)} (for ${flertal(days, 'dag', 'dage')} siden)`,
			neverSignedIn: created => `intet logon registreret, siden kontoen blev oprettet ${dag(created)}`,
		},
		notOffered: {
			'group-assigned': groups => `via ${groups}: fjern brugeren fra gruppen i stedet`,
			'self-service-subscription': () => 'selvbetjeningskøb: en administrator skal først overtage abonnementet',
			'not-together': products => `kan fjernes, men ikke sammen med ${products}`,
		},
		reduced: kind =>
			({mailbox: 'plads i postkassen', archive: 'plads i arkivet', onedrive: 'plads i OneDrive', 'office-apps': 'dele af Office', teams: 'dele af Teams'})[
				kind
			],
		undocumented: kind => `${bestemt[kind]} (i et omfang, der ikke er dokumenteret)`,
		mailbox: {
			shared:
				'Behold mails ved først at konvertere postkassen til en delt postkasse: ingen licens kræves under 50 GB uden arkiv og uden procesmæssig tilbageholdelse; ellers Exchange Online (Plan 2).',
			onHold: 'Postkassen er under procesmæssig tilbageholdelse: som delt postkasse kræver den stadig Exchange Online (Plan 2).',
		},
		unavailable: {
			graph: message =>
				`Logonaktivitet kunne ikke læses fra Microsoft Graph: ${message.replace(/\.?$/, '.')} Det kræver tilladelsen AuditLog.Read.All og Microsoft Entra ID P1 eller P2.`,
			snapshot: 'Denne lejerfil har ingen logonaktivitet (signInActivity på brugerne).',
		},
		empty: {
			redundant: 'Ingen bruger har en licens, som brugerens andre licenser allerede giver.',
			blocked: 'Ingen konto med logon blokeret har en licens.',
			inactive: days => `Alle med en licens har logget på inden for ${tal(days)} dage.`,
		},
		ticked: (licenses, users) => `${licenser(licenses)} fra ${brugere(users)} markeret`,
		nothingTicked: 'Frigør licenser: markér en eller flere kandidater først (mellemrum, eller a for hele afsnittet).',
		question: (licenses, users) => `Fjern tildeling af ${licenser(licenses)} fra ${brugere(users)}?`,
		resultsTitle: 'Frigør licenser: resultater',
		commandSummary: s => `${licenser(s.licenses)} fjernet fra ${brugere(s.removed)}${ikkeAlle(s)}.`,
		yesNeedsApply: '--yes hører sammen med --apply',
		applyNeedsSection: '--apply kræver --section: angiv, hvilke kandidater der skal fjernes (redundant, blocked, inactive eller flere, adskilt af komma)',
		badSection: given => `--section ${given}: brug redundant, blocked eller inactive (flere: adskilt af komma)`,
		badDays: given => `--inactive-days ${given}: angiv et helt antal dage, 1 eller flere`,
	},
	deleteUser: {
		title: name => `Slet bruger: ${name}`,
		freed: products => `Brugerens licenser frigøres med det samme: ${stop(products)}`,
		noLicenses: 'Brugeren har ingen licenser.',
		onedrive: 'OneDrive slettes sammen med brugeren, efter opbevaringsperioden.',
		inactive:
			'Postkassen er under tilbageholdelse og licenseret til det (Exchange Online Plan 2 eller Plan 1 med Exchange Online Archiving): den bevares som inaktiv postkasse.',
		notInactive:
			'Postkassen bevares ikke som inaktiv postkasse: det kræver en tilbageholdelse og Exchange Online Plan 2 eller Plan 1 med Exchange Online Archiving.',
		inactiveIfHeld:
			'Postkassen er licenseret til at blive bevaret som inaktiv postkasse (Exchange Online Plan 2 eller Plan 1 med Exchange Online Archiving), hvilket kun sker, hvis den er under tilbageholdelse: tilbageholdelser kan ikke ses herfra.',
		restorable: date => `Brugeren kan gendannes fra Slettede brugere (d) indtil ${stop(dag(date))}`,
		type: upn => `Skriv brugernavnet (${upn}) for at slette, og tryk enter; esc annullerer.`,
		prompt: 'Brugernavn: ',
		mismatch: (upn, at) =>
			`Det er ikke brugernavnet endnu: det afviger fra ${upn} ved tegn ${stop(tal(at))} Ret det, eller tryk esc for at annullere; intet blev slettet.`,
		done: upn => `Slettet: ${stop(upn)} Brugerens licenser er ledige.`,
		blocked: {
			'no-user-role': 'At slette brugere kræver rollen Global administrator eller Brugeradministrator.',
			self: 'Du kan ikke slette den konto, du er logget på med.',
			privileged: 'Denne bruger har en administratorrolle: kun en Global administrator kan slette vedkommende.',
		},
	},
	deleted: {
		title: 'Slettede brugere',
		none: 'Ingen slettede brugere.',
		deletedOn: date => `slettet ${dag(date)}`,
		until: date => `indtil ${dag(date)}`,
		restorableUntil: date => `kan gendannes indtil ${dag(date)}`,
		confirmTitle: 'Gendan bruger',
		question: name => `Gendan ${name} med brugerens licenser?`,
		restored: upn => `Gendannet: ${upn}, med sine licenser.`,
		expired: 'Mere end 30 dage siden sletningen: brugeren kan ikke længere gendannes.',
		noLicenses: product => `Ingen licens til ${product} er tilgængelig til at gendanne brugeren med.`,
		readFailed: message => `De slettede brugere kunne ikke læses: ${message}`,
	},
	commands: {
		title: 'Tilsvarende kommandoer',
		powershell: 'Microsoft Graph PowerShell (logget på med LicenseAssignment.ReadWrite.All):',
		rest: 'Microsoft Graph REST med curl og et adgangstoken i GRAPH_TOKEN (LicenseAssignment.ReadWrite.All):',
		back: 'c igen viser selve ændringen.',
		saved: (ps1, sh) => `Gemt som ${ps1} og ${sh}: én kommando pr. bruger, kopieret nøjagtigt.`,
		notSaved: problem => `Ikke gemt i en fil: ${problem}`,
		fileHeader: (tenant, time) => [
			`Ændringen, der blev bekræftet i m365-licenses for ${tenant} ${tidspunkt(time)}: ét kald pr. bruger.`,
			'Tjek den, før du kører den: det er den ændring, appen ville foretage, ikke en registrering af, hvad der blev gjort.',
		],
		psNeeds: 'Kræver Microsoft Graph PowerShell, logget på med tilladelsen LicenseAssignment.ReadWrite.All.',
		shNeeds: 'Kræver curl og GRAPH_TOKEN sat til et adgangstoken til Microsoft Graph med LicenseAssignment.ReadWrite.All.',
		tokenMissing: 'sæt GRAPH_TOKEN til et adgangstoken til Microsoft Graph',
	},
	dialog: {
		self: (upn, kinds) =>
			`Dette ændrer dine egne licenser (${upn})${kinds.length > 0 ? `: du mister eller får mindre af ${liste(kinds.map(kind => egenArt[kind]))}` : ''}.`,
		cancel: 'Annuller',
		more: n => `… ${tal(n)} mere (↓ for at rulle)`,
		moreCounting: '… mere (↓ for at rulle)',
		working: 'Gemmer…',
		progress: (p: Progress) =>
			`${tal(p.done)}/${tal(p.total)} udført, ${tal(p.remaining)} tilbage, ${tal(p.throttled)} begrænset, ${p.perSecond.toFixed(1).replace('.', ',')}/s` +
			(p.waitingMs > 0 ? `, venter ${Math.ceil(p.waitingMs / 1000)} s som Graph bad om` : ''),
		// The same bar; Danish puts a space before %.
		bar: (p: Progress, width: number) => en.dialog.bar(p, width).replace(/%$/, ' %'),
		finished: (p: Progress) =>
			`${tal(p.done)} af ${tal(p.total)} besvaret af Microsoft Graph på ${Math.round(p.elapsedMs / 1000)} s, ${tal(p.throttled)} begrænset og sendt igen` +
			(p.remaining > 0 ? `, ${tal(p.remaining)} ikke sendt.` : '.'),
		sending: 'Sender ændringen til Microsoft 365',
		stopHint: 'esc stopper afsendelsen: svarene på det, der er sendt, afventes; resten sendes ikke.',
		stopping: 'Stopper: venter på svar på det sendte; resten sendes ikke.',
		interrupted: 'stopper: venter på svar på det sendte; resten sendes ikke. Ctrl-C igen afslutter med det samme.',
		error: message => `Ikke gemt: ${message}`,
		leftMidChange: 'lukket, mens en ændring blev sendt: næste start læser, hvordan hver bruger står, og registrerer, hvad der blev gjort.',
		stoppingToQuit: 'Stopper og lukker så: venter på svarene på det sendte (højst 5 s); resten sendes ikke. Ctrl-C igen lukker med det samme.',
	},
	outcome: {
		summary: (counts, product, who) =>
			outcomeSummary(
				{
					counted: outcomeWords,
					license: /(licens(?:er)?)/,
					of: product => ` til ${product}`,
					toWhom: {removed: 'fra', assigned: 'til', updated: 'for'},
					and: 'og',
					addOns: n => `, med ${licenser(n)} til tilføjelser, der afhænger af det`,
					users: n => ` (${brugere(n)})`,
					start: sentence => sentence.charAt(0).toUpperCase() + sentence.slice(1),
					notDone: {
						remove: product => (product ? `Tildelingen af ${product} er ikke fjernet` : 'Tildelingen er ikke fjernet'),
						add: product => (product ? `${product} er ikke tildelt` : 'Ikke tildelt'),
						update: product => (product ? `Apps i ${product} er ikke ændret` : 'Apps er ikke ændret'),
					},
				},
				counts,
				product,
				who,
			),
		notDoneVerb: {remove: 'Tildeling ikke fjernet', add: 'Ikke tildelt', update: 'Apps ikke ændret'},
		// "Fjernet: Office 365 E3", "Sprunget over: Power BI Pro – har ikke denne licens".
		line: (verb, product, why) => `${verb ? `${verb}: ` : ''}${product}${why ? ` – ${why}` : ''}`,
		verb: {
			removed: 'Fjernet',
			assigned: 'Tildelt',
			updated: 'Apps ændret',
			skipped: 'Sprunget over',
			failed: 'Mislykkedes',
			'not-sent': 'Ikke sendt',
			unknown: 'Ukendt',
		},
		reason: {
			'not-assigned': 'har ikke denne licens',
			'already-assigned': 'har allerede denne licens',
			'group-assigned': 'licenseret via en gruppe; fjern brugeren fra gruppen i stedet (x under Licenser og apps, eller remove-from-group)',
			'self-service-subscription': 'selvbetjeningskøb; en administrator skal først overtage abonnementet',
			'user-not-found': 'brugeren findes ikke',
			error: 'mislykkedes',
		} satisfies Record<SkipReason | 'error', string>,
		done: 'Udført',
		failed: message => message ?? 'mislykkedes',
		dependsOn: (addOns, bases) => `${liste(addOns)} afhænger af ${liste(bases)}: fjern også ${liste(addOns)}, eller behold ${liste(bases)}`,
	},
	tooSmall: (needs, now) =>
		`Terminalen er for lille: kræver ${needs.columns}×${needs.rows}, er nu ${now.columns}×${now.rows}. Gør vinduet større (eller q afslutter).`,
	recovered: r => `En ændring, der blev afbrudt ${tidspunkt(r.time)}, er afklaret: ${tal(r.done)} udført, ${tal(r.notDone)} ikke udført (se revisionsloggen).`,
	preferences: {
		refused: (path, problem) => `Indstillingerne ${path}: ${stop(problem)} Filen blev ladt urørt; ret den, eller fjern den.`,
	},
	state: {
		cannot: (action, path, reason) => `Kan ikke ${action === 'read' ? 'læse' : 'skrive'} ${path}: ${stop(reason)} Intet gemt gik tabt.`,
		reasons: {
			ENOSPC: 'disken er fuld',
			EDQUOT: 'diskkvoten er brugt op',
			EROFS: 'filsystemet er skrivebeskyttet',
			EACCES: 'adgang nægtet',
			EPERM: 'ikke tilladt',
			EIO: 'disken meldte en input/output-fejl',
			ENOTDIR: 'en del af stien er en fil, ikke en mappe',
			EISDIR: 'det er en mappe, ikke en fil',
			EMFILE: 'for mange filer er åbne',
			ENFILE: 'for mange filer er åbne',
			ENAMETOOLONG: 'stien er for lang',
			ENOENT: 'en mappe på vejen findes ikke og kan ikke oprettes',
		},
		otherReason: 'systemet afviste det',
		mode: mode => (mode === '0700' ? mode : `${mode} (andre kan se ind i den; appens filer i den er 0600)`),
		refused: (path, problem) =>
			`Tilstandsfilen ${path}: ${stop(problem)} Filen er ikke ændret; flyt den til side, eller brug --state-dir for at bruge en anden mappe.`,
		notJson: 'er ikke gyldig JSON',
		home: {
			moved: (from, state, cache, names) => `Flyttede det, m365-licenses gemte i ${from}, til ${state} (cacher til ${cache}): ${names.join(', ')}.`,
			notMoved: (from, why) => `Ladt blive i ${from}, intet gik tabt: ${why.join('; ')}. Flyt det manuelt, eller fjern det.`,
			there: (name, to) => `${name} (${to} findes allerede)`,
			refused: (name, reason) => `${name} (${reason})`,
		},
		otherFormat: (version, known) => `er i format ${version}, og denne m365-licenses læser kun format ${known}: brug den m365-licenses, der skrev den`,
		line: (n, problem) => `linje ${n}: ${problem}`,
		changedSince: names =>
			`${liste(names)} er ændret af en anden m365-licenses, siden dette blev vist, så intet blev sendt. Det viste er nu, som det står; kontrollér, og foretag ændringen igen.`,
		goneSince: products =>
			`En anden m365-licenses har tildelt ${liste(products)}, siden dette blev vist, og der er for få licenser tilbage, så intet blev sendt. Det viste er nu, som det står.`,
		notRecorded: (reason, dir) =>
			`Udført i Microsoft 365, men ikke registreret i ${dir}: ${reason}; næste start læser, hvordan hver bruger står, og registrerer det.`,
		unreadable: (path, problem) =>
			`Kan ikke skrive ${path}: ændringen ville blive gemt i en form, der ikke kan læses igen (${problem}). Intet blev sendt, og intet gemt gik tabt.`,
		notOurs: (path, what) =>
			`${path} er ${what}, ikke det, m365-licenses gemmer der: intet læses eller skrives gennem den. Fjern den (eller læg det tilbage, den står for), og kør m365-licenses igen.`,
		strangers: {
			link: 'et symbolsk link',
			fifo: 'en FIFO (navngivet pipe)',
			device: 'en enhed',
			socket: 'en socket',
			folder: 'en mappe',
			file: 'en fil, hvor der skal være en mappe',
		},
		tightened: (dir, names) =>
			`Gjort læsbar${names.length === 1 ? '' : 'e'} for dig alene (andre kunne læse ${names.length === 1 ? 'den' : 'dem'}) i ${dir}: ${names.join(', ')}.`,
		notFolded: problem =>
			`Alt er gemt (i journal.jsonl), men det kunne ikke flyttes ind i state.json og revisionsloggen; det prøves igen næste gang. ${problem}`,
		auditSkipped: (path, lines) =>
			`Revisionsloggen ${path}: ${lines.length === 1 ? `linje ${lines[0]} er` : `linje ${lines.join(', ')} er`} ikke en hel post (afbrudt under skrivning) og blev sprunget over.`,
		reset: {
			discarded: (changes, users, tenant) =>
				`--reset kasserede ${flertal(changes, 'gemt ændring', 'gemte ændringer')} for ${brugere(users)} i ${tenant}; revisionsloggen viser dem.`,
			nothing: tenant => `--reset: intet var gemt for ${tenant}; intet blev kasseret.`,
			live: 'en aktiv lejer har sine ændringer i selve Microsoft 365: --reset har intet at kassere',
			notWith: what => `--reset kasserer gemte ændringer og hører derfor ikke sammen med ${what}`,
			noApply: 'reclaim uden --apply',
			command: command => `kommandoen ${command}`,
		},
	},
	signIn: {
		otherTenant: (asked, given) => `logontjenesten gav et adgangstoken til lejeren ${given}, da der blev bedt om et til ${asked}: det blev ikke brugt`,
		title: 'Microsoft 365: logger på og læser lejeren',
		cancel: 'q, esc eller ctrl+c annullerer.',
		deviceCode: (url, code, permissions, minutes) =>
			(permissions.length > 0 ? `Det kræver en tilladelse, der ikke er givet endnu (${permissions.join(', ')}). ` : '') +
			`For at logge på skal du åbne ${url} i en browser på en hvilken som helst enhed og indtaste koden ${code} (den virker i ${minutes} ${minutes === 1 ? 'minut' : 'minutter'})`,
		cancelled: 'Annulleret: intet blev sendt, og intet blev ændret.',
		notSignedIn:
			'ikke logget på: kør en vilkårlig kommando med --graph (som m365-licenses licenses --graph) for at logge på med en kode; doctor beder aldrig om en.',
		denied: 'Logon blev afvist (access_denied): intet blev læst eller ændret. Kør kommandoen igen for at logge på igen.',
		expired: 'Logonkoden udløb, før den blev indtastet (expired_token): intet blev læst eller ændret. Kør kommandoen igen for at få en ny kode.',
		failed: detail => `Logon mislykkedes${detail ? `: ${detail}` : '.'}`,
		network: (request, problem) => `Logon ${request}: ${problem}`,
		badService: (login, code) =>
			`Logontjenesten ${login}: logonbiblioteket afviser denne adresse (${code}); angiv en https://-adresse uden brugernavn og adgangskode`,
		notJson: status => `svarede ${status} med noget, der ikke er logontjenestens JSON: står en proxy i vejen?`,
	},
	group: {
		title: 'Fjern fra gruppe',
		choose: name => `Hvilken gruppe skal ${name} fjernes fra? Brugeren mister de licenser, gruppen giver.`,
		question: (name, group) => `Fjern ${name} fra ${group} og dermed de licenser, gruppen giver vedkommende?`,
		takes: group => `Det mister brugeren ved at forlade ${group}:`,
		lost: product => `− ${product}`,
		kept: product => `${product}: beholdes (også tildelt direkte eller via en anden gruppe)`,
		none: 'Gruppen giver ikke brugeren nogen licenser.',
		dynamic: group =>
			`${group} har dynamisk medlemskab: en regel bestemmer medlemmerne, så ingen kan fjernes fra den manuelt. Ændr reglen eller de brugeregenskaber, den læser.`,
		reason: {
			'dynamic-membership': 'gruppen har dynamisk medlemskab: en regel bestemmer medlemmerne',
			'not-a-member': 'ikke medlem af gruppen',
			'user-not-found': 'brugeren findes ikke',
			error: 'mislykkedes',
		} satisfies Record<GroupRemovalReason | 'error', string>,
		working: 'Fjerner fra gruppen…',
		cliQuestion: (users, group) => `Fjern ${brugere(users)} fra ${group} og dermed de licenser, gruppen giver dem?`,
		commandSummary: (dryRun, group, s) =>
			stop(
				`${dryRun ? `Prøvekørsel: ${brugere(s.wouldRemove)} ville blive fjernet fra ${group}` : `${brugere(s.removed)} fjernet fra ${group}`}${ikkeAlle(s)}`,
			),
		unknownGroup: given =>
			`ukendt gruppe "${given}": angiv navn eller id på en gruppe, der giver disse brugere licenser (m365-licenses users --json viser dem under viaGroups)`,
		done: (name, group, licenses) =>
			licenses > 0 ? `${name} er fjernet fra ${group} og har dermed mistet ${licenser(licenses)}.` : `${name} er fjernet fra ${stop(group)}`,
		failed: (name, message) => `${name} blev ikke fjernet fra gruppen: ${message}`,
		unknown: why => `Ukendt: Graphs svar gik tabt (${why}). Tjek gruppens medlemmer i Microsoft 365 Administration.`,
	},
	proxy: {
		wantsCredentials: proxy =>
			`proxyen ${proxy} beder om legitimationsoplysninger (407): angiv dem i adressen, som http://bruger:adgangskode@vært:port (kun Basic-godkendelse).`,
		credentialsRefused: proxy =>
			`proxyen ${proxy} afviste legitimationsoplysningerne i adressen (407): tjek brugernavn og adgangskode; kun Basic-godkendelse understøttes.`,
		notFound: proxy => `proxyen ${proxy} blev ikke fundet (DNS): er HTTPS_PROXY (eller HTTP_PROXY) rigtig?`,
		invalid: (name, value) => `${name}=${value} er ikke en webadresse (som http://proxy.example.com:3128).`,
		refused: (proxy, status) => `proxyen ${proxy} afviste at forbinde til den (${status}).`,
		unreachable: proxy => `proxyen ${proxy} afviste forbindelsen: kører den, og er HTTPS_PROXY og HTTP_PROXY rigtige?`,
	},
	loading: users => `Læser lejeren fra Microsoft Graph… ${brugere(users)}`,
	graph: {
		failed: (request, problem) => `Microsoft Graph ${request}: ${problem}`,
		otherOrigin: (origin, graph) => `afvist: ${origin} er ikke Microsoft Graph (${graph}), og logonet sendes kun til Graph. Intet blev sendt dertil.`,
		redirect: (status, where, graph) =>
			`svarede ${status}, en omdirigering til ${where || 'intet angivet sted'}; ikke fulgt (logonet sendes kun til ${graph}).`,
		timeout: seconds => `intet svar inden for ${seconds} s (--request-timeout).`,
		refused: host => `forbindelsen til ${host} blev afvist: er adressen rigtig, og kører den?`,
		notFound: host => `${host} blev ikke fundet (DNS): er adressen rigtig, og er maskinen online?`,
		network: detail => `forbindelsen mislykkedes (${detail}).`,
		notJson: (status, html) =>
			`svarede ${status} med ${html ? 'en webside' : 'noget, der ikke er gyldig JSON'} i stedet for Graphs JSON: står en proxy i vejen?`,
		notACollection: 'svarede uden den liste af elementer ("value"), en samling har.',
		noOrganization: 'ingen organisation for dette logon.',
		status: (status, message) => `svarede ${status}${message ? `: ${message}` : '.'}`,
		unauthorized: 'svarede 401: logonet er udløbet, tilbagekaldt eller ikke til denne lejer. Log på igen (m365-licenses logout, og kør så igen).',
		forbidden: message =>
			`svarede 403${message ? ` (${message})` : ''}: den påloggede administrator eller appregistreringen mangler en tilladelse; se afsnittet om appregistreringen i docs/live-tenants.md.`,
		loop: 'linket til næste side fører tilbage til en side, der allerede er læst; stoppede læsningen.',
		notAUrl: 'linket til næste side er ikke en webadresse; stoppede læsningen.',
		tooManyPages: pages => `mere end ${tal(pages)} sider; stoppede læsningen.`,
		leftOut: 'Graphs svar på batchen udelod denne anmodning',
		noAnswerAfterStop: seconds => `intet svar inden for ${seconds} s efter stoppet`,
		cancelled: 'stoppet (esc eller Ctrl-C)',
		maxDuration: given => `kørslen nåede --max-duration ${given}`,
		notSent: why => `Ikke sendt: ${why.replace(/\.?$/, '.')} Intet blev ændret for denne bruger.`,
		sendFailed: why =>
			`Ukendt: afsendelsen stoppede på en fejl (${why}); nogle brugere kan være ændret. Næste start læser hver af dem igen og registrerer, hvad der blev gjort.`,
		readBack: {
			removed: why => `Graphs svar gik tabt (${why}); læst igen: licensen er væk.`,
			assigned: why => `Graphs svar gik tabt (${why}); læst igen: licensen er tildelt.`,
			notRemoved: why => `Ikke fjernet: Graphs svar gik tabt (${why}); læst igen har brugeren stadig licensen.`,
			notAssigned: why => `Ikke tildelt: Graphs svar gik tabt (${why}); læst igen har brugeren ikke licensen.`,
			updated: why => `Graphs svar gik tabt (${why}); læst igen: apps er som ønsket.`,
			notUpdated: why => `Ikke ændret: Graphs svar gik tabt (${why}); læst igen er apps ikke som ønsket.`,
			notRead: why =>
				`Ukendt: Graphs svar gik tabt (${why}), og kørslen blev stoppet, før brugeren blev læst igen; næste start læser vedkommende og registrerer, hvad der blev gjort.`,
			gone: why => `Ukendt: Graphs svar gik tabt (${why}), og brugeren blev ikke fundet ved genlæsning. Tjek vedkommende i Microsoft 365 Administration.`,
			failed: (why, problem) =>
				`Ukendt: Graphs svar gik tabt (${why}), og genlæsningen af brugeren mislykkedes også (${problem}). Tjek vedkommende i Microsoft 365 Administration.`,
		},
	},
	refresh: {
		working: 'Læser lejeren igen…',
		cached: 'Viser kopien fra sidste kørsel; læser lejeren igen…',
		done: 'Opdateret.',
		failed: message => `Kunne ikke læse lejeren igen: ${message}`,
		afterChange: message => `Gemt; genlæsningen af de ændrede brugere mislykkedes (${message}): de vises, som ændringen efterlod dem.`,
		copyFailed: (time, message) => `Viser kopien, der blev læst kl. ${time}; læsningen fra Microsoft Graph mislykkedes: ${message}`,
		copyBadge: time => `kopi fra ${time}`,
	},
	filter: {
		prompt: 'Filter: ',
		hint: 'enter behold · esc ryd',
		usersHint: 'navn, brugernavn eller produkt; product:NAVN for ét produkt',
		active: query => `filter: ${query}`,
	},
	unsaved: {
		ask: question => `${question} y/n`,
		user: name => `Kassér ændringerne til ${ejefald(name)} licenser?`,
		ticked: (n, product) => `Kassér ${n === 1 ? '1 markeret bruger' : `${tal(n)} markerede brugere`} i ${product}?`,
		products: n => `Kassér ${n === 1 ? '1 markeret produkt' : `${tal(n)} markerede produkter`}?`,
		confirmation: 'Afslut uden at foretage denne ændring?',
	},
	help: {
		title: 'Taster',
		close: 'esc lukker',
		thisScreen: screen => `Denne skærm: ${screen}`,
		unavailable: why => `Ikke nu: ${why}`,
		page: (page, pages) => (pages > 1 ? `side ${page} af ${pages}, ↓/↑ bladrer` : ''),
	},
	files: {
		cannotRead: {
			missing: 'kan ikke læses: filen findes ikke',
			directory: 'kan ikke læses: det er en mappe',
			denied: 'kan ikke læses: adgang nægtet',
			other: code => `kan ikke læses (${code})`,
		},
		tooLarge: bytes => `er større end ${Math.round(bytes / 1024 / 1024)} MB, det højeste tilladte`,
		kind: {
			utf16: order =>
				`er UTF-16 ${order}-tekst, ikke UTF-8: gem den som UTF-8 (Windows PowerShell skriver UTF-16, medmindre man angiver Out-File -Encoding utf8)`,
			utf32: 'er UTF-32-tekst, ikke UTF-8: gem den som UTF-8',
			gzip: 'er gzip-komprimeret, ikke tekst: pak den ud først',
			zip: 'er et ZIP-arkiv (en Excel-projektmappe er et), ikke tekst: gem den som CSV UTF-8, eller pak den ud',
			pdf: 'er et PDF-dokument, ikke tekst',
			binary: 'er en binær fil (den indeholder NUL-byte), ikke tekst',
		},
		notUtf8: line => `er ikke UTF-8-tekst${line ? ` (linje ${line})` : ''}, måske Windows-1252 ("ANSI"): gem den som UTF-8`,
		empty: 'er tom',
		tooDeep: levels => `er indlejret mere end ${levels} niveauer dybt, hvilket ingen lejer er`,
		notATime: 'er ikke en dato og et klokkeslæt, som Graph skriver dem (som 2026-05-14T09:12:03Z)',
	},
	schema: {
		topLevel: '(øverste niveau)',
		missing: 'mangler',
		notKnown: 'kendes ikke af denne version',
		mustBe: value => `skal være ${value}`,
		oneOf: values => `skal være en af ${values}`,
		notUpn: 'er ikke et brugernavn (UPN)',
		notGuid: 'er ikke et GUID',
		notValid: 'er ikke gyldig',
		duplicates: value => `gentager en tidligere (${value})`,
		noSuch: (what, where) => `${{product: 'intet sådant produkt', group: 'ingen sådan gruppe', user: 'ingen sådan bruger'}[what]} i ${where}`,
	},
	usersFile: {
		none: 'nævner ingen brugere',
		noColumn: columns => `har ingen userPrincipalName-kolonne (dens kolonner: ${columns.join(', ') || 'ingen'}); tilføj en, eller skriv ét UPN pr. linje`,
		noUpn: (line, column) => `linje ${line} har intet userPrincipalName (kolonne ${column}): giv den et, eller fjern linjen`,
		// csv-parse says its problem in English: said here by its code.
		notCsv: (line, _problem, code) =>
			`er ikke en gyldig CSV${line === null ? '' : ` (linje ${line})`}: ${(code && csvProblemer[code]) ?? 'indholdet kan ikke læses som CSV'}`,
	},
	cli: {
		help: {
			usage: (command, shape) => `Brug: m365-licenses ${command}${shape ? ` ${shape}` : ''}`,
			about:
				'Fjern tildeling af Microsoft 365-licenser fra brugere, med Microsoft 365 Administrations egne ord, i en terminal. Åbner på den medfølgende demolejer (Contoso).',
			anyCommand: '[kommando]',
			commandsTitle: 'Kommandoer:',
			optionsTitle: 'Indstillinger (alle kommandoer):',
			commandOptionsTitle: 'Indstillinger:',
			alsoGlobal: 'Alle kommandoer tager også de indstillinger, m365-licenses --help viser (--tenant, --state-dir, --graph, --lang…).',
			examplesTitle: 'Eksempler:',
			exitCodes: {
				read: 'Afslutningskoder: 0 udført, 1 fejl, 2 brugsfejl.',
				change: 'Afslutningskoder: 0 udført, 1 fejl, 2 brugsfejl, 3 sprunget over, mislykkedes, ikke sendt eller ukendt for nogle brugere (resten udført).',
				tenants: 'Afslutningskoder: 0 udført, 1 fejl, 2 brugsfejl, 3 nogle lejere kunne ikke læses (--all-tenants, tenants discover: resten vises).',
			},
			more: 'm365-licenses KOMMANDO --help: dens indstillinger, to eksempler og afslutningskoder. Taster: tryk ? i appen.',
			commands: {
				'': {
					name: '(ingen)',
					summary: 'appen: Licenser, Aktive brugere, Guidet fjernelse og mere',
					about: 'Appen, på demolejeren, et øjebliksbillede (--tenant) eller en aktiv lejer (--graph). Taster: tryk ? i appen.',
				},
				guide: {
					summary: 'appen på Guidet fjernelse: fire trin, til supportpersonale',
					about: 'Appen, åbnet på Guidet fjernelse: én fjernelse i fire trin, til supportpersonale. Den slutter med en Markdown-rapport i tilstandsmappen.',
				},
				licenses: {
					summary: 'alle produkter: tildelt, tilgængelige og i alt',
					about: 'Alle lejerens produkter: licenser tildelt, tilgængelige og i alt over deres abonnementer (suspenderede vises, men tælles ikke med).',
				},
				users: {
					summary: 'alle brugere og deres licenser',
					about: 'Alle brugere (eller de, der har ét produkt) og deres licenser, direkte eller via grupper.',
				},
				unassign: {
					summary: 'fjern tildelingen af et produkt fra brugere',
					about:
						'Fjern tildelingen af et produkt fra brugere og vis først, hvad hver bruger mister eller får mindre af: mailbox, archive, onedrive, office-apps, teams (--json: kind, effect, from, to, text; flere slags kan komme til: ignorer ukendte). Uden --yes spørger den i en terminal og afviser uden en.',
				},
				'remove-from-group': {
					summary: 'fjern brugere fra en gruppe og de licenser, den giver',
					about:
						'Fjern brugere fra en gruppe, der giver dem licenser, og dermed alle licenser, den giver dem; viser først, hvad hver bruger mister. En gruppe med dynamisk medlemskab kan ikke ændres manuelt: dens brugere springes over.',
				},
				reclaim: {
					summary: 'licenser, der kan fjernes: redundant, blocked, inactive',
					about:
						'De licenser, der kan fjernes, pr. afsnit: redundant (det, et produkt giver, følger med en anden licens, brugeren beholder), blocked (konti med logon blokeret, der har licenser), inactive (ikke logget på i N dage: kræver signInActivity). Licenser, der kun er tildelt via en gruppe, vises, men tilbydes ikke. --apply fjerner tildelingen af de tilbudte licenser i de angivne afsnit.',
				},
				audit: {
					summary: 'alle udførte ændringer, ældste først',
					about: 'Alle ændringer udført i denne tilstandsmappe, ældste først: hvem, hvornår, hvilken bruger og hvilket produkt, og hvad der kom ud af det.',
				},
				doctor: {
					summary: 'versioner, mapper, lejer og terminal: til en supportsag',
					about:
						'Version, Node, sprog, mapperne til konfiguration og tilstand, cachemappen, skrivelåsen, backend, lejer, cloud og terminaler: det, en supportsag kræver.',
				},
				logout: {
					summary: 'glem Microsoft 365-logonet',
					about: 'Glem Microsoft 365-logonet, der er gemt i tilstandsmappen, og kopien af den aktive lejer, det læste.',
				},
				tenants: {
					summary: 'de tilføjede lejere: add, list, remove, discover',
					about:
						'Mange lejere (en IT-partners kunder, lejerne i en koncern). add NAVN: et øjebliksbillede (læses nu) eller en direkte lejer efter dens mappe-id, under et navn, du vælger (bogstaver, cifre, . - _). list: de tilføjede lejere. remove NAVN: glem en lejer, dens kopier og logon; dens revisionslog bliver, medmindre --purge, som spørger først. discover --graph: logget på partnerens lejer, de kunder, den administrerer via GDAP (delegatedAdminCustomers), hver tilbudt til tilføjelse. Derefter åbner --profile NAVN én (alle kommandoer og appen; med én tilføjet åbnes den uden), og licenses, reclaim og audit --all-tenants læser dem alle samtidig.',
				},
			},
			shapes: {
				'': '[indstillinger]',
				guide: '[indstillinger]',
				licenses: '[--all-tenants] [--json]',
				users: '[--product P] [--json]',
				unassign: '--product P (--users UPN,… | --users-file FIL) [--dry-run] [--yes] [--json]',
				'remove-from-group': '--group G (--users UPN,… | --users-file FIL) [--dry-run] [--yes] [--json]',
				reclaim: '[--section S] [--inactive-days N] [--all-tenants] [--json] [--apply [--yes]]',
				audit: '[--all-tenants] [--json]',
				doctor: '[--json]',
				logout: '',
				tenants: 'add NAVN (--snapshot FIL | --graph --tenant-id ID) | list [--json] | remove NAVN [--purge] | discover --graph [--yes]',
			},
			examples: en.cli.help.examples,
			flags: {
				json: ['', 'skriv JSON (formerne står i source/commands/output.schema.json) i stedet for tekst'],
				product: ['P', 'et varenummer (SPB), et skuId, et produktnavn eller en del af et, som kun ét produkt har ("business premium")'],
				users: ['UPN,…', 'brugere efter UPN eller id, adskilt af komma'],
				'users-file': ['FIL', 'brugere fra en fil: én pr. linje, eller en CSV med en userPrincipalName-kolonne'],
				group: ['G', 'gruppens navn eller id'],
				'dry-run': ['', 'vis, hvad der ville ske; intet ændres'],
				yes: ['', 'gør det uden at spørge (kræves uden en terminal)'],
				section: ['S', 'redundant, blocked eller inactive, eller flere, adskilt af komma (standard: alle)'],
				'inactive-days': ['N', 'inactive: ikke logget på i N dage (standard 90)'],
				apply: ['', 'fjern tildelingen af de tilbudte licenser i de angivne afsnit (--section kræves)'],
				tenant: ['FIL', 'et øjebliksbillede af en lejer (demo-data/tenant.schema.json) i stedet for demoen; ændres aldrig'],
				'state-dir': ['MAPPE', 'hvor ændringer gemmes (også M365_LICENSES_STATE_DIR); standard: brugerens tilstandsmappe'],
				reset: ['', 'kassér de ændringer, der er gemt for denne lejer, og start fra kilden'],
				as: ['UPN', 'handl som denne administrator af lejeren (standard: dens signedInUser)'],
				graph: ['', 'en aktiv lejer via Microsoft Graph: logon med enhedskode (docs/live-tenants.md)'],
				'client-id': ['ID', 'appregistreringen, der logges på med (også M365_LICENSES_CLIENT_ID)'],
				'tenant-id': ['ID', 'mappen, der logges på (også M365_LICENSES_TENANT_ID; standard organizations)'],
				cloud: ['NAVN', 'worldwide (standard, og GCC), 21vianet, usgov (GCC High) eller usgovdod (DoD)'],
				'graph-endpoint': ['URL', 'Graphs adresse i stedet for cloudens (test, proxyer)'],
				'login-endpoint': ['URL', 'logontjenesten i stedet for cloudens (også M365_LICENSES_LOGIN_ENDPOINT)'],
				'request-timeout': ['T', 'giv op på en Graph-anmodning efter T (standard 60s; 90, 90s, 5m)'],
				'max-duration': ['T', 'stop afsendelsen af en ændring efter T (standard 2h); brugere, der ikke blev sendt, rapporteres'],
				profile: ['NAVN', 'åbn en lejer tilføjet med tenants add (én tilføjet: åbnes uden --profile)'],
				'all-tenants': ['', 'alle tilføjede lejere, læst samtidig; en, der ikke kan læses, vises med årsagen'],
				snapshot: ['FIL', 'tenants add: et øjebliksbillede af en lejer, læst nu'],
				purge: ['', 'tenants remove: dens revisionslog og gemte ændringer forsvinder også (spørger først)'],
				lang: ['da|en', 'sproget, appen taler (også M365_LICENSES_LANG; standard: landestandarden)'],
				debug: ['', 'ved en fejl: vis også, hvor den skete, til en fejlrapport'],
				help: ['', 'vis denne hjælp'],
				version: ['', 'vis versionen'],
			},
		},
		usageError: message => `${stop(message)} Se m365-licenses --help.`,
		unknownCommand: command => `ukendt kommando "${command}"`,
		unexpectedArgument: argument => `uventet argument "${argument}"`,
		notWith: (flag, command) => `--${flag} hører ikke sammen med ${command ? `kommandoen ${command}` : 'appen'}`,
		needsValue: flag => `--${flag} kræver en værdi`,
		unknownOption: flag => `ukendt indstilling ${flag}`,
		takesNoValue: flag => `--${flag} tager ingen værdi`,
		flagAsValue: (flag, value) =>
			`--${flag} kræver en værdi, og ${value} ligner en indstilling; en værdi, der starter med en bindestreg, skrives --${flag}=${value}`,
		unreadable: 'kommandolinjen kan ikke læses',
		badLanguage: (flag, value, languages) => `${flag} ${value}: brug ${languages.join(' eller ')}`,
		needsProduct: 'unassign kræver --product',
		needsGroup: 'remove-from-group kræver --group',
		usersOrFile: command => `${command} kræver --users eller --users-file`,
		notBoth: 'angiv --users eller --users-file, ikke begge',
		noUsers: 'ingen brugere angivet',
		signedOut: 'logget af: det gemte logon blev fjernet.',
		noSignIn: 'intet logon var gemt.',
		locked: (holder, dir) => `${holder} ændrer tilstandsmappen ${dir}; intet blev ændret. Prøv igen, når den er færdig.`,
		resetLocked: holder => `--reset: ${holder ?? 'en anden m365-licenses'} ændrer denne tilstandsmappe; prøv igen, når den er færdig.`,
		lockHolder: (command, pid, host, since) => `m365-licenses ${command} (pid ${pid} på ${host}, siden ${tidspunkt(since)})`,
		mayNot: (admin, roles, what, needed) =>
			`${admin} (${roles.map(rolle).join(', ') || 'ingen administratorrolle'}) må ikke ${what === 'unassign' ? 'fjerne tildeling af licenser' : 'fjerne brugere fra grupper, der giver dem licenser'}: det kræver rollen ${ellerListe(needed.map(rolle))}.`,
		inactiveUnavailable: why => `--section inactive: ${why} Intet blev ændret.`,
		plainHttpEndpoint: (flag, given) =>
			`${flag} ${given}: almindelig http:// er kun til en server på denne maskine (127.0.0.1, localhost, ::1); alle andre steder kan logontokenet læses undervejs. Brug https://`,
		endpointCredentials: (flag, without) =>
			`${flag}: en adresse med et brugernavn eller en adgangskode i (${without} uden dem) bruges ikke: der logges på med enhedskoden, og en adgangskode i en adresse ender i logfiler`,
		badEndpoint: (flag, given) =>
			`${flag} ${given}: angiv en webadresse som ${flag === '--graph-endpoint' ? 'https://graph.example.com' : 'https://login.example.com'}`,
		badCloud: given => `--cloud ${given}: brug worldwide (også til GCC), 21vianet, usgov (GCC High) eller usgovdod (DoD)`,
		badDuration: (flag, given) => `--${flag} ${given}: angiv en varighed som 90 (sekunder), 90s, 5m eller 2h`,
		graphAndTenant: '--graph og --tenant hører ikke sammen',
		needGraph: '--client-id, --tenant-id, --cloud, --graph-endpoint, --login-endpoint, --request-timeout og --max-duration hører sammen med --graph',
		asWithGraph: '--as virker med demoen og øjebliksbilleder; med --graph handler du som den, der loggede på.',
		noClientId:
			'--graph kræver en appregistrering: angiv --client-id ID, eller sæt M365_LICENSES_CLIENT_ID. Se afsnittet om appregistreringen i docs/live-tenants.md.',
		noSuchAdmin: (admin, tenant, source) => `--as ${admin}: ingen sådan bruger i ${tenant} (${source}).`,
		tenantFile: (file, problem) => `Lejerfilen ${file}: ${problem}`,
		tenantFileLabel: file => `Lejerfilen ${file}`,
		notATenant: 'er ikke en lejer',
		signedInUserUnknown: admin => `"signedInUser" ${admin} er ikke en af dens brugere.`,
		// JSON.parse says its problem in English: said here by where it is.
		notJson: (_detail, at) =>
			at === null
				? 'er ikke gyldig JSON'
				: at.end
					? `er ikke gyldig JSON: filen slutter midt i den (linje ${at.line})`
					: `er ikke gyldig JSON (linje ${at.line}, kolonne ${at.column})`,
		doctor: {
			version: 'version',
			node: 'node',
			language: 'sprog',
			stateDirectory: 'tilstandsmappe',
			stateDirectoryMode: 'tilstandsmappens rettigheder',
			backend: 'backend',
			tenant: 'lejer',
			tenantSource: 'lejerens kilde',
			signedInAs: 'logget på som',
			signIn: 'logon',
			signInAs: (account, tenantId) => `${account}, lejer ${tenantId}`,
			notSignedIn: 'ikke logget på',
			cloud: 'cloud',
			localTenant: 'ingen (lokal lejer)',
			backends: {demo: 'demolejer', snapshot: 'øjebliksbillede', graph: 'Microsoft Graph'},
			graphEndpoint: 'Graph-slutpunkt',
			loginEndpoint: 'logonslutpunkt',
			proxyGraph: 'proxy til Graph',
			proxyLogin: 'proxy til logon',
			direct: 'ingen (direkte)',
			stdin: 'stdin er en terminal',
			stdout: 'stdout er en terminal',
			yes: 'ja',
			no: 'nej',
			lock: 'lås',
			noLock: 'ingen',
			problem: 'problem',
			languageName: {en: 'engelsk', da: 'dansk'},
			languageSource: {flag: 'flag', env: 'miljøvariabel', preference: 'indstilling', locale: 'landestandard', default: 'standard'},
			configHome: 'indstillingsfil',
			cacheHome: 'cachemappe',
			languageWhy: (name, source, from) => `${name} (${source}${from ? `: ${from}` : ''})`,
		},
		unexpected: (message, debug) => `uventet fejl: ${message}${debug ? '' : ' (--debug viser, hvor den skete)'}`,
		licensesHeader: ['Produkt', 'Varenummer', 'Tildelt', 'Tilgængelige', 'I alt'],
		usersHeader: ['Brugernavn', 'Vist navn', 'Logon', 'Licenser'],
		signIn: {allowed: 'tilladt', blocked: 'blokeret'},
		noLicenses: '-',
		outcomeWord: id => outcomeIds[id] ?? id,
		actionWord: id => actionIds[id] ?? id,
		license: (product, direct, groups) => (groups ? `${product} (${(direct ? ogsåVia : viaGrupper)(groups)})` : product),
		auditLine: (time, action, outcome, user) => `${dag(time)}  ${action}  ${outcome}  ${user}`,
		auditDetail: (product, actor, reason) => [product, `af ${actor}`, reason].filter(Boolean).join(' · '),
		noAudit: 'Intet er ændret endnu.',
		product: {
			unknown: (given, all) => `ukendt produkt "${given}": intet produkts navn, varenummer eller skuId matcher. Produkterne: ${all.join('; ')}`,
			several: (given, matches) => `--product "${given}" matcher ${matches.length} produkter: ${matches.join('; ')}. Angiv mere af navnet eller varenummeret`,
		},
	},
	tenants: {
		profileWith: flag => `--profile angiver lejeren, og ${flag} kan ikke bruges sammen med den`,
		unknownProfile: (name, names) => `--profile ${name}: ingen lejer med det navn; de tilføjede lejere er ${liste(names)}`,
		noProfiles: name => `--profile ${name}: ingen lejere er tilføjet endnu (m365-licenses tenants add NAVN --snapshot FIL, eller --graph --tenant-id ID)`,
		notLive: name => `--graph: lejeren ${name} er et øjebliksbillede, ikke en direkte lejer`,
		flagNeedsProfile: (flag, names) => `${flag} kræver --profile NAVN for at angive, hvilken lejer det gælder (de tilføjede lejere: ${liste(names)})`,
		severalProfiles: names => `${tal(names.length)} lejere er tilføjet (${liste(names)}): vælg én med --profile NAVN, eller læs dem alle med --all-tenants`,
		otherTenant: (name, source, found, expected) =>
			`Lejeren ${name} blev tilføjet som ${expected}, men ${source} er nu lejeren ${found}; intet blev vist eller ændret. Tilføj den under sit eget navn (m365-licenses tenants add).`,
		needsAction: 'tenants kræver én af add, list, remove, discover',
		unknownAction: action => `tenants ${action}: brug add, list, remove eller discover`,
		flagNotWith: (flag, action) => `${flag} kan ikke bruges med tenants ${action}`.trimEnd(),
		needsName: 'tenants add kræver et navn: tenants add NAVN --snapshot FIL, eller tenants add NAVN --graph --tenant-id ID',
		needsNameToRemove: 'tenants remove kræver navnet på en tilføjet lejer (tenants list)',
		badName: name =>
			`lejernavnet "${name}": brug bogstaver, cifre, punktum, bindestreg og understregning (højst 64), begyndende med et bogstav eller et ciffer`,
		taken: name => `navnet ${name} er optaget: fjern den lejer først (m365-licenses tenants remove ${name}), eller vælg et andet navn`,
		sameTenant: (tenantId, other) => `lejeren ${tenantId} er allerede tilføjet, som ${other}`,
		snapshotOrGraph: 'tenants add kræver --snapshot FIL eller --graph --tenant-id ID, én af de to',
		graphOnly: flag => `${flag} hører til tenants add NAVN --graph, ikke til --snapshot`,
		needsTenantId: 'tenants add --graph kræver --tenant-id ID: mappe-id’et (lejer-id)',
		badTenantId: given =>
			`--tenant-id ${given}: angiv mappe-id’et (lejer-id), f.eks. 00000000-0000-0000-0000-000000000000 (Microsoft Entra Administration > Oversigt > Lejer-id)`,
		added: (name, displayName, tenantId) =>
			`${name} er tilføjet: ${stop(displayName ? `${displayName} (${tenantId})` : tenantId)} Åbn den med --profile ${stop(name)}`,
		listHeader: ['Navn', 'Organisation', 'Lejer-id', 'Kilde'],
		fromSnapshot: file => `lejerfil ${file}`,
		fromGraph: cloud => `Microsoft Graph (${cloud})`,
		none: 'Ingen lejere er tilføjet. Tilføj én: m365-licenses tenants add NAVN --snapshot FIL, eller tenants add NAVN --graph --tenant-id ID.',
		notAdded: (name, names) => `tenants remove ${name}: ingen lejer med det navn${names.length > 0 ? `; de tilføjede lejere er ${liste(names)}` : ''}`,
		removed: (name, dir) => `${name} er fjernet: dens kopier og logon er væk; dens revisionslog og gemte ændringer bliver i ${dir} (--purge fjerner dem også).`,
		purged: name => `${name} er fjernet sammen med alt, der var gemt for den, også revisionsloggen.`,
		purgeQuestion: (name, dir) =>
			`Skal revisionsloggen og de gemte ændringer for ${name} i ${dir} også fjernes? De kan ikke hentes tilbage. Skriv ja for at fjerne dem: `,
		yesWords: ['ja', 'j'],
		purgeNeedsYes: '--purge spørger først; uden en terminal at spørge i skal du tilføje --yes',
		notPurged: 'Intet blev fjernet.',
		allWithProfile: '--all-tenants læser alle tilføjede lejere: --profile kan ikke bruges sammen med den',
		allWithTenant: flag => `--all-tenants læser de tilføjede lejere: ${flag} kan ikke bruges sammen med den`,
		allNone: '--all-tenants: ingen lejere er tilføjet endnu (m365-licenses tenants add NAVN --snapshot FIL, eller --graph --tenant-id ID)',
		allApply: '--all-tenants læser kun: en ændring foretages i én lejer ad gangen (reclaim --profile NAVN --apply)',
		reading: name => `${name}: læser…`,
		read: (name, seconds) => `${name}: læst (${seconds} s)`,
		failed: (name, problem) => `${name}: kunne ikke læses: ${problem}`,
		someFailed: (failed, all) => `${tal(failed)} af ${tal(all)} lejere kunne ikke læses; de andre vises.`,
		allHeader: ['Lejer', 'Produkt', 'Tildelt', 'Tilgængelige', 'I alt'],
		totalRow: 'I alt',
		notRead: problem => `ikke læst: ${problem}`,
		tenantHeading: (name, displayName) => `${name} (${displayName})`,
		reclaimTotals: (licenses, users, tenants) => `I ${flertal(tenants, 'lejer', 'lejere')}: ${licenser(licenses)} hos ${brugere(users)} kan tages tilbage.`,
		discoverNeedsGraph: 'tenants discover læser kunderne hos en partners lejer: tilføj --graph (og --tenant-id ID for partnerens lejer)',
		offer: (displayName, tenantId, name) => `Skal ${displayName} (${tenantId}) tilføjes som ${name}? Skriv ja for at tilføje: `,
		answeredAsOther: (asked, found) => `Microsoft Graph svarede som lejeren ${found} på et adgangstoken til ${asked}: ikke brugt`,
		noCustomers: 'Ingen kunder: denne lejer administrerer ingen andre lejere via GDAP (delegatedAdminCustomers er tom).',
		discoverHeader: ['Navn', 'Organisation', 'Lejer-id', 'Tilstand'],
		alreadyAs: name => `tilføjet før, som ${name}`,
		addedState: 'tilføjet',
		notAddedState: 'ikke tilføjet',
		screenTitle: n => `Lejere (${tal(n)})`,
		row: (who, assigned, available, frees) => `${who}: ${tal(assigned)} tildelt, ${tilgængelige(available)} · frigør ${tal(frees)}`,
		rowReading: who => `${who}: læser…`,
		rowFailed: (who, problem) => `${who}: ikke læst: ${problem}`,
		marker: name => `[${name}]`,
		inTenant: (question, tenant) => `${question.replace(/\?$/, '')} i ${tenant}?`,
		earlierChanges: (entries, dir, how) =>
			`${flertal(entries, 'post', 'poster')} i revisionsloggen for denne lejer, gemt før den blev tilføjet, bliver i ${dir}: m365-licenses audit ${how} viser dem.`,
		auditTenant: name => `[${name}]`,
	},
	dumbTerminal:
		'm365-licenses kan ikke tegne sine skærmbilleder i denne terminal (TERM=dumb: den kan ikke flytte markøren). Underkommandoerne virker i den: se m365-licenses --help.',
	notATerminal:
		'm365-licenses kræver en interaktiv terminal (stdin og stdout skal være en TTY). Uden en terminal kan du bruge underkommandoerne, f.eks. `m365-licenses licenses --json` eller `m365-licenses users --json`; m365-licenses --help viser dem alle.',
};
