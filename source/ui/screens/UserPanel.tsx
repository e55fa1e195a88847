// One user's Licenses and apps: a checkbox per product of the tenant, ticked where the user holds
// it, and under a product (→ or enter) a checkbox per app. Untick (or tick) products and apps, then
// Save changes (s): the same confirmation, consequences first, as every other change. What the admin
// changed and what is on top are a reducer (user-panel-state.ts); this is its view.
import {Text} from '../components/Text.js';
import {useReducer, type Dispatch} from 'react';
import {assignmentsOf, withAdded, withoutDirect} from '../../domain/capabilities.js';
import {isEmptyPlan, planChanges, shortfalls} from '../../domain/plan.js';
import {unmetDependencies} from '../../domain/rules.js';
import {assignmentSources, indexTenant, type ProductRow} from '../../domain/selectors.js';
import {mailboxWindow} from '../../domain/consequences.js';
import type {Tenant, User} from '../../domain/model.js';
import {servicePlanName} from '../../domain/names.js';
import {useChrome} from '../chrome.js';
import {Row} from '../components/Row.js';
import {fitColumns, widest} from '../components/columns.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {listHandlers} from '../components/list-handlers.js';
import {NextStepsPanel} from '../components/NextStepsPanel.js';
import {ResultPanel} from '../components/ResultPanel.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useList, type List} from '../components/use-list.js';
import {WindowedList} from '../components/WindowedList.js';
import {packParts} from '../components/wrap-text.js';
import {useAppState} from '../store-context.js';
import {listWords, strings} from '../../text/index.js';
import {namesOf, useApply} from '../use-apply.js';
import {isDynamic} from '../../domain/groups.js';
import {GroupRemovalPanel} from './GroupRemovalPanel.js';
import {
	appsChanged,
	appsOff,
	changesOf,
	disabledNow,
	hasEdits,
	holds,
	initialUserPanel,
	isTicked,
	userPanel,
	type UserPanelEvent,
	type UserPanelState,
} from './user-panel-state.js';

type Row = {kind: 'product'; product: ProductRow} | {kind: 'app'; skuId: string; id: string; name: string} | {kind: 'note'; skuId: string};

/** A row per product, and under an opened one its note and a row per app. */
function rowsOf(tenant: Tenant, expanded: ReadonlySet<string>): Row[] {
	const {products, skusById} = indexTenant(tenant);
	return products.flatMap((product): Row[] => {
		if (!expanded.has(product.skuId)) return [{kind: 'product', product}];
		const plans = skusById.get(product.skuId)?.servicePlans ?? [];
		// The note comes first: a product can have thirty apps.
		return [
			{kind: 'product', product},
			{kind: 'note', skuId: product.skuId},
			...plans.map(plan => ({
				kind: 'app' as const,
				skuId: product.skuId,
				id: plan.servicePlanId,
				name: servicePlanName(plan.servicePlanId, plan.servicePlanName),
			})),
		];
	});
}

/** Why a product's ticks cannot change here, or null. */
function lockedWhy(tenant: Tenant, user: User, product: ProductRow): string | null {
	const sources = assignmentSources(user, product.skuId);
	if (product.selfServiceOwnerId) return strings.product.selfServiceShort;
	if (!sources.direct && sources.groupIds.length > 0) return strings.user.groupLocked(namesOf(tenant).groups(sources.groupIds));
	return null;
}

/** The apps other apps need that turning these off would take away (Graph would refuse: "depends on"), as said. */
function appsNeeded(tenant: Tenant, user: User, skuId: string, off: ReadonlySet<string>): string[] {
	const {skusById} = indexTenant(tenant);
	const names = namesOf(tenant);
	const now = assignmentsOf(user);
	const after = withAdded(withoutDirect(now, [skuId]), [skuId], {[skuId]: [...off]});
	const unmetBefore = new Set(unmetDependencies(tenant, now).map(u => `${u.skuId}:${u.plan}`));
	return unmetDependencies(tenant, after)
		.filter(u => !unmetBefore.has(`${u.skuId}:${u.plan}`))
		.map(u => {
			const plan = skusById.get(u.skuId)?.servicePlans.find(p => p.servicePlanName === u.plan);
			const app = plan ? servicePlanName(plan.servicePlanId, plan.servicePlanName) : u.plan;
			const product = names.product(u.skuId);
			// An add-on's one app goes by the product's name: said once.
			return app.toLowerCase() === product.toLowerCase() ? product : `${app} (${product})`;
		});
}

