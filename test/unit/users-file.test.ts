// --users-file as admins have it: a plain list, or a CSV from PowerShell, the admin center or Excel;
// and the same user named twice is one user.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readUsersFile, usersInText} from '../../source/commands/users-file.js';
import {distinctUsers} from '../../source/domain/given-users.js';
import {NameList} from '../../source/domain/name-list.js';
import type {Tenant} from '../../source/domain/model.js';
import {demoTenant, tempStateDir, userByName} from '../helpers/tenant.js';

const label = '--users-file leavers.csv';
const read = (text: string) => [...usersInText(text, label)];
const refusal = (text: string) => {
	try {
		read(text);
	} catch (error) {
		expect((error as {exitCode: number}).exitCode).toBe(2);
		return (error as Error).message;
	}
	throw new Error('accepted');
};

/** The users given, each once, as distinctUsers tells them. */
const distinct = (tenant: Tenant, given: string[]) => {
	const users = distinctUsers(tenant, NameList.of(given));
	return Array.from({length: users.length}, (_, i) => users.at(i));
};

describe('--users-file formats', () => {
	it('one a line, blank lines and # comments skipped, any line ending', () => {
		expect(read('# leavers\r\nalex@contoso.com\r\n\r\n  diego@contoso.com  \n#x\rlee#1@contoso.com\n')).toEqual([
			'alex@contoso.com',
			'diego@contoso.com',
			'lee#1@contoso.com',
		]);
	});

	it.each([
		['PowerShell Export-Csv', '"DisplayName","UserPrincipalName","Id"\n"Wilber, Alex","alex@contoso.com","1"\n"Diego","diego@contoso.com","2"\n'],
		['the header in lower case', 'userprincipalname\nalex@contoso.com\ndiego@contoso.com\n'],
		[
			"the admin center's export",
			'Display name,User principal name,Licenses\nAlex Wilber,alex@contoso.com,Microsoft 365 Business Premium\nDiego,diego@contoso.com,\n',
		],
		['semicolons (Excel in Danish or German)', 'Navn;UserPrincipalName\nAlex Wilber;alex@contoso.com\n"Siciliani; Diego";diego@contoso.com\n'],
		["Excel's sep= line", 'sep=;\nNavn;UPN-ish;userPrincipalName\nA;x;alex@contoso.com\nD;y;diego@contoso.com\n'],
		['tabs', 'name\tuserPrincipalName\nAlex\talex@contoso.com\nDiego #2\tdiego@contoso.com\n'],
		["tabs, with Excel's sep= line", 'sep=\t\nName\tUserPrincipalName\nA\talex@contoso.com\nD\tdiego@contoso.com\n'],
		['a comment, blank lines and an empty cell', '# exported today\n\nUserPrincipalName,Name\nalex@contoso.com,Alex\n,Nobody\n\ndiego@contoso.com,Diego\n'],
		['a quoted field over two lines', 'userPrincipalName,Note\nalex@contoso.com,"leaves\non Friday"\ndiego@contoso.com,\n'],
	])('a CSV: %s', (_case, text) => {
		expect(read(text)).toEqual(['alex@contoso.com', 'diego@contoso.com']);
	});

	it('refuses a CSV without a userPrincipalName column, naming its columns', () => {
		expect(refusal('Name;Mail\nAlex;alex@contoso.com\n')).toBe(
			'--users-file leavers.csv: has no userPrincipalName column (its columns: Name, Mail); add one, or give one UPN a line',
		);
		expect(refusal('alex@contoso.com,Alex Wilber\n')).toMatch(/has no userPrincipalName column \(its columns: alex@contoso.com, Alex Wilber\)/);
	});

	it('refuses a CSV row too short to have the userPrincipalName column, naming its line', () => {
		expect(refusal('# leavers\nName,UserPrincipalName\nAlex,alex@contoso.com\nDiego\n"Lee, Gu",lee@contoso.com\n')).toBe(
			'--users-file leavers.csv: line 4 has no userPrincipalName (column 2): give it one, or take the line out',
		);
		expect(refusal('sep=;\r\nName;Note;UserPrincipalName\r\nA;"two\r\nlines";alex@contoso.com\r\nB;x\r\n')).toMatch(
			/: line 5 has no userPrincipalName \(column 3\)/,
		);
	});

	it("names no users: only comments, or only Excel's sep= line", () => {
		expect(read('# none\n\n')).toEqual([]);
		expect(read('sep=;\n')).toEqual([]);
	});

	it('refuses a broken CSV with the line', () => {
		expect(refusal('userPrincipalName,Name\nalex@contoso.com,"Alex\n')).toMatch(/^--users-file leavers.csv: is not a valid CSV \(line 2\): Quote Not Closed/);
	});

	it('a BOM, and UTF-16 or binary files refused, from the file', () => {
		const dir = tempStateDir();
		const file = (name: string, content: string | Buffer) => {
			writeFileSync(join(dir, name), content);
			return join(dir, name);
		};
		expect([...readUsersFile(file('bom.csv', '\ufeffUserPrincipalName\r\nalex@contoso.com\r\n'))]).toEqual(['alex@contoso.com']);
		expect([...readUsersFile(file('bom.txt', '\ufeffalex@contoso.com\n'))]).toEqual(['alex@contoso.com']);
		const u16 = file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UserPrincipalName\r\nalex@contoso.com\r\n', 'utf16le')]));
		expect(() => readUsersFile(u16)).toThrow(`--users-file ${u16}: is UTF-16 LE text, not UTF-8`);
		expect(() => readUsersFile('/dev/zero')).toThrow('--users-file /dev/zero: is a binary file');
		const big = file('big.txt', 'alex@contoso.com\n'.repeat(700_000));
		expect(() => readUsersFile(big)).toThrow(`--users-file ${big}: is larger than 10 MB`);
	});
});

describe('the same user given twice', () => {
	it('as a UPN, the UPN in another case and the id: one user, in the order first given', () => {
		const tenant = demoTenant();
		const alex = userByName(tenant, 'Alex Wilber');
		const diego = userByName(tenant, 'Diego Siciliani');
		const given = [alex.userPrincipalName, diego.id, alex.userPrincipalName.toUpperCase(), alex.id.toUpperCase(), diego.userPrincipalName, alex.id];
		expect(distinct(tenant, given)).toEqual([alex.id, diego.id]);
	});

	it('a name that matches nobody: once, as first written', () => {
		expect(distinct(demoTenant(), ['Ghost@contoso.com', 'ghost@CONTOSO.com', 'ghost@contoso.com'])).toEqual(['Ghost@contoso.com']);
	});

	it('names that match nobody among users: each once, in the order given, told apart from the users', () => {
		const tenant = demoTenant();
		const alex = userByName(tenant, 'Alex Wilber');
		const given = ['ghost@contoso.com', alex.userPrincipalName, 'GHOST@contoso.com', 'spook@contoso.com', alex.id, 'Spook@Contoso.com', 'ghost@contoso.com'];
		const users = distinctUsers(tenant, NameList.of(given));
		expect(distinct(tenant, given)).toEqual(['ghost@contoso.com', alex.id, 'spook@contoso.com']);
		expect(users.found).toEqual([alex.id]);
		expect([0, 1, 2].map(i => users.unknown(i))).toEqual([true, false, true]);
	});

	it('names whose hashes are the same but which differ are both kept', () => {
		// FNV-1a of "costarring" and "liquid" is the same 32-bit number.
		expect(distinct(demoTenant(), ['costarring', 'liquid', 'costarring', 'liquid'])).toEqual(['costarring', 'liquid']);
	});
});
