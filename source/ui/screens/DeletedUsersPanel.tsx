// Users > Deleted users: restorable for 30 days, with their licenses.
import {Text} from '../components/Text.js';
import {useEffect, useState} from 'react';
import {dayOf} from '../../domain/dates.js';
import {restorableUntil, restoreBlock} from '../../domain/rules.js';
import {useChrome} from '../chrome.js';
import {Row, userCells} from '../components/Row.js';
import {fitColumns, widest} from '../components/columns.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {listHandlers} from '../components/list-handlers.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useList} from '../components/use-list.js';
import {WindowedList} from '../components/WindowedList.js';
import {useAppState, useStore} from '../store-context.js';
import {strings} from '../../text/index.js';
import {actionError, namesOf} from '../use-apply.js';
import {useDialogSignal} from '../use-dialog-signal.js';

export function DeletedUsersPanel({onClose}: {onClose: () => void}) {
	const {tenant} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const [confirming, setConfirming] = useState<string | null>(null);
	const wanted = useDialogSignal();
	const deleted = tenant['x-local']?.deletedUsers ?? [];
	const listHeight = Math.max(1, chrome.bodyRows - 1);
	const list = useList(deleted.length, listHeight);
	const width = chrome.size.columns - 1;
	const text = strings.deleted;
	// A live tenant's deleted users are read as the panel opens.
	useEffect(() => {
		store.readDeletedUsers().catch((error: Error) => chrome.setStatus(text.readFailed(error.message)));
	}, []);

	const entry = deleted.find(d => d.user.id === confirming);
	if (entry) {
		return (
			<ConfirmPanel
				title={text.confirmTitle}
				question={text.question(entry.user.displayName)}
				lines={[[{text: `  ${entry.user.userPrincipalName}`}]]}
				confirmLabel={text.confirmTitle}
				onCancel={() => setConfirming(null)}
				onConfirm={async () => {
					setConfirming(null);
					try {
						// Sent only while Deleted users is open: left while a permission is asked for, nothing is.
						await store.restoreUser(entry.user.id, wanted);
						chrome.setStatus(store.getState().notice ?? text.restored(entry.user.userPrincipalName));
					} catch (error) {
						chrome.setStatus(actionError(error));
					}
				}}
			/>
		);
	}

	// The username says who it is and is never cut: the dates say less when room is short, then names give way.
	const visible = deleted.slice(list.state.offset, list.state.offset + listHeight);
	const until = (time: string) => text.until(dayOf(restorableUntil(time)));
	const full = (time: string) => `${text.deletedOn(dayOf(time))} · ${until(time)}`;
	const upnWidth = widest(visible.map(d => d.user.userPrincipalName)) + 1;
	const nameWant = widest(visible.map(d => d.user.displayName)) + 1;
	const short = nameWant + upnWidth + widest(visible.map(d => full(d.deletedDateTime))) > width;
	const dates = short ? until : full;
	const [nameWidth] = fitColumns([{want: nameWant, min: 10}, {want: upnWidth, min: upnWidth}, {want: widest(visible.map(d => dates(d.deletedDateTime))), min: 0}], width, [0]);
	return (
		<ScreenFrame
			contexts={['deleted', 'list']}
			handlers={{
				...listHandlers(list),
				back: onClose,
				restore: () => {
					const current = deleted[list.state.cursor];
					if (!current) return;
					const block = restoreBlock(tenant, current, new Date());
					if (block?.reason === 'expired') return chrome.setStatus(text.expired);
					if (block?.reason === 'no-licenses') return chrome.setStatus(text.noLicenses(namesOf(tenant).product(block.skuId)));
					setConfirming(current.user.id);
				},
			}}
		>
			<Text bold>{text.title}</Text>
			<WindowedList
				items={deleted}
				state={list.state}
				height={listHeight}
				empty={text.none}
				renderRow={(d, selected) => (
					<Row
						width={width}
						cells={[
							...userCells(d.user, selected, nameWidth, upnWidth),
							{text: dates(d.deletedDateTime), align: 'right'},
						]}
					/>
				)}
			/>
		</ScreenFrame>
	);
}