export function UserPanel({userId, onClose}: {userId: string; onClose: () => void}) {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const apply = useApply();
	const [state, dispatch] = useReducer(userPanel, initialUserPanel);
	const user = indexTenant(tenant).usersById.get(userId);
	const rows = rowsOf(tenant, state.expanded);
	const window = user ? mailboxWindow(tenant, user, new Date()) : null;
	// Who the user is, on the lines it needs: a part that does not fit (a long username, a language's
	// longer words) goes whole to a second line rather than being cut.
	const about = user
		? packParts(
				[
					user.userPrincipalName,
					user.accountEnabled ? strings.user.signInAllowed : strings.product.disabled,
					...(user.usageLocation ? [strings.user.usageLocation(user.usageLocation)] : []),
				],
				chrome.size.columns - 1,
			)
		: [];
	// Title, the lines about the user, the mailbox window when it runs, section heading.
	const listHeight = Math.max(1, chrome.bodyRows - 2 - about.length - (window ? 1 : 0));
	// Here, not in the list's view: the cursor stays where it was under a confirmation.
	const list = useList(rows.length, listHeight);
	if (!user) return null;
	const {step} = state;
	const done = () => dispatch({type: 'done'});

	if (step.kind === 'results') return <ResultPanel title={strings.user.resultsTitle(user.displayName)} outcomes={step.outcomes} onDone={done} />;
	if (step.kind === 'next') return <NextStepsPanel outcomes={step.outcomes} onDone={done} />;
	if (step.kind === 'groups') return <GroupRemovalPanel userId={user.id} groupIds={step.groupIds} onClose={() => dispatch({type: 'groupsClosed'})} />;
	if (step.kind === 'confirm') {
		return (
			<ConfirmPanel
				title={strings.user.saveTitle}
				question={strings.user.saveQuestion(user.displayName)}
				plan={step.plan}
				confirmLabel={strings.user.saveTitle}
				onCancel={() => dispatch({type: 'cancel'})}
				onConfirm={async () => {
					dispatch({type: 'sending'});
					dispatch({type: 'applied', outcomes: await apply(step.plan)});
				}}
			/>
		);
	}
	return (
		<UserLicenses
			user={user}
			state={state}
			dispatch={dispatch}
			rows={rows}
			list={list}
			height={listHeight}
			about={about}
			mailboxDeletedOn={window?.deletedOn}
			onClose={onClose}
		/>
	);
}

interface ListProps {
	user: User;
	state: UserPanelState;
	dispatch: Dispatch<UserPanelEvent>;
	rows: readonly Row[];
	list: List;
	height: number;
	/** Who the user is: username, sign-in, usage location, on as many lines as they need. */
	about: readonly string[];
	mailboxDeletedOn: string | undefined;
	onClose: () => void;
}

/** The keys of the list: each turns into an event, or is refused with the reason. */
function useUserKeys({user, state, dispatch, rows, list, onClose}: ListProps) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const current = rows[list.state.cursor];
	const currentSku = current ? (current.kind === 'product' ? current.product.skuId : current.skuId) : undefined;
	const refuse = (product: ProductRow | undefined) => {
		const why = product ? lockedWhy(tenant, user, product) : null;
		if (why) chrome.setStatus(why);
		return why !== null;
	};
	const toggleApp = (skuId: string, planId: string) => {
		if (refuse(indexTenant(tenant).products.find(p => p.skuId === skuId))) return;
		if (!isTicked(state, user, skuId)) return chrome.setStatus(strings.user.tickProductFirst);
		const off = new Set(appsOff(state, user, skuId));
		if (!off.delete(planId)) off.add(planId);
		const needed = appsNeeded(tenant, user, skuId, off);
		if (needed.length > 0) return chrome.setStatus(strings.user.appNeeded(listWords(needed)));
		dispatch({type: 'setApps', user, skuId, off});
	};
	return {
		...listHandlers(list),
		tick: () => {
			if (current?.kind === 'product' && !refuse(current.product)) dispatch({type: 'tickProduct', user, skuId: current.product.skuId});
			else if (current?.kind === 'app') toggleApp(current.skuId, current.id);
		},
		removeFromGroup: () => {
			if (!current || current.kind !== 'product') return chrome.setStatus(strings.user.notThroughGroup);
			const groups = assignmentSources(user, current.product.skuId).groupIds;
			if (groups.length === 0) return chrome.setStatus(strings.user.notThroughGroup);
			// Only a group whose members are set by hand can be left; one that can is offered.
			const fixed = groups.filter(id => !isDynamic(tenant.groups.find(g => g.id === id)));
			if (fixed.length === 0) return chrome.setStatus(strings.group.dynamic(namesOf(tenant).groups(groups)));
			dispatch({type: 'leaveGroups', groupIds: fixed});
		},
		expand: () => currentSku && dispatch({type: 'expand', skuId: currentSku}),
		collapse: () => currentSku && dispatch({type: 'collapse', skuId: currentSku}),
		save: () => {
			if (busy) return;
			const plan = planChanges(tenant, [changesOf(state, user)]);
			if (isEmptyPlan(plan)) return chrome.setStatus(strings.user.noChanges);
			const [short] = shortfalls(tenant, plan);
			if (short) return chrome.setStatus(strings.assign.tooMany(short[1][0], short[1][1]));
			dispatch({type: 'confirm', plan});
		},
		back: onClose,
	};
}

