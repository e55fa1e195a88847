// The Tenants screen (key 0 or t, with tenants added): each tenant with its licenses assigned and
// available and what Reclaim would free, filled in as each is read; enter opens that tenant's Licenses
// page. It is its own Ink root, shown between two tenants' apps: nothing of the one before (ticks,
// filters, dialogs) goes over to the next, which is opened anew.
import {Box} from 'ink';
import {useState, useSyncExternalStore} from 'react';
import type {TenantFigures} from '../../domain/tenant-figures.js';
import {strings} from '../../text/index.js';
import {ChoiceList} from '../components/ChoiceList.js';
import {Footer} from '../components/Footer.js';
import {Text} from '../components/Text.js';
import {createKeyRouter, RouterContext, useKeyInput, useRoute} from '../input-router.js';
import type {KeyFeed} from '../key-feed.js';
import type {ActionId, KeyContext} from '../keys.js';
import {KeyPacing} from '../key-pacing.js';
import {useTerminalSize} from '../use-terminal-size.js';

export interface TenantRow {
	name: string;
	displayName: string | null;
	/** Null while it is read; an error when it could not be. */
	figures: TenantFigures | null;
	error: string | null;
}

/** The rows, changed as each tenant is read: what the screen draws from. */
export function tenantBoard(rows: TenantRow[]) {
	let current = rows;
	const listeners = new Set<() => void>();
	return {
		get: () => current,
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(name: string, change: Partial<TenantRow>) {
			current = current.map(row => (row.name === name ? {...row, ...change} : row));
			for (const listener of listeners) listener();
		},
	};
}
export type TenantBoard = ReturnType<typeof tenantBoard>;

export const tenantLine = (row: TenantRow) => {
	const who = row.displayName ? `${row.name} · ${row.displayName}` : row.name;
	if (row.error) return strings.tenants.rowFailed(who, row.error);
	return row.figures ? strings.tenants.row(who, row.figures.assigned, row.figures.available, row.figures.frees) : strings.tenants.rowReading(who);
};

function KeyInput({router}: {router: ReturnType<typeof createKeyRouter>}) {
	useKeyInput(router);
	return null;
}

interface Props {
	board: TenantBoard;
	/** The tenant open before, if any: esc goes back to it. */
	current: string | null;
	onChoose: (name: string) => void;
	onQuit: () => void;
}

/** A list to choose from, and the keys every screen has (it has no frame of the app's around it to add them). */
const tenantsContexts: KeyContext[] = ['choice', 'global'];

function Tenants({board, current, onChoose, onQuit}: Props) {
	const rows = useSyncExternalStore(board.subscribe, board.get);
	const size = useTerminalSize();
	const back = current ? () => onChoose(current) : undefined;
	useRoute({contexts: tenantsContexts, handlers: {quit: onQuit, back}}, true);
	const handled = new Set<ActionId>(['choose', 'quit', ...(back ? (['back'] as const) : [])]);
	const initial = Math.max(
		0,
		rows.findIndex(row => row.name === current),
	);
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Text bold>{strings.tenants.screenTitle(rows.length)}</Text>
			<Text dimColor>{'─'.repeat(Math.max(0, size.columns - 1))}</Text>
			<ChoiceList
				choices={rows.map(row => ({key: row.name, label: tenantLine(row), value: row.name}))}
				focused
				initial={initial}
				limit={Math.max(3, size.rows - 5)}
				onChoose={onChoose}
			/>
			<Box flexGrow={1} />
			<Footer contexts={tenantsContexts} handled={handled} width={size.columns - 1} />
		</Box>
	);
}

export function TenantsScreen({feed, ...props}: Props & {feed: KeyFeed}) {
	const [router] = useState(createKeyRouter);
	return (
		<RouterContext.Provider value={router}>
			<KeyInput router={router} />
			<Tenants {...props} />
			<KeyPacing feed={feed} />
		</RouterContext.Provider>
	);
}
