// One user's Licenses and apps: a checkbox per product of the tenant, ticked where the user holds
// it. Untick (or tick) and Save changes (s); a product's apps show with → or enter.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {isEmptyPlan, planChanges, shortfalls, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {assignmentSources, indexTenant, type ProductRow} from '../../domain/selectors.js';
import {mailboxWindow} from '../../domain/consequences.js';
import {servicePlanName} from '../../domain/names.js';
import {useChrome} from '../chrome.js';
import {Cell} from '../components/Cell.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {listHandlers} from '../components/list-handlers.js';
import {freedRows, NextStepsPanel} from '../components/NextStepsPanel.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useList} from '../components/use-list.js';
import {WindowedList} from '../components/WindowedList.js';
import {useAppState} from '../store-context.js';
import {strings} from '../strings.js';
import {namesOf, useApply} from '../use-apply.js';
import {isDynamic} from '../../domain/groups.js';
import {GroupRemovalPanel} from './GroupRemovalPanel.js';

type Row =
	| {kind: 'product'; product: ProductRow}
	| {kind: 'app'; skuId: string; id: string; name: string}
	| {kind: 'note'; skuId: string};

const rowKey = (row: Row) => (row.kind === 'product' ? row.product.skuId : row.kind === 'app' ? `${row.skuId}:${row.id}` : `${row.skuId}:note`);

export function UserPanel({userId, onClose}: {userId: string; onClose: () => void}) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const apply = useApply();
	/** skuId → ticked, where the admin changed it from what the user holds. */
	const [edits, setEdits] = useState<ReadonlyMap<string, boolean>>(new Map());
	const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
	const [confirming, setConfirming] = useState<LicensePlan | null>(null);
	const [freed, setFreed] = useState<UserOutcome[] | null>(null);
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
	// Title, user line, the mailbox window when it runs, section heading.
	const listHeight = Math.max(1, chrome.bodyRows - 3 - (window ? 1 : 0));
	const list = useList(rows.length, listHeight);
	const width = chrome.size.columns - 1;
	if (!user) return null;

	const held = (skuId: string) => user.assignedLicenses.some(l => l.skuId === skuId);
	const ticked = (skuId: string) => edits.get(skuId) ?? held(skuId);
	const current = rows[list.state.cursor];
	const currentSku = current ? (current.kind === 'product' ? current.product.skuId : current.skuId) : undefined;

	const plan = () =>
		planChanges(tenant, [
			{
				user: user.id,
				add: [...edits].filter(([skuId, on]) => on && !held(skuId)).map(([skuId]) => skuId),
				remove: [...edits].filter(([skuId, on]) => !on && held(skuId)).map(([skuId]) => skuId),
			},
		]);

	if (freed) {
		return <NextStepsPanel freed={freedRows(tenant, freed)} onDone={() => setFreed(null)} />;
	}

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
					if (outcomes.some(o => o.outcome === 'removed')) setFreed(outcomes);
				}}
			/>
		);
	}

	const toggle = () => {
		if (!current) return;
		if (current.kind !== 'product') return chrome.setStatus(strings.user.appOnly);
		const {skuId, selfServiceOwnerId} = current.product;
		const sources = assignmentSources(user, skuId);
		if (selfServiceOwnerId) return chrome.setStatus(strings.product.selfServiceShort);
		if (!sources.direct && sources.groupIds.length > 0) {
			return chrome.setStatus(strings.user.groupLocked(names.groups(sources.groupIds)));
		}
		setEdits(previous => {
			const next = new Map(previous);
			const on = !(previous.get(skuId) ?? held(skuId));
			if (on === held(skuId)) next.delete(skuId);
			else next.set(skuId, on);
			return next;
		});
	};

	return (
		<ScreenFrame
			contexts={['user', 'list']}
			handlers={{
				...listHandlers(list),
				tick: toggle,
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
					if (edits.size > 0) chrome.setStatus(strings.user.discarded);
					onClose();
				},
			}}
		>
			<Text bold wrap="truncate-end">
				{strings.screens.users} › {user.displayName}
			</Text>
			<Text wrap="truncate-end" dimColor>
				{user.userPrincipalName} · {user.accountEnabled ? strings.user.signInAllowed : strings.product.disabled}
				{user.usageLocation ? ` · ${strings.user.usageLocation(user.usageLocation)}` : ''}
			</Text>
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
						return (
							<Box width={width}>
								<Cell width={8}> </Cell>
								<Cell inverse={selected}>{row.name}</Cell>
							</Box>
						);
					}
					if (row.kind === 'note') {
						return (
							<Box width={width}>
								<Cell width={8}> </Cell>
								<Cell dim inverse={selected}>
									{strings.user.appsNote}
								</Cell>
							</Box>
						);
					}
					const {skuId, name, available} = row.product;
					const sources = assignmentSources(user, skuId);
					const edited = edits.has(skuId);
					const note = edited
						? ticked(skuId)
							? strings.user.willAssign
							: strings.user.willRemove
						: sources.groupIds.length > 0
							? sources.direct
								? strings.product.alsoGroup(names.groups(sources.groupIds))
								: strings.product.groupOnly(names.groups(sources.groupIds))
							: held(skuId)
								? ''
								: strings.user.available(available);
					return (
						<Box width={width}>
							<Cell width={2}>{expanded.has(skuId) ? '▾' : '▸'}</Cell>
							<Cell width={4}>{ticked(skuId) ? '[x]' : '[ ]'}</Cell>
							<Cell inverse={selected}>{name}</Cell>
							<Cell width={24} align="right" bold={edited}>
								{edited ? `* ${note}` : note}
							</Cell>
						</Box>
					);
				}}
			/>
		</ScreenFrame>
	);
}
