// m365-licenses unassign: the same plan, rules and consequences as the TUI, for scripts.
import {readFileSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
import {UserError} from '../backends/backend.js';
import {consequencesOf, type ConsequenceKind, type UserConsequences} from '../domain/consequences.js';
import {planUnassign, type PlanItem, type UserOutcome} from '../domain/plan.js';
import {adminPermission, licenseRoles} from '../domain/rules.js';
import type {ProductRow} from '../domain/selectors.js';
import {strings} from '../ui/strings.js';
import {exitCodes, table, type CommandIO} from './io.js';
import type {Opened} from './open.js';

export interface UnassignOptions {
	product: ProductRow;
	users: string[];
	dryRun: boolean;
	yes: boolean;
	json: boolean;
}

/** --users-file: one UPN or id a line (blank lines and # comments skipped), or a CSV with a userPrincipalName column. */
export function readUsersFile(file: string): string[] {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new UserError(`--users-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`, exitCodes.usage);
	}
	const first = text.split(/\r?\n/).find(line => line.trim() !== '' && !line.trim().startsWith('#')) ?? '';
	if (/(^|,)\s*"?userPrincipalName"?\s*(,|$)/.test(first)) {
		let rows: Array<Record<string, string>>;
		try {
			rows = parse(text, {bom: true, columns: true, skip_empty_lines: true, trim: true, comment: '#'});
		} catch (error) {
			throw new UserError(`--users-file ${file}: not a valid CSV (${(error as Error).message})`, exitCodes.usage);
		}
		return rows.map(row => row['userPrincipalName'] ?? '').filter(Boolean);
	}
	return text
		.split(/\r?\n/)
		.map(line => line.trim())
		.filter(line => line !== '' && !line.startsWith('#'));
}

interface Result {
	userPrincipalName: string;
	id: string | null;
	outcome: 'removed' | 'would-remove' | 'skipped' | 'failed';
	reason: string | null;
	message: string | null;
	consequences: Array<{kind: ConsequenceKind | 'none'; text: string}>;
}

function consequenceList(c: UserConsequences): Result['consequences'] {
	if (c.lost.length === 0) return [{kind: 'none', text: strings.consequences.nothing}];
	return c.lost.map(kind => ({
		kind,
		text:
			kind === 'mailbox' && c.mailboxDeletedOn
				? `${strings.user.mailboxWindow(c.mailboxDeletedOn)} ${strings.consequences.explain.mailbox}`
				: strings.consequences.explain[kind],
	}));
}

function resultOf(item: PlanItem, skuId: string, c: UserConsequences | null, outcome: UserOutcome | null, dryRun: boolean): Result {
	const skip = item.skip.find(s => s.skuId === skuId);
	const base = {userPrincipalName: item.userPrincipalName, id: skip?.reason === 'user-not-found' ? null : item.userId};
	if (skip) return {...base, outcome: 'skipped', reason: skip.reason, message: null, consequences: []};
	const dependents = Object.keys(item.dependents);
	const note = dependents.length > 0 ? `Also removes ${dependents.join(', ')}, which depends on it.` : null;
	if (dryRun || !outcome) return {...base, outcome: 'would-remove', reason: null, message: note, consequences: c ? consequenceList(c) : []};
	if (outcome.outcome === 'removed') return {...base, outcome: 'removed', reason: null, message: note, consequences: c ? consequenceList(c) : []};
	if (outcome.outcome === 'failed') return {...base, outcome: 'failed', reason: 'error', message: outcome.message, consequences: []};
	return {...base, outcome: 'skipped', reason: outcome.reason, message: outcome.message, consequences: []};
}

export async function unassign({store}: Opened, options: UnassignOptions, io: CommandIO): Promise<number> {
	const {tenant, admin} = store.getState();
	const {product} = options;
	const permission = adminPermission(tenant, admin);
	if (!permission.allowed) {
		io.err(
			`m365-licenses: ${admin} (${permission.roles.join(', ') || 'no admin role'}) may not unassign licenses: that needs the ${licenseRoles
				.map(r => r.name)
				.join(', ')} role.\n`,
		);
		return exitCodes.error;
	}
	const plan = planUnassign(tenant, options.users, [product.skuId]);
	const now = new Date();
	const consequences = new Map(plan.items.filter(i => i.remove.length > 0).map(i => [i.userId, consequencesOf(tenant, i, now)]));
	const removing = plan.items.filter(i => i.remove.length > 0).length;

	if (!options.dryRun && !options.yes) {
		if (!io.stdinIsTTY || !io.stdoutIsTTY) {
			io.err('m365-licenses: refusing to unassign without confirmation: pass --yes (or --dry-run to see the plan). Nothing was changed.\n');
			return exitCodes.usage;
		}
		io.out(`${render(plan.items.map(i => resultOf(i, product.skuId, consequences.get(i.userId) ?? null, null, true)))}\n`);
		const answer = await io.ask(`${strings.unassign.question(removing, product.name)} [y/N] `);
		if (answer.trim().toLowerCase() !== 'y') {
			io.err('m365-licenses: cancelled. Nothing was changed.\n');
			return exitCodes.error;
		}
	}

	const change = (signal?: AbortSignal) => store.apply(plan, io.progress, signal);
	const outcomes = options.dryRun || removing === 0 ? [] : await (io.whileChanging ? io.whileChanging(change) : change());
	const results = plan.items.map(item =>
		resultOf(
			item,
			product.skuId,
			consequences.get(item.userId) ?? null,
			outcomes.find(o => o.userId === item.userId && o.skuId === product.skuId) ?? null,
			options.dryRun,
		),
	);
	const count = (outcome: Result['outcome']) => results.filter(r => r.outcome === outcome).length;
	const summary = {removed: count('removed'), wouldRemove: count('would-remove'), skipped: count('skipped'), failed: count('failed')};
	if (options.json) {
		const data = {
			product: {skuId: product.skuId, skuPartNumber: product.skuPartNumber, productName: product.name},
			dryRun: options.dryRun,
			results,
			summary,
		};
		io.out(`${JSON.stringify(data, null, 2)}\n`);
	} else {
		io.out(`${render(results)}\n`);
		io.out(
			`${options.dryRun ? `Dry run: ${summary.wouldRemove} would be unassigned` : `${summary.removed} unassigned`}, ${summary.skipped} skipped, ${summary.failed} failed.\n`,
		);
	}
	return summary.skipped + summary.failed > 0 ? exitCodes.partial : exitCodes.done;
}

function render(results: readonly Result[]): string {
	return table([
		['User', 'Outcome', 'Reason or consequences'],
		...results.map(r => [
			r.userPrincipalName,
			r.outcome,
			// A failure says what happened (Graph's message, "Not sent: …"), not only "error".
			r.outcome === 'failed' && r.message ? r.message : (r.reason ?? (r.message ? `${r.message} ` : '') + r.consequences.map(c => c.kind).join(', ')),
		]),
	]);
}
