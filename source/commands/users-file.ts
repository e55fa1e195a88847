// --users-file: who to unassign, in the forms admins have at hand. One UPN or id a line (blank lines
// and # comments skipped); or a CSV with a userPrincipalName column, as PowerShell's Export-Csv, the
// admin center's export ("User principal name") and Excel write it: comma, semicolon or tab
// separated (Excel's "sep=;" line too), quoted fields, a BOM, the header in any case.
import {parse} from 'csv-parse/sync';
import {NameList} from '../domain/name-list.js';
import {UserError} from '../errors.js';
import {readTextFile} from '../backends/text-file.js';
import {strings} from '../text/index.js';
import {exitCodes} from './io.js';

/** A list of users is a few MB at most; a bigger file is a mistake (or /dev/zero), refused at once. */
export const maxUsersFileBytes = 10 * 1024 * 1024;

const delimiters = [',', ';', '\t'];

/** "UserPrincipalName", "userprincipalname", "User principal name", "user_principal_name". */
const isUpnHeader = (cell: string) =>
	cell
		.trim()
		.replace(/^"(.*)"$/, '$1')
		.replace(/[\s_-]/g, '')
		.toLowerCase() === 'userprincipalname';

export function readUsersFile(file: string): NameList {
	const label = `--users-file ${file}`;
	const users = usersInText(readTextFile(file, label, maxUsersFileBytes, exitCodes.usage), label);
	// V8 keeps the subject of the last successful match (RegExp.lastMatch, a legacy static) alive: left
	// as it is, that is a CSV's whole text, copied (up to 10 MB), for as long as the command runs.
	/^/.exec('');
	return users;
}

/** The file's lines, one at a time, with their numbers (from 1) and where they start: never all held as an array. */
function* linesOf(text: string): Generator<{number: number; line: string; start: number}, void, undefined> {
	const breaks = /\r\n|\r|\n/g;
	for (let number = 1, start = 0; start <= text.length; number++) {
		const found = breaks.exec(text);
		yield {number, line: text.slice(start, found ? found.index : text.length), start};
		start = found ? breaks.lastIndex : text.length + 1;
	}
}

/**
 * The users a users file names, in its order. `label` starts every message. Read line by line, and
 * a CSV record by record, keeping the names alone: one a line, as where they are in the text (an
 * 800,000-line file costs its text and 8 bytes a name); from a CSV, as the names read.
 */
export function usersInText(text: string, label: string): NameList {
	const refuse = (problem: string) => new UserError(`${label}: ${problem}`, exitCodes.usage);
	const meaningful = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
	const lines = linesOf(text);
	const next = () => {
		for (let found = lines.next(); !found.done; found = lines.next()) if (meaningful(found.value.line)) return found.value;
		return null;
	};
	const first = next();
	if (!first) return NameList.of([]);
	const sep = /^sep=(.)\s*$/i.exec(first.line);
	const header = sep ? next() : first;
	if (!header) return NameList.of([]);
	const delimiter = sep ? sep[1]! : (delimiters.find(d => header.line.split(d).some(isUpnHeader)) ?? (isUpnHeader(header.line) ? ',' : undefined));
	if (delimiter === undefined) {
		// A UPN holds none of these: a line with one is a CSV without the column to read.
		const separated = delimiters.find(d => header.line.includes(d));
		if (separated) throw refuse(strings.usersFile.noColumn(header.line.split(separated).map(cell => cell.trim())));
		const plain = NameList.in(text);
		for (let found: ReturnType<typeof next> = header; found; found = next()) {
			const {line, start} = found;
			plain.add(start + line.length - line.trimStart().length, start + line.trimEnd().length);
		}
		return plain.done();
	}
	// The CSV from its header on, its line breaks made one kind so that its lines count as the file's.
	const before = header.number - 1;
	let column = -1;
	const names = NameList.collect();
	try {
		parse(text.slice(header.start).replace(/\r\n?/g, '\n'), {
			delimiter,
			comment: '#',
			comment_no_infix: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
			// Each record gives its name and is dropped: the records themselves are never kept.
			on_record: (record: string[], {lines: at}: {lines: number}) => {
				if (column < 0) {
					column = record.findIndex(isUpnHeader);
					if (column < 0) throw refuse(strings.usersFile.noColumn(record));
				} else if (record.length <= column) throw refuse(strings.usersFile.noUpn(at + before, column + 1));
				else if (record[column] !== '') names.push(record[column]!);
				return null;
			},
		});
		return names.done();
	} catch (error) {
		if (error instanceof UserError) throw error;
		const {message, lines: at, code} = error as Error & {lines?: number; code?: string};
		throw refuse(strings.usersFile.notCsv(at === undefined ? null : at + before, message, code));
	}
}
