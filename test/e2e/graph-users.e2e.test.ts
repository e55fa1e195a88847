// Delete user and Deleted users → Restore on a live tenant, through the built app in a terminal: the
// permission deleting needs (User.ReadWrite.All) is asked for only when first used, with a device code
// shown above the screen, then DELETE /users/{id}, GET /directory/deletedItems/microsoft.graph.user
// and POST /directory/deletedItems/{id}/restore.
import {describe, expect, it} from 'vitest';
import {liveSignIn, requestLines} from '../helpers/sign-in.js';
import {hasTmux, requireBundle, TmuxSession} from '../helpers/tmux.js';

const code = /enter the code\s+[0-9A-F]{8}/;

describe.runIf(hasTmux)('deleting and restoring users on a live tenant', () => {
	it('asks for the permission to delete when first used, deletes, lists the deleted users from Graph and restores', async () => {
		requireBundle();
		const live = await liveSignIn({script: {pending: 0, then: 'wait'}});
		const session = new TmuxSession(live.args(), live.env);
		try {
			await session.waitFor(code);
			live.idp.approve();
			await session.waitFor(/Microsoft 365 Business Premium\s+11\s+2\s+13/);
			// Signed in for reading and licensing only.
			expect(live.idp.consented.has('User.ReadWrite.All')).toBe(false);

			session.keys('2', '/', 'alex.wilber', 'Enter');
			await session.waitFor('filter: alex.wilber');
			session.keys('D');
			await session.waitFor('Delete user: Alex Wilber');
			session.keys('alex.wilber@contoso.com', 'Enter');
			const prompt = await session.waitFor(code);
			expect(session.joinedScreen().replace(/\s+/g, ' ')).toContain('This needs a permission not granted yet (User.ReadWrite.All). To sign in, open https://microsoft.com/devicelogin');
			expect(prompt).toContain('Delete user: Alex Wilber');
			expect(live.graph.deleted).toEqual([]);
			const before = live.idp.requests.length;
			live.idp.approve();
			await session.waitFor('alex.wilber@contoso.com deleted. Their licenses are free.');
			expect(session.screen()).not.toMatch(code);
			// The refresh token could not give the new permission: a code was asked for, then granted.
			expect(requestLines(live.idp, before).at(-1)).toBe('POST /organizations/oauth2/v2.0/token device_code → tokens');
			expect(live.idp.consented.has('User.ReadWrite.All')).toBe(true);
			expect(live.graph.deleted.map(d => d.user.userPrincipalName)).toEqual(['alex.wilber@contoso.com']);
			expect(live.graph.tenant.users.some(u => u.userPrincipalName === 'alex.wilber@contoso.com')).toBe(false);

			session.keys('d');
			await session.waitFor(/Alex Wilber\s+alex\.wilber@contos\S*\s+deleted \d{4}-\d{2}-\d{2}/);
			expect(live.graph.stats.log).toContain('GET /directory/deletedItems/microsoft.graph.user');
			session.keys('Enter');
			await session.waitFor('Restore Alex Wilber, with their licenses?');
			session.keys('y');
			await session.waitFor('alex.wilber@contoso.com restored, with their licenses.');
			// The permission is held now: no second code.
			expect(session.screen()).not.toMatch(code);
			expect(live.graph.deleted).toEqual([]);
			expect(live.graph.stats.log.filter(line => !line.startsWith('GET '))).toEqual([
				`DELETE /users/${live.graph.tenant.users.find(u => u.userPrincipalName === 'alex.wilber@contoso.com')!.id}`,
				`POST /directory/deletedItems/${live.graph.tenant.users.find(u => u.userPrincipalName === 'alex.wilber@contoso.com')!.id}/restore`,
			]);
			expect(live.graph.tenant.users.find(u => u.userPrincipalName === 'alex.wilber@contoso.com')!.assignedLicenses.length).toBeGreaterThan(0);
		} finally {
			session.kill();
		}
		expect(new Set(live.connections())).toEqual(new Set([live.local.idp, live.local.graph]));
	});
});
