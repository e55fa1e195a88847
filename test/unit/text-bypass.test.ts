// Every word shown comes from the text module (source/text): a word written anywhere else would stay
// English on a Danish screen. This reads the source as TypeScript and fails on any literal with a
// word in it that is drawn (JSX text, a literal inside <Text>…</Text>) or written out (io.out, io.err,
// process.stdout/stderr.write, a UserError or usage error), outside source/text. And inside it, da.ts
// says no word of the app's English (en.ts) but the names English keeps: products, Microsoft's
// English-only terms and titles, and what is typed (commands, flags, keys, --section's values).
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import ts from 'typescript';
import {describe, expect, test} from 'vitest';
import {clouds} from '../../source/backends/graph/clouds.js';
import {consequenceKinds} from '../../source/domain/consequences.js';
import {sectionIds} from '../../source/domain/reclaim.js';
import {tenantActions} from '../../source/present/command-line.js';
import {da} from '../../source/text/da.js';
import {en} from '../../source/text/en.js';
import {languageIds} from '../../source/text/index.js';
import {keyTable, keyText} from '../../source/ui/keys.js';
import {englishOn} from '../helpers/english.js';

const root = join(import.meta.dirname, '../../source');

/** Where words are said: everything but the text module itself, the pure domain and the build tools. */
const sayers = ['ui', 'commands', 'backends', 'store', 'cli.tsx', 'tui.tsx'];

function files(path: string): string[] {
	if (/\.tsx?$/.test(path)) return [path];
	try {
		return readdirSync(path, {withFileTypes: true}).flatMap(entry => files(join(path, entry.name)));
	} catch {
		return [];
	}
}

/** Calls whose string arguments reach the user. */
const writers = /^(io\.(out|err)|process\.(stdout|stderr)\.write|say|tell|fail|usage|usageError|new UserError)$/;

