// Every word shown comes from the text module (source/text): a word written anywhere else would stay
// English on a Danish screen. This reads the source as TypeScript and fails on any literal with a
// word in it that is drawn (JSX text, a literal inside <Text>…</Text>) or written out (io.out, io.err,
// process.stdout/stderr.write, a UserError or usage error), outside source/text.
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import ts from 'typescript';
import {describe, expect, test} from 'vitest';
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
			return [[node.head, node.head.text] as [ts.Node, string], ...node.templateSpans.flatMap(span => [[span.literal, span.literal.text] as [ts.Node, string], ...literals(span.expression)])];
		}
		if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
		if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...literals(node.left), ...literals(node.right)];
		if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) return literals(node.right);
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
		expect(wordsOutside('x.ts', "throw usage(`${command} needs --users`);")).toHaveLength(1);
		expect(wordsOutside('x.ts', "throw new UserError(strings.x + ' failed', 2);")).toHaveLength(1);
		expect(wordsOutside('x.ts', "throw usage(strings.reset.notWith(dryRun ? '--dry-run' : 'reclaim without --apply'));")).toHaveLength(1);
		expect(wordsOutside('x.ts', "throw usage(strings.state.cannot('read', path, reason));")).toEqual([]);
		expect(wordsOutside('x.ts', 'io.err(`m365-licenses: ${strings.unassign.cancelled}\\n`);')).toEqual([]);
		expect(wordsOutside('x.tsx', "const a = <Text color=\"green\">{'· '}{strings.x}</Text>;")).toEqual([]);
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
	/** Generated from state.schema.json: its descriptions and ajv's messages, described again by state-schema.ts. */
	files: [
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
		if (text !== null && /\p{L}{2,}\s+\p{L}{2,}/u.test(text)) found.push(`${relative(root, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${JSON.stringify(text.trim())}`);
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
		expect(englishOn('space Markér  Nestor Wilke  Exchange Online Archiving  /tmp/reports/guided-unassign-1.md')).toEqual([]);
	});
});
