// The device-code sign-in, run for real: the built app and the real @azure/msal-node against the local
// identity provider over HTTPS (a certificate authority made for the run, trusted through
// NODE_EXTRA_CA_CERTS), and the local Graph taking the tokens it issued. Nothing else is contacted.
import {existsSync, mkdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {slowDownMs} from '../../source/backends/graph/auth.js';
import {cli} from '../helpers/graph.js';
import {directoryId, signedInUser, tenantIdOf} from '../fixtures/identity-server.js';
import {filesUnder, liveSignIn, requestLines, secretsIn} from '../helpers/sign-in.js';
import {hasTmux, requireBundle, TmuxSession} from '../helpers/tmux.js';

const code = /open https:\/\/microsoft\.com\/devicelogin in a browser on any device and enter the code [0-9A-F]{8}/;
const openId = 'GET /organizations/v2.0/.well-known/openid-configuration';
const deviceCode = 'POST /organizations/oauth2/v2.0/devicecode';
const token = 'POST /organizations/oauth2/v2.0/token';

describe('signing in from a subcommand', () => {
	it('shows the code on stderr, waits through authorization_pending and slow_down, keeps the cache 0600 and reuses it silently', async () => {
		// slow_down's five seconds more are asked for, and pass at once (a fake clock in the app).
		const live = await liveSignIn({script: {pending: 2, slowDown: 1}, fastClock: [slowDownMs]});
		const first = await live.run('licenses', '--json');
		expect(first.stderr).toMatch(code);
		// One line: the code. Nothing else is said, and stdout stays data.
		expect(first.stderr.trim().split('\n')).toHaveLength(1);
		expect(first.status).toBe(0);
		expect(JSON.parse(first.stdout).tenant.displayName).toBe('Contoso Ltd');
		expect(requestLines(live.idp)).toEqual([
			openId,
			deviceCode,
			`${token} device_code → authorization_pending`,
			`${token} device_code → authorization_pending`,
			`${token} device_code → slow_down`,
			`${token} device_code → tokens`,
		]);
		expect(live.waits()).toEqual([slowDownMs]);
		const cache = join(live.stateDir, 'msal-token-cache.json');
		expect(statSync(cache).mode & 0o777).toBe(0o600);
		expect(secretsIn(live.idp, filesUnder(live.stateDir).find(f => f.path === cache)!.text).length).toBeGreaterThan(0);

		const before = live.idp.requests.length;
		const second = await live.run('licenses', '--json');
		expect(second.stderr).toBe('');
		expect(second.status).toBe(0);
		// The access token is still good: MSAL only reads the service's configuration again.
		expect(requestLines(live.idp, before)).toEqual([openId]);

		// No token anywhere but the cache: not in output, not in the audit log, state or copies.
		for (const text of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(secretsIn(live.idp, text)).toEqual([]);
		for (const file of filesUnder(live.stateDir).filter(f => f.path !== cache)) expect(secretsIn(live.idp, file.text), file.path).toEqual([]);
		// Only the local identity provider and Graph were contacted.
		expect(new Set(live.connections())).toEqual(new Set([live.local.idp, live.local.graph]));
	}, 20_000);

	it('an expired access token is refreshed silently with the refresh token', async () => {
		// MSAL takes a token with less than five minutes left as expired.
		const live = await liveSignIn({accessTokenSeconds: 60});
		expect((await live.run('licenses', '--json')).status).toBe(0);
		// The next token lives an hour, as Microsoft's do.
		live.idp.accessTokenSeconds = 3600;
		const issued = live.idp.issued.size;
		const before = live.idp.requests.length;
		const again = await live.run('users', '--json');
		expect(again.stderr).toBe('');
		expect(again.status).toBe(0);
		expect(requestLines(live.idp, before)).toEqual([openId, `${token} refresh_token → tokens`]);
		// Graph was sent the new token.
		const fresh = [...live.idp.issued.keys()].slice(issued);
		expect(fresh).toHaveLength(1);
		expect(live.graph.stats.bearers.has(fresh[0]!)).toBe(true);
		expect(secretsIn(live.idp, again.stdout + again.stderr)).toEqual([]);
	});

	it('a refused code ends with one clear line and exit 1, and nothing is kept', async () => {
		const live = await liveSignIn({script: {pending: 1, then: 'access_denied'}});
		const result = await live.run('licenses', '--json');
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trim().split('\n');
		expect(lines[0]).toMatch(code);
		expect(lines.slice(1)).toEqual(['m365-licenses: Sign-in was refused (access_denied): nothing was read or changed. Run it again to sign in anew.']);
		expect(live.graph.stats.requests).toBe(0);
		expect(
			existsSync(join(live.stateDir, 'msal-token-cache.json')) &&
				secretsIn(
					live.idp,
					filesUnder(live.stateDir)
						.map(f => f.text)
						.join('\n'),
				),
		).toBeFalsy();
	});

	it('a code that expired ends with one clear line and exit 1 (the sign-in service given in the environment)', async () => {
		const live = await liveSignIn({script: {pending: 1, then: 'expired_token'}});
		const args = live.args('users');
		args.splice(args.indexOf('--login-endpoint'), 2);
		const result = await cli(args, {...live.env, M365_LICENSES_LOGIN_ENDPOINT: live.idp.url});
		expect(live.idp.requests.length).toBeGreaterThan(0);
		expect(result.status).toBe(1);
		expect(result.stderr.trim().split('\n').slice(1)).toEqual([
			'm365-licenses: The sign-in code expired before it was entered (expired_token): nothing was read or changed. Run it again for a new code.',
		]);
		expect(live.graph.stats.requests).toBe(0);
	});

	it('logout removes the kept sign-in, and the next start asks for a code again', async () => {
		const live = await liveSignIn();
		expect((await live.run('licenses')).status).toBe(0);
		const cache = join(live.stateDir, 'msal-token-cache.json');
		expect(existsSync(cache)).toBe(true);
		const out = await live.run('logout');
		expect(out.status).toBe(0);
		expect(out.stderr).toBe('m365-licenses: signed out: the kept sign-in was removed.\n');
		expect(existsSync(cache)).toBe(false);
		const before = live.idp.requests.length;
		const next = await live.run('licenses');
		expect(next.stderr).toMatch(code);
		expect(next.status).toBe(0);
		expect(requestLines(live.idp, before)).toContain(deviceCode);
	});

	it('a refresh token that was revoked: the next start asks for a code again', async () => {
		const live = await liveSignIn({accessTokenSeconds: 60});
		expect((await live.run('licenses')).status).toBe(0);
		live.idp.accessTokenSeconds = 3600;
		live.idp.revokeRefreshTokens();
		const before = live.idp.requests.length;
		const next = await live.run('licenses');
		expect(next.status).toBe(0);
		expect(next.stderr).toMatch(code);
		expect(requestLines(live.idp, before)).toEqual([
			openId,
			`${token} refresh_token → invalid_grant`,
			deviceCode,
			`${token} device_code → authorization_pending`,
			`${token} device_code → authorization_pending`,
			`${token} device_code → tokens`,
		]);
	});
});

describe('day one: a fresh machine, doctor, a second tenant, logout', () => {
	it('doctor never asks for a code: not signed in, and how; after a first sign-in it names the account and tenant', async () => {
		const live = await liveSignIn();
		const before = await live.run('doctor', '--json');
		expect(before.status).toBe(1);
		expect(before.stderr).toBe('');
		const report = JSON.parse(before.stdout);
		expect(report.signIn).toBeNull();
		expect(report.error).toMatch(/^not signed in: run any command with --graph \(such as m365-licenses licenses --graph\) to sign in with a code/);
		expect(requestLines(live.idp)).not.toContain(deviceCode);
		expect(existsSync(live.stateDir)).toBe(false);
		// The first run on this machine makes its state directory, the user's alone, and keeps the sign-in there.
		const first = await live.run('licenses', '--json');
		expect(first.status).toBe(0);
		expect(statSync(live.stateDir).mode & 0o777).toBe(0o700);
		expect(statSync(join(live.stateDir, 'msal-token-cache.json')).mode & 0o777).toBe(0o600);
		const after = JSON.parse((await live.run('doctor', '--json')).stdout);
		expect(after).toMatchObject({error: null, signIn: {account: signedInUser.upn, tenantId: directoryId}});
		expect((await live.run('doctor')).stdout).toMatch(new RegExp(`sign-in\\s+${signedInUser.upn}, tenant\\s+${directoryId}`));
	});

	it.each([
		['users', '--json'],
		['reclaim', '--json'],
		['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--dry-run', '--json'],
	])('the first sign-in on a fresh machine works for %s too', async (...command) => {
		const live = await liveSignIn();
		const result = await live.run(...command);
		expect(result.stderr).toMatch(code);
		expect(result.status).toBe(0);
		expect(existsSync(join(live.stateDir, 'msal-token-cache.json'))).toBe(true);
	});

	it('a sign-in that cannot be kept says why (the disk), not the last thing the sign-in service said', async () => {
		const live = await liveSignIn();
		// Where the state directory would go is a file: nothing can be made there.
		writeFileSync(join(live.env['HOME']!, '.local'), 'not a folder');
		const result = await live.run('licenses');
		expect(result.status).toBe(1);
		const last = result.stderr.trim().split('\n').at(-1)!;
		expect(last).toMatch(/^m365-licenses: Cannot write .*\.local.*: part of the path is a file, not a folder \(ENOTDIR\)\./);
		expect(last).not.toMatch(/pending/i);
	});

	it("a second tenant in the same state directory signs in for itself, never with the first one's token; each is kept", async () => {
		const live = await liveSignIn();
		expect((await live.run('licenses', '--json')).status).toBe(0);
		const firstTokens = new Set(live.graph.stats.bearers);
		const before = live.idp.requests.length;
		const fabrikam = await live.run('licenses', '--json', '--tenant-id', 'fabrikam.onmicrosoft.com');
		expect(fabrikam.status).toBe(0);
		expect(fabrikam.stderr).toMatch(code);
		expect(requestLines(live.idp, before)).toContain('POST /fabrikam.onmicrosoft.com/oauth2/v2.0/devicecode');
		// Graph was sent a token of the second tenant, and none of the first's.
		const sent = [...live.graph.stats.bearers].filter(token => !firstTokens.has(token));
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.map(token => live.idp.issued.get(token)?.tenantId)).toEqual(sent.map(() => tenantIdOf('fabrikam.onmicrosoft.com')));
		// Both sign-ins are kept: each tenant starts silently from now on.
		for (const extra of [['--tenant-id', 'fabrikam.onmicrosoft.com'], []]) {
			const from = live.idp.requests.length;
			const again = await live.run('licenses', '--json', ...extra);
			expect(again.status).toBe(0);
			expect(again.stderr).toBe('');
			expect(requestLines(live.idp, from)).not.toContain(deviceCode);
		}
	});

	it("logout removes the sign-in and every copy of what it read (the app's cached tenant)", async () => {
		const live = await liveSignIn();
		expect((await live.run('licenses')).status).toBe(0);
		// What the app keeps of a live tenant between runs, as it writes it.
		const copy = join(live.cacheDir, 'graph-tenant-cache.json');
		mkdirSync(live.cacheDir, {recursive: true});
		writeFileSync(copy, '{"tenant": "Contoso"}', {mode: 0o600});
		expect((await live.run('logout')).status).toBe(0);
		for (const file of ['msal-token-cache.json', 'sign-in.json']) expect(existsSync(join(live.stateDir, file)), file).toBe(false);
		expect(existsSync(copy)).toBe(false);
	});
});

describe.runIf(hasTmux)('signing in from the app', () => {
	it('shows the URL and code on its opening screen and goes on when the code is entered', async () => {
		requireBundle();
		const live = await liveSignIn({script: {pending: 0, then: 'wait'}});
		const session = new TmuxSession(live.args(), live.env);
		try {
			const screen = await session.waitFor(/enter the code [0-9A-F]{8}/);
			expect(screen).toContain('Microsoft 365: signing in and reading the tenant');
			expect(screen).toContain('https://microsoft.com/devicelogin');
			expect(live.graph.stats.requests).toBe(0);
			live.idp.approve();
			await session.waitFor(/Microsoft 365 Business Premium\s+11\s+2\s+13/);
		} finally {
			session.kill();
		}
		// The next start signs in silently: no code on its opening screen.
		const before = live.idp.requests.length;
		const again = new TmuxSession(live.args(), live.env);
		try {
			const screen = await again.waitFor(/Microsoft 365 Business Premium\s+11\s+2\s+13/);
			expect(screen).not.toMatch(/enter the code/);
			expect(requestLines(live.idp, before)).not.toContain(deviceCode);
		} finally {
			again.kill();
		}
		expect(new Set(live.connections())).toEqual(new Set([live.local.idp, live.local.graph]));
	});
});
