// One user's Licenses and apps: a checkbox per product of the tenant, ticked where the user holds
// it, and under a product (→ or enter) a checkbox per app. Untick (or tick) products and apps, then
// Save changes (s): the same confirmation, consequences first, as every other change.
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {assignmentsOf, withAdded, withoutDirect} from '../../domain/capabilities.js';
import {allWentThrough, isEmptyPlan, planChanges, shortfalls, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {directAssignment, unmetDependencies} from '../../domain/rules.js';
import {assignmentSources, indexTenant, type ProductRow} from '../../domain/selectors.js';
import {mailboxWindow} from '../../domain/consequences.js';
import type {User} from '../../domain/model.js';
import {servicePlanName} from '../../domain/names.js';
import {useChrome} from '../chrome.js';
import {Row} from '../components/Row.js';
import {fitColumns, widest} from '../components/columns.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {listHandlers} from '../components/list-handlers.js';
import {NextStepsPanel} from '../components/NextStepsPanel.js';
import {ResultPanel} from '../components/ResultPanel.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useList} from '../components/use-list.js';
import {WindowedList} from '../components/WindowedList.js';
import {packParts} from '../components/wrap-text.js';
import {useAppState} from '../store-context.js';
import {listWords, strings} from '../../text/index.js';
import {namesOf, useApply} from '../use-apply.js';
import {isDynamic} from '../../domain/groups.js';
import {GroupRemovalPanel} from './GroupRemovalPanel.js';

type Row =
	| {kind: 'product'; product: ProductRow}
	| {kind: 'app'; skuId: string; id: string; name: string}
	| {kind: 'note'; skuId: string};

const rowKey = (row: Row) => (row.kind === 'product' ? row.product.skuId : row.kind === 'app' ? `${row.skuId}:${row.id}` : `${row.skuId}:note`);

/** The apps a product has turned off for the user now: its direct assignment's, else the group's. */
function disabledNow(user: User, skuId: string): ReadonlySet<string> {
	const direct = directAssignment(user, skuId);
	if (direct) return new Set(direct.disabledPlans);
	const group = assignmentsOf(user).find(a => a.skuId === skuId);
	return new Set(group?.disabledPlans ?? []);
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every(id => b.has(id));

export function UserPanel({userId, onClose}: {userId: string; onClose: () => void}) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const apply = useApply();
	/** skuId → ticked, where the admin changed it from what the user holds. */
	const [edits, setEdits] = useState<ReadonlyMap<string, boolean>>(new Map());
	/** skuId → the apps to have turned off, where the admin changed them. */
	const [appEdits, setAppEdits] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
	const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
	const [confirming, setConfirming] = useState<LicensePlan | null>(null);
	const [freed, setFreed] = useState<UserOutcome[] | null>(null);
	/** What came of a change that did not all go through: each product, and Graph's reason. */
	const [results, setResults] = useState<UserOutcome[] | null>(null);
	/** Remove from group: the groups the current product comes through. */
	const [leaving, setLeaving] = useState<string[] | null>(null);
	const {usersById, products, skusById} = indexTenant(tenant);
	const user = usersById.get(userId);
	const names = namesOf(tenant);

	const rows: Row[] = products.flatMap((product): Row[] => {
		if (!expanded.has(product.skuId)) return [{kind: 'product', product}];
		const plans = skusById.get(product.skuId)?.servicePlans ?? [];
		// The note comes first: a product can have thirty apps.
		return [
			{kind: 'product', product},
			{kind: 'note', skuId: product.skuId},
			...plans.map(plan => ({kind: 'app' as const, skuId: product.skuId, id: plan.servicePlanId, name: servicePlanName(plan.servicePlanId, plan.servicePlanName)})),
		];
	});
	const window = user ? mailboxWindow(tenant, user, new Date()) : null;
	const width = chrome.size.columns - 1;
	// Who the user is, on the lines it needs: a part that does not fit (a long username, a language's
	// longer words) goes whole to a second line rather than being cut.
	const about = user
		? packParts(
				[
					user.userPrincipalName,
					user.accountEnabled ? strings.user.signInAllowed : strings.product.disabled,
					...(user.usageLocation ? [strings.user.usageLocation(user.usageLocation)] : []),
				],
				width,
			)
		: [];
	// Title, the lines about the user, the mailbox window when it runs, section heading.
	const listHeight = Math.max(1, chrome.bodyRows - 2 - about.length - (window ? 1 : 0));
	const list = useList(rows.length, listHeight);
	if (!user) return null;

	const held = (skuId: string) => user.assignedLicenses.some(l => l.skuId === skuId);
	const ticked = (skuId: string) => edits.get(skuId) ?? held(skuId);
	const disabled = (skuId: string) => appEdits.get(skuId) ?? disabledNow(user, skuId);
	const appsChanged = (skuId: string) => ticked(skuId) && appEdits.has(skuId);
	const current = rows[list.state.cursor];
	const currentSku = current ? (current.kind === 'product' ? current.product.skuId : current.skuId) : undefined;

	const plan = () =>
		planChanges(tenant, [
			{
				user: user.id,
				add: [...edits].filter(([skuId, on]) => on && !held(skuId)).map(([skuId]) => skuId),
				remove: [...edits].filter(([skuId, on]) => !on && held(skuId)).map(([skuId]) => skuId),
				apps: Object.fromEntries([...appEdits].filter(([skuId]) => ticked(skuId)).map(([skuId, off]) => [skuId, [...off]])),
			},
		]);

	if (results) {
		const done = () => {
			setResults(null);
			if (results.some(o => o.outcome === 'removed')) setFreed(results);
		};
		return <ResultPanel title={strings.user.resultsTitle(user.displayName)} outcomes={results} onDone={done} />;
	}

	if (freed) return <NextStepsPanel outcomes={freed} onDone={() => setFreed(null)} />;

	if (leaving) return <GroupRemovalPanel userId={user.id} groupIds={leaving} onClose={() => setLeaving(null)} />;

	if (confirming) {
		return (
			<ConfirmPanel
				title={strings.user.saveTitle}
				question={strings.user.saveQuestion(user.displayName)}
				plan={confirming}
				confirmLabel={strings.user.saveTitle}
				onCancel={() => setConfirming(null)}
				onConfirm={async () => {
					setConfirming(null);
					const outcomes = await apply(confirming);
					if (!outcomes) return;
					setEdits(new Map());
					setAppEdits(new Map());
					// Anything not done is shown with its reason before anything else.
					if (!allWentThrough(outcomes)) setResults(outcomes);
					else if (outcomes.some(o => o.outcome === 'removed')) setFreed(outcomes);
				}}
			/>
		);
	}

	/** Why a product's ticks cannot change here, or null. */
	const locked = (product: ProductRow): string | null => {
		const sources = assignmentSources(user, product.skuId);
		if (product.selfServiceOwnerId) return strings.product.selfServiceShort;
		if (!sources.direct && sources.groupIds.length > 0) return strings.user.groupLocked(names.groups(sources.groupIds));
		return null;
	};

	const toggleProduct = (product: ProductRow) => {
		const refusal = locked(product);
		if (refusal) return chrome.setStatus(refusal);
		const {skuId} = product;
		setEdits(previous => {
			const next = new Map(previous);
			const on = !(previous.get(skuId) ?? held(skuId));
			if (on === held(skuId)) next.delete(skuId);
			else next.set(skuId, on);
			return next;
		});
	};

	const toggleApp = (skuId: string, planId: string) => {
		const product = products.find(p => p.skuId === skuId)!;
		const refusal = locked(product);
		if (refusal) return chrome.setStatus(refusal);
		if (!ticked(skuId)) return chrome.setStatus(strings.user.tickProductFirst);
		const off = new Set(disabled(skuId));
		if (!off.delete(planId)) off.add(planId);
		// An app another one needs cannot go alone: Graph would refuse ("depends on").
		const now = assignmentsOf(user);
		const after = withAdded(withoutDirect(now, [skuId]), [skuId], {[skuId]: [...off]});
		const unmetBefore = new Set(unmetDependencies(tenant, now).map(u => `${u.skuId}:${u.plan}`));
		const needs = unmetDependencies(tenant, after).filter(u => !unmetBefore.has(`${u.skuId}:${u.plan}`));
		if (needs.length > 0) {
			const dependents = needs.map(u => {
				const plan = skusById.get(u.skuId)?.servicePlans.find(p => p.servicePlanName === u.plan);
				const app = plan ? servicePlanName(plan.servicePlanId, plan.servicePlanName) : u.plan;
				const product = names.product(u.skuId);
				// An add-on's one app goes by the product's name: said once.
				return app.toLowerCase() === product.toLowerCase() ? product : `${app} (${product})`;
			});
			return chrome.setStatus(strings.user.appNeeded(listWords(dependents)));
		}
		setAppEdits(previous => {
			const next = new Map(previous);
			if (held(skuId) && sameSet(off, disabledNow(user, skuId))) next.delete(skuId);
			else next.set(skuId, off);
			return next;
		});
	};

	const noteOf = (product: ProductRow): string => {
		const {skuId, available} = product;
		const sources = assignmentSources(user, skuId);
		if (edits.has(skuId)) return `* ${ticked(skuId) ? strings.user.willAssign : strings.user.willRemove}`;
		if (appsChanged(skuId)) return `* ${strings.user.appsChanged}`;
		if (sources.groupIds.length > 0) {
			return sources.direct ? strings.product.alsoGroup(names.groups(sources.groupIds)) : strings.product.groupOnly(names.groups(sources.groupIds));
		}
		return held(skuId) ? '' : strings.user.available(available);
	};
	// The note (groups, what will happen) keeps its width; a long product name gives way first.
	const visible = rows.slice(list.state.offset, list.state.offset + listHeight);
	const [nameWidth] = fitColumns(
		[
			{want: widest(visible.map(row => (row.kind === 'product' ? row.product.name : ''))) + 1, min: 24},
			{want: widest(visible.map(row => (row.kind === 'product' ? noteOf(row.product) : ''))), min: 12},
		],
		width - 7,
		[0, 1],
	);

	return (
		<ScreenFrame
			contexts={['user', 'list']}
			handlers={{
				...listHandlers(list),
				tick: () => {
					if (current?.kind === 'product') toggleProduct(current.product);
					else if (current?.kind === 'app') toggleApp(current.skuId, current.id);
				},
				removeFromGroup: () => {
					if (!current || current.kind !== 'product') return chrome.setStatus(strings.user.notThroughGroup);
					const groups = assignmentSources(user, current.product.skuId).groupIds;
					if (groups.length === 0) return chrome.setStatus(strings.user.notThroughGroup);
					// Only a group whose members are set by hand can be left; one that can is offered.
					const fixed = groups.filter(id => !isDynamic(tenant.groups.find(g => g.id === id)));
					if (fixed.length === 0) return chrome.setStatus(strings.group.dynamic(names.groups(groups)));
					setLeaving(fixed);
				},
				expand: () => currentSku && setExpanded(previous => new Set(previous).add(currentSku)),
				collapse: () => {
					if (!currentSku) return;
					setExpanded(previous => {
						const next = new Set(previous);
						next.delete(currentSku);
						return next;
					});
				},
				save: () => {
					if (busy) return;
					const changes = plan();
					if (isEmptyPlan(changes)) return chrome.setStatus(strings.user.noChanges);
					const [short] = shortfalls(tenant, changes);
					if (short) return chrome.setStatus(strings.assign.tooMany(short[1][0], short[1][1]));
					setConfirming(changes);
				},
				back: () => {
					if (edits.size + appEdits.size > 0) chrome.setStatus(strings.user.discarded);
					onClose();
				},
			}}
		>
			<Text bold wrap="truncate-end">
				{strings.screens.users} › {user.displayName}
			</Text>
			{about.map((line, i) => (
				<Text key={i} wrap="truncate-end" dimColor>
					{line}
				</Text>
			))}
			{window ? <Text bold>{strings.user.mailboxWindow(window.deletedOn)}</Text> : null}
			<Text bold>{strings.user.licensesAndApps}</Text>
			<WindowedList
				items={rows}
				state={list.state}
				height={listHeight}
				empty=""
				rowKey={rowKey}
				renderRow={(row, selected) => {
					if (row.kind === 'app') {
						const on = ticked(row.skuId) && !disabled(row.skuId).has(row.id);
						return (
							<Row
								width={width}
								cells={[
									{text: '', width: 6},
									{text: on ? '[x]' : '[ ]', width: 4},
									{text: row.name, inverse: selected, bold: appsChanged(row.skuId) && disabledNow(user, row.skuId).has(row.id) === on},
								]}
							/>
						);
					}
					if (row.kind === 'note') {
						return (
							<Row
								width={width}
								cells={[
									{text: '', width: 6},
									{text: strings.user.appsNote, dim: true, inverse: selected},
								]}
							/>
						);
					}
					const {skuId, name} = row.product;
					const note = noteOf(row.product);
					return (
						<Row
							width={width}
							cells={[
								{text: expanded.has(skuId) ? '▾' : '▸', width: 2},
								{text: ticked(skuId) ? '[x]' : '[ ]', width: 4},
								{text: name, width: nameWidth, inverse: selected},
								{text: note, align: 'right', bold: note.startsWith('*')},
							]}
						/>
					);
				}}
			/>
		</ScreenFrame>
	);
}
