// A product opened from Licenses: its subscriptions, and the users who hold it, to tick and unassign.
import {Box, Text} from 'ink';
import {useState} from 'react';
import type {User} from '../../domain/model.js';
import {planUnassign, plannedRemovals, type SkipReason, type UnassignPlan, type UserOutcome} from '../../domain/plan.js';
import {assignmentSources, filterUsers, holdersOf, indexTenant, productBySku} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Cell} from '../components/Cell.js';
import {ConfirmDialog} from '../components/ConfirmDialog.js';
import {initialConfirmFocus, nextConfirmFocus, type ConfirmFocus} from '../components/confirm-state.js';
import {FilterBar} from '../components/FilterBar.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useFilter} from '../components/use-filter.js';
import {listHandlers} from '../components/list-handlers.js';
import {useList} from '../components/use-list.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import type {ActionId} from '../keys.js';
import {useAppState, useStore} from '../store-context.js';
import {strings} from '../strings.js';
import {toggleTick, tickAll} from '../components/ticks.js';

export function outcomeSummary(outcomes: readonly UserOutcome[], productName: string): string {
	const count = (kind: UserOutcome['outcome']) => outcomes.filter(o => o.outcome === kind).length;
	const removed = count('removed');
	const skipped = count('skipped');
	const failed = count('failed');
	return (
		strings.unassign.done(removed, productName) +
		(skipped > 0 ? strings.unassign.skipped(skipped) : '') +
		(failed > 0 ? strings.unassign.failed(failed) : '')
	);
}

/** Why none of the ticked users can lose the product here: the reasons, most common first. */
function nothingToRemoveReason(plan: UnassignPlan): string {
	const counts = new Map<SkipReason, number>();
	for (const skip of plan.items.flatMap(item => item.skip)) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
	return [...counts]
		.sort((a, b) => b[1] - a[1])
		.map(([reason, n]) => strings.unassign.skippedCount[reason](n))
		.join('; ');
}