function UserLicenses(props: ListProps) {
	const {user, state, rows, list, height, about, mailboxDeletedOn} = props;
	const {tenant} = useAppState();
	const chrome = useChrome();
	const handlers = useUserKeys(props);
	const width = chrome.size.columns - 1;
	const names = namesOf(tenant);
	const ticked = (skuId: string) => isTicked(state, user, skuId);

	const noteOf = (product: ProductRow): string => {
		const {skuId, available} = product;
		const sources = assignmentSources(user, skuId);
		if (state.edits.has(skuId)) return `* ${ticked(skuId) ? strings.user.willAssign : strings.user.willRemove}`;
		if (appsChanged(state, user, skuId)) return `* ${strings.user.appsChanged}`;
		if (sources.groupIds.length > 0) {
			return sources.direct ? strings.product.alsoGroup(names.groups(sources.groupIds)) : strings.product.groupOnly(names.groups(sources.groupIds));
		}
		return holds(user, skuId) ? '' : strings.user.available(available);
	};
	// The note (groups, what will happen) keeps its width; a long product name gives way first.
	const visible = rows.slice(list.state.offset, list.state.offset + height);
	const [nameWidth] = fitColumns(
		[
			{want: widest(visible.map(row => (row.kind === 'product' ? row.product.name : ''))) + 1, min: 24},
			{want: widest(visible.map(row => (row.kind === 'product' ? noteOf(row.product) : ''))), min: 12},
		],
		width - 7,
		[0, 1],
	);

	const renderRow = (row: Row, selected: boolean) => {
		if (row.kind === 'app') {
			const on = ticked(row.skuId) && !appsOff(state, user, row.skuId).has(row.id);
			const changed = appsChanged(state, user, row.skuId) && disabledNow(user, row.skuId).has(row.id) === on;
			return (
				<Row
					width={width}
					cells={[
						{text: '', width: 6},
						{text: on ? '[x]' : '[ ]', width: 4},
						{text: row.name, inverse: selected, bold: changed},
					]}
				/>
			);
		}
		if (row.kind === 'note')
			return (
				<Row
					width={width}
					cells={[
						{text: '', width: 6},
						{text: strings.user.appsNote, dim: true, inverse: selected},
					]}
				/>
			);
		const {skuId, name} = row.product;
		const note = noteOf(row.product);
		return (
			<Row
				width={width}
				cells={[
					{text: state.expanded.has(skuId) ? '▾' : '▸', width: 2},
					{text: ticked(skuId) ? '[x]' : '[ ]', width: 4},
					{text: name, width: nameWidth, inverse: selected},
					{text: note, align: 'right', bold: note.startsWith('*')},
				]}
			/>
		);
	};

	return (
		<ScreenFrame contexts={['user', 'list']} handlers={handlers} unsaved={hasEdits(state) ? strings.unsaved.user(user.displayName) : undefined}>
			<Text bold wrap="truncate-end">
				{strings.screens.users} › {user.displayName}
			</Text>
			{about.map((line, i) => (
				<Text key={i} wrap="truncate-end" dimColor>
					{line}
				</Text>
			))}
			{mailboxDeletedOn ? <Text bold>{strings.user.mailboxWindow(mailboxDeletedOn)}</Text> : null}
			<Text bold>{strings.user.licensesAndApps}</Text>
			<WindowedList items={rows} state={list.state} height={height} empty="" renderRow={renderRow} />
		</ScreenFrame>
	);
}
