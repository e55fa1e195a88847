// Delete user and Deleted users → Restore on a live tenant, through the built app in a terminal: the
// permission deleting needs (User.ReadWrite.All) is asked for only when first used, with a device code
// shown above the screen, then DELETE /users/{id}, GET /directory/deletedItems/microsoft.graph.user
// and POST /directory/deletedItems/{id}/restore.
import {describe, expect, it} from 'vitest';
import {liveSignIn, requestLines} from '../helpers/sign-in.js';
import {hasTmux, requireBundle, TmuxSession} from '../helpers/tmux.js';

const code = /enter\s+the\s+code\s+[0-9A-F]{8}/;

describe.runIf(hasTmux)('deleting and restoring users on a live tenant', () => {
	it('asks for each permission when first used: deletes, lists the deleted users from Graph, restores, removes from a group', async () => {
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
			expect(session.joinedScreen().replace(/\s+/g, ' ')).toContain(
				'This needs a permission not granted yet (User.ReadWrite.All). To sign in, open https://microsoft.com/devicelogin',
			);
			expect(prompt).toContain('Delete user: Alex Wilber');
			expect(live.graph.deleted).toEqual([]);
			const before = live.idp.requests.length;
			live.idp.approve();
			await session.waitFor('Deleted alex.wilber@contoso.com. Their licenses are free.');
			expect(session.screen()).not.toMatch(code);
			// The refresh token could not give the new permission: a code was asked for, then granted.
			expect(requestLines(live.idp, before).at(-1)).toBe('POST /organizations/oauth2/v2.0/token device_code → tokens');
			expect(live.idp.consented.has('User.ReadWrite.All')).toBe(true);
			expect(live.graph.deleted.map(d => d.user.userPrincipalName)).toEqual(['alex.wilber@contoso.com']);
			expect(live.graph.tenant.users.some(u => u.userPrincipalName === 'alex.wilber@contoso.com')).toBe(false);

			// The next steps for the licenses freed, then Deleted users.
			await session.waitFor('Next steps');
			session.keys('Enter');
			await session.waitFor('Active users (');
			session.keys('d');
			await session.waitFor(/Alex Wilber\s+alex\.wilber@contos\S*\s+deleted \d{4}-\d{2}-\d{2}/);
			// Read from Graph as the list opens (the list shows the user deleted meanwhile at once).
			for (const deadline = Date.now() + 10_000; !live.graph.stats.log.includes('GET /directory/deletedItems/microsoft.graph.user');) {
				if (Date.now() > deadline) throw new Error('Deleted users were not read from Graph');
				await new Promise(resolve => setTimeout(resolve, 25));
			}
			session.keys('Enter');
			await session.waitFor('Restore Alex Wilber, with their licenses?');
			session.keys('y');
			await session.waitFor('Restored alex.wilber@contoso.com, with their licenses.');
			// The permission is held now: no second code.
			expect(session.screen()).not.toMatch(code);
			expect(live.graph.deleted).toEqual([]);
			expect(live.graph.stats.log.filter(line => !line.startsWith('GET '))).toEqual([
				`DELETE /users/${live.graph.tenant.users.find(u => u.userPrincipalName === 'alex.wilber@contoso.com')!.id}`,
				`POST /directory/deletedItems/${live.graph.tenant.users.find(u => u.userPrincipalName === 'alex.wilber@contoso.com')!.id}/restore`,
			]);
			expect(live.graph.tenant.users.find(u => u.userPrincipalName === 'alex.wilber@contoso.com')!.assignedLicenses.length).toBeGreaterThan(0);

			// Remove from group: Johanna holds Visio Plan 2 only through Visio Users.
			// esc leaves Deleted users, then clears the filter.
			session.keys('Escape');
			await session.waitFor('filter: alex.wilber');
			session.keys('Escape');
			await session.waitFor('Adele Vance');
			session.keys('/', 'johanna', 'Enter');
			await session.waitFor('filter: johanna');
			session.keys('Enter');
			await session.waitFor('Active users › Johanna Lorenz');
			// Visio Plan 2 is the last of the seven products.
			session.keys('G', 'x');
			await session.waitFor('What leaving Visio Users takes:');
			session.keys('y');
			await session.waitFor(code);
			expect(session.joinedScreen().replace(/\s+/g, ' ')).toContain('This needs a permission not granted yet (GroupMember.ReadWrite.All).');
			live.idp.approve();
			await session.waitFor('Johanna Lorenz removed from Visio Users: 1 license goes with it.');
			const johanna = live.graph.tenant.users.find(u => u.userPrincipalName === 'johanna.lorenz@contoso.com')!;
			expect(live.graph.stats.log).toContain(`DELETE /groups/51e02d14-6c32-4bc0-ad7c-5f0a7b1f9eb7/members/${johanna.id}/$ref`);
			expect(johanna.assignedLicenses.map(l => l.skuId)).not.toContain('c5928f49-12ba-48f7-ada3-0d743a3601d5');
		} finally {
			session.kill();
		}
		expect(new Set(live.connections())).toEqual(new Set([live.local.idp, live.local.graph]));
	});
});
