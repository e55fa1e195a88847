// A confirmation for a change. Focus starts on Cancel, so enter alone never confirms; y does, or
// the confirm button once tab has moved to it. The lines scroll when they do not fit.
import {Box} from 'ink';
import {Text} from './Text.js';
import {useMemo, useState} from 'react';
import {fileStamp} from '../../domain/dates.js';
import type {LicensePlan} from '../../domain/plan.js';
import {selfConsequences} from '../../domain/consequences.js';
import type {Store} from '../../store/store.js';
import {useChrome} from '../chrome.js';
import {useAppState, useStore} from '../store-context.js';
import {commandFiles, commandRows} from './commands-text.js';
import {StyledLine} from './StyledLine.js';
import {namesOf} from '../use-apply.js';
import {confirmationLineStream} from './plan-lines.js';
import {useLineBuffer} from './line-buffer.js';
import {strings} from '../../text/index.js';
import {initialConfirmFocus, nextConfirmFocus, type ConfirmFocus} from './confirm-state.js';
import {ScreenFrame} from './ScreenFrame.js';
import {scrollWindow} from './use-scroll.js';
import {wrapText, type Line} from './wrap-text.js';

/** The border and padding take four columns. */
export const dialogWidth = (columns: number) => Math.max(20, columns - 4);

interface Props {
	title: string;
	question: string;
	/** The change: shown with its consequences unless `lines` says otherwise, and for c as commands. */
	plan?: LicensePlan;
	/** The plan is about one product (a line per user is enough), or users × products. */
	byProduct?: boolean;
	/** What to show instead of the plan and its consequences. */
	lines?: readonly Line[];
	confirmLabel: string;
	/** Said first, on its own line, when the change is the signed-in admin's own (else found in the plan). */
	self?: string | null;
	onConfirm: () => void;
	onCancel: () => void;
}

function Button({label, focused}: {label: string; focused: boolean}) {
	// The focused button is marked with brackets and inverse video, not colour alone.
	return (
		<Text inverse={focused} bold={focused}>
			{focused ? `[ ${label} ]` : `  ${label}  `}
		</Text>
	);
}

