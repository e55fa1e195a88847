// The guide's Markdown report on a hostile tenant: safe to cat, and rendered it shows the names as
// written: no HTML, no extra table columns, no headings or code made of a display name.
import MarkdownIt from 'markdown-it';
import {describe, expect, it} from 'vitest';
import {validateTenant} from '../../source/backends/validate-tenant.js';
import type {UserOutcome} from '../../source/domain/plan.js';
import {guideReport} from '../../source/ui/guide-text.js';
import {namesOf} from '../../source/ui/use-apply.js';
import {hostile, hostileSkuId, hostileTenant, terminalProblems} from '../helpers/hostile.js';

describe('guide report', () => {
	const tenant = validateTenant(hostileTenant(), 'hostile.json');
	const outcomes: UserOutcome[] = tenant.users.map((user, i) => ({
		userId: user.id,
		userPrincipalName: user.userPrincipalName,
		skuId: hostileSkuId,
		requested: 'remove',
		outcome: i % 2 === 0 ? 'removed' : 'failed',
		reason: i % 2 === 0 ? null : 'error',
		message: i % 2 === 0 ? null : `Graph said: ${user.displayName}`,
	}));
	const report = guideReport({
		tenant,
		admin: hostile.admin,
		product: {skuId: hostileSkuId, skuPartNumber: hostile.product, name: hostile.product},
		startedAt: new Date('2026-11-25T18:15:02Z'),
		finishedAt: new Date('2026-11-25T18:16:40Z'),
		shown: tenant.users.map(user => `${user.displayName} will lose their mailbox.`),
		outcomes,
		names: namesOf(tenant),
	});

	it('holds no control, escape, bidi or invisible character', () => {
		expect(terminalProblems(report)).toEqual([]);
		expect(report).toContain('Contoso \\\\u001b\\]0;PWNED-TITLE\\\\u0007');
	});

	it('renders as written: one table row of four cells per outcome, no HTML, every paragraph a paragraph', () => {
		const html = new MarkdownIt().render(report);
		expect(html).not.toMatch(/<script|<a |<code|<strong|<h[3-6]|<blockquote|<li>.*<li>/);
		const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1);
		expect(rows).toHaveLength(outcomes.length);
		for (const [, row] of rows) expect(row!.match(/<td>/g)).toHaveLength(4);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html.match(/<p>/g)).toHaveLength(tenant.users.length);
	});
});
