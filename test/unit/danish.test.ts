// Danish as a Danish admin reads it: each class of grammar the text module gets right in one place,
// tested through that place and through the sentences that use it.
import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {da, ejefald} from '../../source/text/da.js';
import {setLanguage} from '../../source/text/index.js';

afterEach(() => setLanguage('en'));

describe('the genitive of a name', () => {
	it('takes s, or after s, x or z only an apostrophe', () => {
		expect(ejefald('Adele Vance')).toBe('Adele Vances');
		expect(ejefald('Søren Kierkegaard')).toBe('Søren Kierkegaards');
		expect(ejefald('Ben Walters')).toBe("Ben Walters'");
		expect(ejefald('Agnès')).toBe("Agnès'");
		expect(ejefald('Max')).toBe("Max'");
		expect(ejefald('Felix')).toBe("Felix'");
		expect(ejefald('Fritz')).toBe("Fritz'");
		expect(ejefald('LUIS')).toBe("LUIS's");
	});

	it("takes 's after an address, an abbreviation in capitals or a number", () => {
		expect(ejefald('lee.gu@contoso.com')).toBe("lee.gu@contoso.com's");
		expect(ejefald('HR')).toBe("HR's");
		expect(ejefald('Team 7')).toBe("Team 7's");
		expect(ejefald('J. Smith')).toBe('J. Smiths');
	});

	it('is what every sentence with a name in the genitive uses', () => {
		expect(da.guide.aloud.hold('Ben Walters')).toMatch(/^Ben Walters' postkasse /);
		expect(da.guide.aloud.hold('Alex Wilber')).toMatch(/^Alex Wilbers postkasse /);
		expect(da.product.selfServiceBeside('Max')).toContain("Max' selvbetjeningskøb");
		// No genitive made by hand: a name followed by a bare s.
		const source = readFileSync(new URL('../../source/text/da.ts', import.meta.url), 'utf8').replace(/export function ejefald[\s\S]*?\n\}\n/, '');
		expect(source).toContain('ejefald(name)');
		expect(source.match(/\$\{[^}]+\}s\b/g) ?? []).toEqual([]);
	});
});

describe("the terms of Microsoft's Danish article and admin center", () => {
	it('roles as the Danish admin center names them, whatever name Graph gives', () => {
		expect(da.readOnly.banner('lee.gu@contoso.com', ['Helpdesk Administrator'])).toBe(
			'Kun læseadgang: lee.gu@contoso.com er Helpdesk-administrator; licensændringer kræver rollen Global administrator, Licensadministrator eller Brugeradministrator.',
		);
		expect(da.cli.mayNot('lee.gu@contoso.com', ['Helpdesk Administrator', 'Directory Readers'], 'unassign', ['Global Administrator', 'License Administrator', 'User Administrator'])).toBe(
			'lee.gu@contoso.com (Helpdesk-administrator, Directory Readers) må ikke fjerne tildeling af licenser: det kræver rollen Global administrator, Licensadministrator eller Brugeradministrator.',
		);
	});

	it('one word for each thing: Brugernavn, Opdater, kun læseadgang, permanent, licenser til, Hvad sker der?', () => {
		expect(da.users.upn).toBe('Brugernavn');
		expect(da.cli.usersHeader[0]).toBe('Brugernavn');
		expect(da.keys.labels.refresh).toBe('Opdater');
		expect(da.readOnly.badge).toBe('kun læseadgang');
		expect(da.consequences.title).toBe('Hvad sker der?');
		expect(da.guide.aloud.mailbox('2026-12-25')).toBe(
			'Mails bevares i en respitperiode på 30 dage, til 25.12.2026, og slettes derefter permanent. Tildeles en licens igen inden for respitperioden, kommer de tilbage.',
		);
		expect(da.nextSteps.freed(3, 'Microsoft 365 Business Premium', 5)).toBe('3 licenser til Microsoft 365 Business Premium er nu ledige (5 tilgængelige).');
		expect(da.nextSteps.billing).toContain('annulleringsvindue og tilbagevendende fakturering');
		expect(da.cli.usage).toMatch(/^Afslutningskoder:/m);
		expect(da.cli.usage).not.toMatch(/slutkoder/);
	});
});