export function ConfirmPanel({title, question, lines: given, plan, byProduct = false, confirmLabel, self, onConfirm, onCancel}: Props) {
	const chrome = useChrome();
	const store = useStore();
	const {tenant, admin} = useAppState();
	const width = dialogWidth(chrome.size.columns);
	const own = useMemo(() => (plan ? selfConsequences(tenant, admin, plan, new Date()) : null), [tenant, admin, plan]);
	const selfLines = wrapText(self ?? (own ? strings.dialog.self(admin, own) : ''), width).filter(Boolean);
	// Made once per plan, not on every key that scrolls it, and only as far as shown at first: a plan
	// can hold thousands of users (the rest are made after the frame, to count them).
	const changeLines = useLineBuffer<Line>(
		() => given ?? (plan ? confirmationLineStream(tenant, plan, namesOf(tenant), byProduct, width) : []),
		[given, tenant, plan, byProduct, width],
	);
	const [focus, setFocus] = useState<ConfirmFocus>(initialConfirmFocus);
	const [showCommands, setShowCommands] = useState(false);
	/** Where the commands were saved (or why not), once c has been pressed. */
	const [saved, setSaved] = useState<string | null>(null);
	// Unboxed and as wide as the terminal, so a command is copied whole.
	const commandWidth = chrome.size.columns - 1;
	const commands = useMemo(
		() => (showCommands && plan ? commandRows(plan, chrome.graphBase, commandWidth).map(row => [row]) : null),
		[showCommands, plan, chrome.graphBase, commandWidth],
	);
	const savedLines = commands && saved ? wrapText(saved, commandWidth) : [];
	// The question wraps (it names the add-ons that go with a product); the border, title, a blank
	// line, the "more" line and the buttons take six rows more. Unboxed, the commands take what the
	// border and the question leave.
	const asked = chrome.severalTenants ? strings.tenants.inTenant(question, tenant.organization.displayName) : question;
	const questionLines = [...selfLines, ...wrapText(asked, width)];
	const room = Math.max(1, chrome.bodyRows - (commands ? 3 + savedLines.length : 6 + questionLines.length));
	const [scrolled, setScrolled] = useState(0);
	// The lines on screen, and one more to know whether there is more.
	changeLines.fill(scrolled + room + 1);
	const lines = commands ?? changeLines.lines;
	const scroll = scrollWindow(scrolled, setScrolled, lines.length, room);
	const more = scroll.below > 0 ? (commands || changeLines.done ? strings.dialog.more(scroll.below) : strings.dialog.moreCounting) : null;
	const toggleCommands = () => {
		if (!showCommands && plan && saved === null) setSaved(saveCommands(store, plan, chrome.graphBase, tenant.organization.displayName));
		setShowCommands(shown => !shown);
		scroll.top();
	};
	return (
		<ScreenFrame
			modal
			contexts={['dialog']}
			unsaved={strings.unsaved.confirmation}
			handlers={{
				confirm: onConfirm,
				cancel: onCancel,
				focusNext: () => setFocus(nextConfirmFocus),
				commands: plan ? toggleCommands : undefined,
				press: focus === 'confirm' ? onConfirm : onCancel,
				scrollUp: scroll.up,
				scrollDown: scroll.down,
			}}
		>
			{/* The commands unboxed, so what is copied from the screen holds no border. */}
			<Box flexDirection="column" height={chrome.bodyRows} {...(commands ? {} : {borderStyle: 'round' as const, paddingX: 1})}>
				<Text bold>{commands ? strings.commands.title : title}</Text>
				{(commands ? savedLines : questionLines).map((line, i) => (
					<Text key={`h${i}`} dimColor={commands !== null} bold={!commands && i < selfLines.length} wrap="truncate-end">
						{line}
					</Text>
				))}
				{commands ? null : <Text> </Text>}
				<Box flexDirection="column" height={room} overflow="hidden">
					{/* Only the rows shown become elements: a plan for thousands of users has tens of thousands. */}
					{lines.slice(scroll.offset, scroll.offset + room).map((line, i) => (
						<StyledLine key={scroll.offset + i} segments={line} />
					))}
				</Box>
				<Text dimColor>{more ?? (commands ? strings.commands.back : ' ')}</Text>
				<Box gap={2}>
					<Button label={strings.dialog.cancel} focused={focus === 'cancel'} />
					<Button label={confirmLabel} focused={focus === 'confirm'} />
				</Box>
			</Box>
		</ScreenFrame>
	);
}

/** Per store, each change's saved commands: what was said of them (their paths, or why not). */
const savedPairs = new WeakMap<Store, Map<string, string>>();

/**
 * Saves the commands as a .ps1 and a .sh in the state directory, once per change: c pressed again,
 * or on the same change confirmed again, says the pair already saved. What the view says about it.
 */
function saveCommands(store: Store, plan: LicensePlan, graphBase: string, tenant: string): string {
	let saved = savedPairs.get(store);
	if (!saved) savedPairs.set(store, (saved = new Map()));
	const change = JSON.stringify([graphBase, plan.items]);
	const said = saved.get(change);
	if (said) return said;
	const message = writeCommands(store, plan, graphBase, tenant);
	saved.set(change, message);
	return message;
}

function writeCommands(store: Store, plan: LicensePlan, graphBase: string, tenant: string): string {
	const time = new Date();
	const files = commandFiles(plan, graphBase, tenant, time);
	try {
		const ps1 = store.saveCommands(`commands-${fileStamp(time)}.ps1`, files.ps1);
		const sh = store.saveCommands(`commands-${fileStamp(time)}.sh`, files.sh);
		return strings.commands.saved(ps1, sh);
	} catch (error) {
		return strings.commands.notSaved((error as Error).message);
	}
}
