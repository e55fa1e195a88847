// Remove from group (x in a user's Licenses and apps): for a license held only through a group, the
// user leaves the group. The confirmation shows everything leaving takes, from the consequences engine;
// a group whose members a rule decides is refused, saying so.
import {Text} from '../components/Text.js';
import {useMemo, useState} from 'react';
import {groupRemovalConsequences, planGroupRemoval, type GroupRemovalPlan} from '../../domain/groups.js';
import {indexTenant} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Row} from '../components/Row.js';
import {ConfirmPanel, dialogWidth} from '../components/ConfirmPanel.js';
import {consequencesPanelLines} from '../components/ConsequencesPanel.js';
import {listHandlers} from '../components/list-handlers.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useList} from '../components/use-list.js';
import {WindowedList} from '../components/WindowedList.js';
import type {Line} from '../components/wrap-text.js';
import {useAppState, useStore} from '../store-context.js';
import {strings} from '../../text/index.js';
import {actionError, namesOf} from '../use-apply.js';
import {useDialogSignal} from '../use-dialog-signal.js';

/** The confirmation's lines: what the user loses, then each product the group gives, then what losses mean. */
function removalLines(plan: GroupRemovalPlan, lines: ReturnType<typeof consequencesPanelLines>, names: ReturnType<typeof namesOf>): Line[] {
	const item = plan.items[0]!;
	const words = strings.group;
	return [
		...lines.head,
		[{text: words.takes(names.groups([plan.groupId])), bold: true}],
		...(item.products.length === 0 ? [[{text: `  ${words.none}`}]] : []),
		...item.products.map(skuId => [
			{
				text: `  ${item.kept.includes(skuId) ? words.kept(names.product(skuId)) : words.lost(names.product(skuId))}`,
				dim: item.kept.includes(skuId),
			},
		]),
		...lines.notes,
	];
}

export function GroupRemovalPanel({userId, groupIds, onClose}: {userId: string; groupIds: readonly string[]; onClose: () => void}) {
	const {tenant, admin} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const [chosen, setChosen] = useState<string | null>(groupIds.length === 1 ? groupIds[0]! : null);
	const [working, setWorking] = useState(false);
	const wanted = useDialogSignal();
	const list = useList(groupIds.length, Math.max(1, chrome.bodyRows - 2));
	const names = useMemo(() => namesOf(tenant), [tenant]);
	const width = dialogWidth(chrome.size.columns);
	const plan = useMemo(() => (chosen ? planGroupRemoval(tenant, chosen, [userId]) : null), [tenant, chosen, userId]);
	const item = plan?.items[0];
	const consequences = useMemo(() => (plan && item ? groupRemovalConsequences(tenant, plan.groupId, item, new Date()) : null), [plan, item, tenant]);
	const lines = useMemo(
		() => (plan && consequences ? removalLines(plan, consequencesPanelLines([consequences], names, width), names) : []),
		[plan, consequences, names, width],
	);
	const own = item && consequences && item.userPrincipalName.toLowerCase() === admin.toLowerCase();

	if (!chosen || !plan || !item) {
		return (
			<ScreenFrame
				contexts={['groups', 'list']}
				handlers={{
					...listHandlers(list),
					open: () => setChosen(groupIds[list.state.cursor] ?? null),
					back: onClose,
				}}
			>
				<Text bold wrap="truncate-end">
					{strings.group.choose(indexTenant(tenant).usersById.get(userId)?.displayName ?? userId)}
				</Text>
				<WindowedList
					items={[...groupIds]}
					state={list.state}
					height={Math.max(1, chrome.bodyRows - 2)}
					empty=""
					renderRow={(id, selected) => (
						<Row
							width={chrome.size.columns - 1}
							cells={[
								{text: names.groups([id]), width: 30, inverse: selected},
								{text: planGroupRemoval(tenant, id, [userId]).items[0]!.products.map(names.product).join(', '), dim: true},
							]}
						/>
					)}
				/>
			</ScreenFrame>
		);
	}
	return (
		<ConfirmPanel
			title={strings.group.title}
			question={strings.group.question(item.displayName, names.groups([plan.groupId]))}
			lines={lines}
			confirmLabel={strings.group.title}
			self={own ? strings.dialog.self(admin, [...new Set(consequences.changes.map(change => change.kind))]) : null}
			onCancel={onClose}
			onConfirm={async () => {
				if (working) return;
				setWorking(true);
				chrome.setStatus(strings.group.working);
				try {
					// Sent only while this dialog is open: closed while a permission is asked for, nothing is.
					const [outcome] = await store.removeFromGroup(plan, wanted);
					const group = names.groups([plan.groupId]);
					chrome.setStatus(
						outcome?.outcome === 'removed'
							? strings.group.done(item.displayName, group, item.products.length - item.kept.length)
							: strings.group.failed(item.displayName, outcome?.message ?? strings.group.reason[outcome?.reason ?? 'error']),
					);
				} catch (error) {
					chrome.setStatus(actionError(error));
				}
				onClose();
			}}
		/>
	);
}
