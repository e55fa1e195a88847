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
import {packParts, wrapText} from '../components/wrap-text.js';

type Deleted = {deletedDateTime: string; user: {displayName: string; userPrincipalName: string}};

const until = (time: string) => strings.deleted.until(dayOf(restorableUntil(time)));
const bothDates = (time: string) => `${strings.deleted.deletedOn(dayOf(time))} · ${until(time)}`;

/** The highlighted user whole: name, username, when deleted and until when restorable; a part too long for a line wraps. */
function aboutLines(entry: Deleted | undefined, width: number): string[] {
	if (!entry) return [];
	const {user, deletedDateTime} = entry;
	const parts = [
		user.displayName,
		user.userPrincipalName,
		strings.deleted.deletedOn(dayOf(deletedDateTime)),
		strings.deleted.restorableUntil(dayOf(restorableUntil(deletedDateTime))),
	];
	return packParts(parts, width).flatMap(line => wrapText(line, width));
}

/**
 * The rows' columns: the username says who it is and gives way last; the dates say less when room is
 * short (the line below says them whole), then go, then names give way.
 */
function deletedColumns(visible: readonly Deleted[], width: number): {nameWidth: number; upnWidth: number; dates: (time: string) => string} {
	const upnWant = widest(visible.map(d => d.user.userPrincipalName)) + 1;
	const nameWant = widest(visible.map(d => d.user.displayName)) + 1;
	const dates = nameWant + upnWant + widest(visible.map(d => bothDates(d.deletedDateTime))) > width ? until : bothDates;
	const [nameWidth, upnWidth] = fitColumns(
		[
			{want: nameWant, min: 10},
			{want: upnWant, min: 16},
			{want: widest(visible.map(d => dates(d.deletedDateTime))), min: 0},
		],
		width,
		[2, 0, 1],
	);
	return {nameWidth: nameWidth!, upnWidth: upnWidth!, dates};
}

export function DeletedUsersPanel({onClose}: {onClose: () => void}) {
	const {tenant} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const [confirming, setConfirming] = useState<string | null>(null);
	const wanted = useDialogSignal();
	const deleted = tenant['x-local']?.deletedUsers ?? [];
	const width = chrome.size.columns - 1;
	const text = strings.deleted;
	// Below the list, the highlighted user whole (name, username, both dates), on the lines it needs.
	const [cursorAt, setCursorAt] = useState(0);
	const about = aboutLines(deleted[cursorAt], width);
	const listHeight = Math.max(1, chrome.bodyRows - 1 - about.length);
	const list = useList(deleted.length, listHeight);
	if (list.state.cursor !== cursorAt) setCursorAt(list.state.cursor);
	// A live tenant's deleted users are read as the panel opens.
	useEffect(() => {
		store.readDeletedUsers().catch((error: Error) => chrome.setStatus(text.readFailed(error.message)));
		// eslint-disable-next-line react-hooks/exhaustive-deps -- read once, as the panel opens
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

	const {nameWidth, upnWidth, dates} = deletedColumns(deleted.slice(list.state.offset, list.state.offset + listHeight), width);
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
					<Row width={width} cells={[...userCells(d.user, selected, nameWidth, upnWidth), {text: dates(d.deletedDateTime), align: 'right'}]} />
				)}
			/>
			{about.map((line, i) => (
				<Text key={i} dimColor wrap="truncate-end">
					{line}
				</Text>
			))}
		</ScreenFrame>
	);
}
