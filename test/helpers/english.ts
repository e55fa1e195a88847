// A Danish screen with an English word on it: a word that came from somewhere other than the text
// module. The words are the English text's own (every string in en.ts, and what its sentence
// builders say with sample values) that Danish never uses; names from the demo tenant (products,
// people, groups) and the keys' names as Danish shows them (enter, esc, PgUp) are left out.
import {readFileSync} from 'node:fs';
import {da} from '../../source/text/da.js';
import {en} from '../../source/text/en.js';
import {keyTable, keyText} from '../../source/ui/keys.js';

/** Every text in a language's words: strings as they are, sentence builders called with sample values. */
export function texts(value: unknown, depth = 0): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(item => texts(item, depth + 1));
	if (typeof value === 'function') {
		try {
			// Numbers for counts, strings for names: enough to hear the fixed words around them.
			return depth > 8 ? [] : texts(value(...Array.from({length: value.length || 1}, (_, i) => (i % 2 === 0 ? 2 : 'X'))), depth + 1);
		} catch {
			return [];
		}
	}
	if (value && typeof value === 'object') return Object.values(value).flatMap(item => texts(item, depth + 1));
	return [];
}

const wordsOf = (text: string) => (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) as string[];

// Not the Danish --help (its command and field names are the program's, in English), nor names with
// a hyphen or colon (remove-from-group, product:NAVN): English words in them are not Danish words.
// Nor titles quoted from Microsoft ("Remove a former employee"), nor the commands' and --section's
// names, which a Danish message names as they are typed.
const unsaid = (text: string) => text.replace(/"[^"]*"|\S*[-:]\S*/g, ' ');
const programNames = new Set(['unassign', 'licenses', 'users', 'reclaim', 'audit', 'doctor', 'logout', 'redundant', 'blocked', 'inactive']);
const danishWords = new Set(
	texts({...da, cli: {...da.cli, help: {}}})
		.flatMap(text => wordsOf(unsaid(text)))
		.filter(word => !programNames.has(word)),
);
const demoNames = new Set(wordsOf(readFileSync(new URL('../../demo-data/contoso.json', import.meta.url), 'utf8')));
/** The keys' names as a Danish screen shows them (enter, PgUp, mellemrum): not "space", which Danish says in its own word. */
const keyNames = new Set(keyTable.flatMap(binding => binding.keys.flatMap(spec => wordsOf(da.keys.names[spec.key] ?? keyText(spec)))));

/** English words no Danish text says and no demo name holds. */
export const englishWords = new Set(
	texts(en)
		.flatMap(wordsOf)
		.filter(word => !danishWords.has(word) && !demoNames.has(word) && !keyNames.has(word)),
);

/** The English words on a screen (or in a text), for an expectation that there are none. */
export function englishOn(screen: string, {commandLine = false} = {}): string[] {
	// Paths, addresses, file names (guided-unassign-….md) and quoted titles are names, not words said;
	// on the command line, so are the commands' names.
	const said = unsaid(screen.replace(/\S*[/@]\S*|\S+\.md\b/g, ' '));
	return [...new Set(wordsOf(said).filter(word => englishWords.has(word) && !(commandLine && programNames.has(word))))];
}