/** A literal's own text says a word: two letters in a row, beyond the program's name and flags. */
export const saysAWord = (text: string) =>
	/\p{L}{2,}/u.test(
		text
			.replace(/m365-licenses/g, '')
			.replace(/--[a-z-]+/g, '')
			.replace(/\\u[0-9A-F]{4}|\\x[0-9A-F]{2}|\u001B\[[0-9;]*[A-Za-z]/g, ''),
	);

/** Literal texts with a word, and where: JSX text, literals inside JSX, literals passed to a writer. */
export function wordsOutside(file: string, source: string): string[] {
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
	const found: string[] = [];
	const at = (node: ts.Node) => `${relative(root, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
	/** The literal texts in an expression (a template's fixed parts, both arms of a condition), not in calls it makes. */
	const literals = (node: ts.Node): Array<[ts.Node, string]> => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [[node, node.text]];
		if (ts.isTemplateExpression(node)) {
			return [
				[node.head, node.head.text] as [ts.Node, string],
				...node.templateSpans.flatMap(span => [[span.literal, span.literal.text] as [ts.Node, string], ...literals(span.expression)]),
			];
		}
		if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
		if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...literals(node.left), ...literals(node.right)];
		if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind))
			return literals(node.right);
		if (ts.isParenthesizedExpression(node)) return literals(node.expression);
		// Words handed to the text module's sentences end up in them: a phrase there is a word said
		// outside it (an id such as 'read' or 'group-assigned' is not).
		if (ts.isCallExpression(node) && node.expression.getText(tree).startsWith('strings.')) {
			return node.arguments.flatMap(literals).filter(([, text]) => /\s/.test(text.trim()));
		}
		return [];
	};
	const report = (pairs: Array<[ts.Node, string]>) => {
		for (const [node, text] of pairs) if (saysAWord(text)) found.push(`${at(node)} ${JSON.stringify(text)}`);
	};
	const visit = (node: ts.Node) => {
		if (ts.isJsxText(node) && saysAWord(node.text)) found.push(`${at(node)} ${JSON.stringify(node.text.trim())}`);
		if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) report(literals(node.expression));
		if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
			const callee = `${ts.isNewExpression(node) ? 'new ' : ''}${node.expression.getText(tree)}`;
			if (writers.test(callee)) for (const argument of node.arguments ?? []) report(literals(argument));
		}
		ts.forEachChild(node, visit);
	};
	visit(tree);
	return found;
}

describe('every word shown comes from the text module', () => {
	test('the check finds a word said outside it', () => {
		expect(wordsOutside('x.tsx', 'const a = <Text>Save changes</Text>;')).toHaveLength(1);
		expect(wordsOutside('x.tsx', "const a = <Text>{done ? 'Done' : strings.x}</Text>;")).toHaveLength(1);
		expect(wordsOutside('x.ts', 'io.err(`m365-licenses: no sign-in was kept.\\n`);')).toHaveLength(1);
		expect(wordsOutside('x.ts', 'throw usage(`${command} needs --users`);')).toHaveLength(1);
		expect(wordsOutside('x.ts', "throw new UserError(strings.x + ' failed', 2);")).toHaveLength(1);
		expect(wordsOutside('x.ts', "throw usage(strings.reset.notWith(dryRun ? '--dry-run' : 'reclaim without --apply'));")).toHaveLength(1);
		expect(wordsOutside('x.ts', "throw usage(strings.state.cannot('read', path, reason));")).toEqual([]);
		expect(wordsOutside('x.ts', 'io.err(`m365-licenses: ${strings.unassign.cancelled}\\n`);')).toEqual([]);
		expect(wordsOutside('x.tsx', 'const a = <Text color="green">{\'· \'}{strings.x}</Text>;')).toEqual([]);
	});

	test('no file outside source/text says a word of its own', () => {
		const found = sayers.flatMap(dir => files(join(root, dir))).flatMap(file => wordsOutside(file, readFileSync(file, 'utf8')));
		expect(found).toEqual([]);
	});

	test('no phrase is written outside it, wherever it is written', () => {
		const found = sayers
			.flatMap(dir => files(join(root, dir)))
			.filter(file => !unsaid.files.some(name => file.endsWith(name)))
			.flatMap(file => phrasesIn(file, readFileSync(file, 'utf8')))
			.filter(phrase => !unsaid.phrases.some(known => phrase.includes(known)));
		expect(found).toEqual([]);
	});
});

/** Phrases in the source that are not said to the user, each for its reason. */
const unsaid = {
	/** The state files' schemas and the validators made from them: descriptions for the reader of the code, and ajv's messages, described again by state-schema.ts. */
	files: [
		'store/state.schema.ts',
		'store/state-validators.ts',
		// The schemas of the published files (read by scripts and editors, never shown by the app): their descriptions.
		'backends/tenant.schema.ts',
		'commands/output.schema.ts',
		// Generated from those: the same descriptions, and Ajv's messages. The tests alone check the output;
		// a snapshot's error is said in strings.schema's words, and in Ajv's after the path for a keyword
		// it has none for (as when Ajv compiled the schema at start-up).
		'backends/tenant-validator.ts',
		'commands/output-validators.ts',
	],
	phrases: [
		// Programming errors: a hook used outside the app; an unassign given a reason or outcome only an assign has.
		'outside <App>',
		'only an assign has',
		// What a token is replaced with in a --debug trace.
		'[token removed]',
		// Errors with a code (EIO) that diskError says in words, and guards for ids the screens take from the store's own lists.
		'short write',
		'"No user"',
		'"No deleted user"',
		// The demo and snapshots answer as Microsoft Graph does, in Graph's English.
		'License assignment cannot be done',
		'No licenses of this product are available.',
	],
};

/** Every literal text with two words in a row in a file (comments and imports aside), with where. */
function phrasesIn(file: string, source: string): string[] {
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
		const text =
			ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) ? node.text : null;
		if (text !== null && /\p{L}{2,}\s+\p{L}{2,}/u.test(text))
			found.push(`${relative(root, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${JSON.stringify(text.trim())}`);
		ts.forEachChild(node, visit);
	};
	visit(tree);
	return found;
}

describe('a Danish screen says no English word', () => {
	test('the English words are found on an English screen, not on a Danish one, nor in names', () => {
		expect(englishOn('Unassign Microsoft 365 Business Premium from 2 users?')).toEqual(['unassign', 'from']);
		expect(englishOn('enter Open product  / Filter  q Quit')).toEqual(['open', 'quit']);
		expect(englishOn('Fjern tildeling af Microsoft 365 Business Premium fra 2 brugere?')).toEqual([]);
		expect(englishOn('mellemrum Markér  Nestor Wilke  Exchange Online Archiving  /tmp/reports/guided-unassign-1.md')).toEqual([]);
		// A key Danish names in its own word is English under its English name.
		expect(englishOn('space Markér  tab/→ Næste afsnit  enter Åbn produkt')).toEqual(['space']);
	});
});

/**
 * Names that stay English in Danish text: product and service names as Microsoft names them, tools'
 * names, and Microsoft's English-only terms and titles (a README heading, articles with no Danish
 * title, an example of what is typed).
 */
const englishNames = [
	'"Live tenants: the one-time app registration"',
	'"Exchange Online Archiving service description"',
	'"Manage unlicensed OneDrive user accounts"',
	'"business premium"',
	'Microsoft 365 Business Premium',
	'OneDrive for Business (Basic)',
	'Exchange Online Archiving',
	'Exchange Online Kiosk',
	'Exchange Online',
	'Exchange',
	'SharePoint Kiosk',
	'SharePoint',
	'Microsoft 365 Archive',
	'Microsoft Entra',
	'Microsoft Graph',
	'Microsoft Teams',
	'Microsoft',
	'OneDrive',
	'Office',
	'Teams',
	'Graph',
	'Windows PowerShell',
	'Windows',
	'Excel',
	// HTTP's Basic authentication, as a proxy asks for it.
	'Basic',
	'Markdown',
	'Contoso',
	'GCC High',
	'curl',
	'gzip',
	'stdin',
	'stdout',
	'Node',
	'pid',
	'localhost',
];

const namesLongestFirst = [...englishNames].sort((a, b) => b.length - a.length).map(name => new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'));

/** Danish words spelled as English ones (and a few Danish IT words taken from English long ago). */
const sameInDanish = new Set(
	'at da en to for over under have lang via id log alt start stop person status version problem filter format form flag global guide plan app apps administrator argument backend browser cloud online proxy server link pipe socket terminal organisation private'.split(
		' ',
	),
);

/** What a Danish text names as it is typed: commands, keys as Danish shows them, --section's, --cloud's and --lang's values, --json's kinds. */
const typedNames = new Set(
	[
		...keyTable.flatMap(binding => binding.keys.flatMap(spec => (da.keys.names[spec.key] ?? keyText(spec)).split('+'))),
		...languageIds,
		...Object.keys(en.cli.help.shapes).filter(Boolean),
		// tenants' own words: tenants add, list, remove, discover.
		...tenantActions,
		...sectionIds,
		...consequenceKinds,
		...Object.keys(clouds),
		'organizations',
	].map(name => name.toLowerCase()),
);

/** The literal texts of a language file's values: not its imports, keys, types or the ids a value is compared with. */
function valuesOf(file: string, source: string): string[] {
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const compares = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken];
	const visit = (node: ts.Node) => {
		if (ts.isImportDeclaration(node) || ts.isTypeNode(node) || (ts.isBinaryExpression(node) && compares.includes(node.operatorToken.kind))) return;
		if (ts.isPropertyAssignment(node)) return visit(node.initializer);
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) found.push(node.text);
		ts.forEachChild(node, visit);
	};
	visit(tree);
	return found;
}

/** Words of a text that English says and Danish does not, once names of every kind are taken out. */
function englishWordsIn(text: string, english: ReadonlySet<string>): string[] {
	// The program's own name, --json's fields, flags, addresses, paths, files, dotted permissions, locales, cmdlets.
	let said = text
		.replace(/m365-licenses/g, ' ')
		.replace(/--json:[^)]*/g, ' ')
		.replace(/(?<![\p{L}\d])--?[A-Za-z][\w-]*(=\S*)?/gu, ' ')
		.replace(/\S*[@/\\]\S*|\S+\.[\p{L}\d]\S*|\b[a-z]{2}-[A-Z]{2}\b|\b[A-Z][a-z]+-[A-Z]\w*/gu, ' ');
	for (const name of namesLongestFirst) said = said.replace(name, ' ');
	said = said
		// A field in quotes, and identifiers: camelCase, SNAKE_CASE, with digits, product:NAVN, TERM=dumb.
		.replace(/"\w+"/g, ' ')
		.replace(/\S+[:=]\S+|\b\w*[a-z][A-Z_]\w*\b|\b[A-Z0-9_]{2,}\b|\b\w*\d\w*\b/g, ' ');
	const words = (said.match(/[\p{L}][\p{L}-]*/gu) ?? []).filter(word => !typedNames.has(word.toLowerCase())).flatMap(word => word.split('-'));
	return words.map(word => word.toLowerCase()).filter(word => word.length >= 2 && english.has(word) && !sameInDanish.has(word));
}

describe('da.ts says no English word', () => {
	const english = new Set(valuesOf('en.ts', readFileSync(join(root, 'text/en.ts'), 'utf8')).flatMap(text => text.toLowerCase().match(/\p{L}{2,}/gu) ?? []));
	const found = (text: string) => englishWordsIn(text, english);

	test('the check finds English in a Danish value, and not in names', () => {
		expect(found('Flere kinds kan komme til: ignorer ukendte')).toEqual(['kinds']);
		expect(found('mister Office-apps ("Unlicensed Product", begrænset funktionalitet)')).toEqual(['unlicensed', 'product']);
		expect(found('Skriv; backspace sletter')).toEqual(['backspace']);
		expect(found('space markerer, enter vælger, esc går tilbage')).toEqual(['space']);
		expect(found('2 brugere failed, ikke sendt for 1 bruger')).toEqual(['failed']);
		expect(found('Fjern tildeling af Exchange Online (Plan 2) fra 2 brugere; se README, "Live tenants: the one-time app registration".')).toEqual([]);
		expect(found('unassign --product P (--users UPN[,UPN…] | --users-file FIL) [--dry-run] (--json: kind, effect, from, to, text)')).toEqual([]);
		expect(found('Kun læseadgang: lee.gu@contoso.com er Helpdesk-administrator; product:NAVN, LicenseAssignment.ReadWrite.All, Get-Mailbox')).toEqual([]);
	});

	test('in any of its values', () => {
		const values = valuesOf('da.ts', readFileSync(join(root, 'text/da.ts'), 'utf8'));
		expect(values.length).toBeGreaterThan(300);
		expect(values.flatMap(text => found(text).map(word => `${word}: ${text.trim().slice(0, 80)}`))).toEqual([]);
	});
});
