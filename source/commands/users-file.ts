// --users-file: who to unassign, in the forms admins have at hand. One UPN or id a line (blank lines
// and # comments skipped); or a CSV with a userPrincipalName column, as PowerShell's Export-Csv, the
// admin center's export ("User principal name") and Excel write it: comma, semicolon or tab
// separated (Excel's "sep=;" line too), quoted fields, a BOM, the header in any case.
import {parse} from 'csv-parse/sync';
import {UserError} from '../backends/backend.js';
import {readTextFile} from '../backends/text-file.js';
import {strings} from '../text/index.js';
import {exitCodes} from './io.js';

/** A list of users is a few MB at most; a bigger file is a mistake (or /dev/zero), refused at once. */
export const maxUsersFileBytes = 10 * 1024 * 1024;

const delimiters = [',', ';', '\t'];

/** "UserPrincipalName", "userprincipalname", "User principal name", "user_principal_name". */
const isUpnHeader = (cell: string) => cell.trim().replace(/^"(.*)"$/, '$1').replace(/[\s_-]/g, '').toLowerCase() === 'userprincipalname';

export function readUsersFile(file: string): string[] {
	const label = `--users-file ${file}`;
	return usersInText(readTextFile(file, label, maxUsersFileBytes, exitCodes.usage), label);
}

/** The users a users file names, in its order. `label` starts every message. */
export function usersInText(text: string, label: string): string[] {
	const refuse = (problem: string) => new UserError(`${label}: ${problem}`, exitCodes.usage);
	const lines = text.split(/\r\n|\r|\n/);
	const meaningful = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
	const first = lines.findIndex(meaningful);
	if (first < 0) return [];
	const sep = /^sep=(.)\s*$/i.exec(lines[first]!);
	const headerAt = sep ? lines.findIndex((line, i) => i > first && meaningful(line)) : first;
	if (headerAt < 0) return [];
	const header = lines[headerAt]!;
	const delimiter = sep ? sep[1]! : (delimiters.find(d => header.split(d).some(isUpnHeader)) ?? (isUpnHeader(header) ? ',' : undefined));
	if (delimiter === undefined) {
		// A UPN holds none of these: a line with one is a CSV without the column to read.
		const separated = delimiters.find(d => header.includes(d));
		if (separated) throw refuse(strings.usersFile.noColumn(header.split(separated).map(cell => cell.trim())));
		return lines.map(line => line.trim()).filter(meaningful);
	}
	let rows: string[][];
	try {
		rows = parse(lines.slice(headerAt).join('\n'), {
			delimiter,
			comment: '#',
			comment_no_infix: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
		});
	} catch (error) {
		const {message, lines: at, code} = error as Error & {lines?: number; code?: string};
		throw refuse(strings.usersFile.notCsv(at === undefined ? null : at + headerAt, message, code));
	}
	const [names = [], ...records] = rows;
	const column = names.findIndex(isUpnHeader);
	if (column < 0) throw refuse(strings.usersFile.noColumn(names));
	return records.map(record => record[column] ?? '').filter(upn => upn !== '');
}
