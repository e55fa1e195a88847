// A tenant whose names attack the terminal, and the check of what reached it. Every kind of text a
// tenant supplies carries a payload: display names, UPNs (the signed-in admin's too), a product's
// part number (shown as its name when Microsoft's table does not know the product), the
// organisation and group names.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {demoTenantPath} from '../../source/paths.js';
import {tempStateDir} from './tenant.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The attacks, by name. None may reach a terminal raw. */
export const payloads = {
	clear: '\u001b[2J\u001b[H',
	title: '\u001b]0;PWNED-TITLE\u0007',
	clipboard: '\u001b]52;c;cm0gLXJmIH4=\u0007',
	dcs: '\u001bP1$qm\u001b\\',
	c1: '\u009b6n\u009d2;C1-TITLE\u009c',
	report: '\u001b[6n\u001b[21t\u001bc',
	nul: 'a\u0000b\u0007c\u0008d\u007f',
	bidi: '\u202egnp.exe\u202c\u2066x\u2069\u200e\u061c',
	invisible: 'ad\u200bmin\u200d\ufeff\u2060\u{e0041}\u3164',
	markup: '| <script>alert(1)</script> `code` **b** [x](javascript:1)',
	lines: 'one\ntwo\r\u2028three',
} as const;

/** Ordinary writing that must come through untouched. */
export const ordinaryName = 'Søren Ærø 王小明 👩‍💻';

export const hostileSkuId = 'a0a0a0a0-0000-4000-8000-00000000beef';
export const hostile = {
	organization: `Contoso ${payloads.title}${payloads.clear} Ltd`,
	admin: `megan${payloads.clipboard}.bowen@contoso.com`,
	product: `EVIL${payloads.title}${payloads.markup}`,
	group: `Visio ${payloads.dcs}${payloads.bidi} Users`,
};

/** The demo tenant with every kind of tenant text made hostile; valid, so it opens. */
export function hostileTenant(): Json {
	const tenant: Json = JSON.parse(readFileSync(demoTenantPath, 'utf8'));
	tenant['organization'].displayName = hostile.organization;
	const attacks = Object.values(payloads);
	const users = tenant['users'] as Json[];
	users.forEach((user, i) => {
		const attack = attacks[i % attacks.length]!;
		user['displayName'] = `${user['displayName']} ${attack}`;
		// A UPN has no whitespace (the schema says so): the payloads without it go into UPNs.
		if (!/\s/.test(attack)) user['userPrincipalName'] = user['userPrincipalName'].replace('@', `${attack}@`);
	});
	users[0]!['userPrincipalName'] = hostile.admin;
	tenant['signedInUser'] = hostile.admin;
	users[1]!['displayName'] = ordinaryName;
	for (const group of tenant['groups'] as Json[]) group['displayName'] = hostile.group;
	// A product Microsoft's table does not know is shown by its part number.
	const template = (tenant['subscribedSkus'] as Json[])[0]!;
	tenant['subscribedSkus'].push({
		...template,
		id: `x_${hostileSkuId}`,
		skuId: hostileSkuId,
		skuPartNumber: hostile.product,
		consumedUnits: 2,
		subscriptionIds: [],
	});
	tenant['subscriptions'].push({
		id: 'b0b0b0b0-0000-4000-8000-00000000beef',
		skuId: hostileSkuId,
		skuPartNumber: hostile.product,
		status: 'Enabled',
		totalLicenses: 5,
		isTrial: false,
		ownerType: 'Company',
		ownerId: null,
	});
	for (const user of users.slice(2, 4)) {
		user['assignedLicenses'].push({skuId: hostileSkuId, disabledPlans: []});
		user['licenseAssignmentStates'].push({skuId: hostileSkuId, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: []});
	}
	return tenant;
}

export function hostileTenantFile(): string {
	const file = join(tempStateDir(), 'hostile.json');
	writeFileSync(file, JSON.stringify(hostileTenant()));
	return file;
}

const emojiSequences = new RegExp(String.raw`\p{RGI_Emoji}`, 'gv');
const hiddenOrControl = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;

/**
 * What is wrong with the bytes a program wrote to a terminal: any escape sequence but the CSI that
 * Ink draws with (`ink`: cursor moves, erasing, SGR; the cursor, alternate-screen and synchronised-output
 * modes), any other
 * control character (C0 but line endings, C1), any bidi, zero-width or invisible character outside
 * an emoji. Empty when the output is safe.
 */
export function terminalProblems(output: Buffer | string, {ink = false} = {}): string[] {
	const text = typeof output === 'string' ? output : output.toString('utf8');
	const problems: string[] = [];
	const withoutCsi = text.replace(/\u001b\[([0-?]*)([ -/]*)([@-~])/g, (sequence: string, params: string, _middle: string, final: string) => {
		const drawing = /^[ABCDEFGHJKm]$/.test(final) || (/^[hl]$/.test(final) && /^\?(25|1049|2004|2026)$/.test(params));
		if (!ink || !drawing) problems.push(`escape sequence ${JSON.stringify(sequence)}`);
		return '';
	});
	const rest = withoutCsi.replace(emojiSequences, '').replace(/\r?\n/g, '');
	for (const char of rest) {
		if (hiddenOrControl.test(char)) problems.push(`raw ${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
	}
	return [...new Set(problems)];
}