export function ProductScreen({skuId}: {skuId: string}) {
	const {tenant, busy} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const filter = useFilter();
	const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
	const [confirming, setConfirming] = useState<UnassignPlan | null>(null);
	const [focus, setFocus] = useState<ConfirmFocus>(initialConfirmFocus);

	const product = productBySku(tenant, skuId);
	const holders = holdersOf(tenant, skuId);
	const shown = filterUsers(holders, filter.query);
	const {groupsById, usersById} = indexTenant(tenant);
	const subscriptions = product?.subscriptions ?? [];
	const owner = product?.selfServiceOwnerId ? usersById.get(product.selfServiceOwnerId) : undefined;
	// Title, counts, subscription heading and rows, a blank, users heading, the filter line.
	// The self-service notice wraps to two rows at 80 columns.
	const fixedRows = 4 + subscriptions.length + 2 + (product?.selfServiceOwnerId ? 2 : 0);
	const listHeight = Math.max(1, chrome.bodyRows - fixedRows);
	const list = useList(shown.length, listHeight);
	const width = chrome.size.columns - 1;

	if (!product) return null;

	const tickedHolders = (set: ReadonlySet<string>) => holders.filter(user => set.has(user.id));
	const disabled = new Set<ActionId>(
		tickedHolders(ticked).length === 0 || product.selfServiceOwnerId ? ['unassign'] : [],
	);

	const groupNames = (ids: string[]) => ids.map(id => groupsById.get(id)?.displayName ?? id).join(', ');

	const unassign = async (plan: UnassignPlan) => {
		setConfirming(null);
		chrome.setStatus(strings.unassign.working);
		try {
			const outcomes = await store.unassign(plan);
			setTicked(new Set());
			chrome.setStatus(outcomeSummary(outcomes, product.name));
		} catch (error) {
			chrome.setStatus(strings.unassign.error((error as Error).message));
		}
	};

	if (confirming) {
		const removing = confirming.items.filter(item => item.remove.length > 0);
		const skipping = confirming.items.filter(item => item.skip.length > 0);
		const lines = [
			...removing.map(item => (
				<Text key={`r${item.userId}`} wrap="truncate-end">
					{'  '}
					{item.displayName} <Text dimColor>{item.userPrincipalName}</Text>
					{item.keptThroughGroups[skuId] ? (
						<Text dimColor>{` (${strings.product.alsoGroup(groupNames(item.keptThroughGroups[skuId]))})`}</Text>
					) : null}
				</Text>
			)),
			...(skipping.length > 0 ? [<Text key="skip">{strings.unassign.willSkip(skipping.length)}</Text>] : []),
			...skipping.map(item => (
				<Text key={`s${item.userId}`} wrap="truncate-end" dimColor>
					{'  '}
					{item.displayName}: {item.skip.map(skip => strings.unassign.skippedReason[skip.reason]).join('; ')}
				</Text>
			)),
		];
		// The border, title, question, a blank line and the buttons take six rows.
		const room = Math.max(2, chrome.bodyRows - 6);
		const shownLines = lines.length > room ? lines.slice(0, room - 1) : lines;
		const cancel = () => {
			setConfirming(null);
			setFocus(initialConfirmFocus);
		};
		const confirm = () => {
			setFocus(initialConfirmFocus);
			void unassign(confirming);
		};
		return (
			<ScreenFrame
				contexts={['dialog']}
				handlers={{
					confirm,
					cancel,
					back: cancel,
					focusNext: () => setFocus(nextConfirmFocus),
					press: focus === 'confirm' ? confirm : cancel,
				}}
			>
				<ConfirmDialog
					title={strings.unassign.title}
					focus={focus}
					cancelLabel={strings.unassign.cancel}
					confirmLabel={strings.unassign.confirm}
				>
					<Text wrap="truncate-end">{strings.unassign.question(plannedRemovals(confirming), product.name)}</Text>
					<Text> </Text>
					{shownLines}
					{shownLines.length < lines.length ? <Text dimColor>{strings.unassign.more(lines.length - shownLines.length)}</Text> : null}
				</ConfirmDialog>
			</ScreenFrame>
		);
	}

	return (
		<ScreenFrame
			contexts={['product', 'checklist', 'list']}
			text={filter.field}
			disabled={disabled}
			handlers={{
				...listHandlers(list, filter),
				tick: () => {
					const current: User | undefined = shown[list.state.cursor];
					if (current) setTicked(previous => toggleTick(previous, current.id));
				},
				tickAll: () => setTicked(previous => tickAll(previous, shown.map(user => user.id))),
				unassign: () => {
					if (busy) return;
					if (product.selfServiceOwnerId) {
						chrome.setStatus(strings.product.selfServiceShort);
						return;
					}
					const users = tickedHolders(ticked);
					if (users.length === 0) {
						chrome.setStatus(strings.unassign.nothingTicked);
						return;
					}
					const plan = planUnassign(tenant, users.map(user => user.id), [skuId]);
					if (plannedRemovals(plan) === 0) {
						chrome.setStatus(strings.unassign.nothingToRemove(nothingToRemoveReason(plan)));
						return;
					}
					setFocus(initialConfirmFocus);
					setConfirming(plan);
				},
			}}
		>
			<Text bold wrap="truncate-end">
				{strings.screens.licenses} › {product.name}
			</Text>
			<Text>
				{strings.licenses.assigned} {product.assigned} · {strings.licenses.available} {product.available} ·{' '}
				{strings.licenses.total} {product.total}
			</Text>
			{owner || product.selfServiceOwnerId ? (
				<Box height={2}>
					<Text wrap="wrap">{strings.product.selfService(owner?.displayName ?? product.selfServiceOwnerId ?? '')}</Text>
				</Box>
			) : null}
			<Box width={width}>
				<Cell width={40} bold>
					{strings.product.subscription}
				</Cell>
				<Cell width={12} bold>
					{strings.product.status}
				</Cell>
				<Cell bold>{strings.product.licenses}</Cell>
			</Box>
			{subscriptions.map(subscription => (
				<Box key={subscription.id} width={width}>
					<Cell width={40}>{subscription.id}</Cell>
					<Cell width={12}>{subscription.status}</Cell>
					<Cell>{subscription.totalLicenses}</Cell>
				</Box>
			))}
			<Text> </Text>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>
					{strings.product.users(holders.length)}
					{ticked.size > 0 ? <Text> · {strings.product.selected(tickedHolders(ticked).length)}</Text> : null}
				</Text>
				<Text dimColor>{windowLabel(list.state, listHeight, shown.length)}</Text>
			</Box>
			<WindowedList
				items={shown}
				state={list.state}
				height={listHeight}
				empty={filter.query ? strings.product.noMatch(filter.query) : strings.product.noUsers}
				rowKey={user => user.id}
				renderRow={(user, selected) => {
					const sources = assignmentSources(user, skuId);
					const via = sources.groupIds.length > 0 ? groupNames(sources.groupIds) : '';
					return (
						<Box width={width}>
							<Cell width={5}>{ticked.has(user.id) ? ' [x] ' : ' [ ] '}</Cell>
							<Cell width={24} inverse={selected}>
								{user.displayName}
							</Cell>
							<Cell dim>{user.userPrincipalName}</Cell>
							<Cell width={22} align="right">
								{[
									user.accountEnabled ? '' : strings.product.disabled,
									via ? (sources.direct ? strings.product.alsoGroup(via) : strings.product.groupOnly(via)) : '',
								]
									.filter(Boolean)
									.join(' · ')}
							</Cell>
						</Box>
					);
				}}
			/>
			<FilterBar filter={filter} />
		</ScreenFrame>
	);
}
