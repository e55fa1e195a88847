// A confirmation for a change. Focus starts on Cancel, so enter alone never confirms; y does, or
// the confirm button once tab has moved to it. The lines scroll when they do not fit.
import {Box} from 'ink';
import {Text} from './Text.js';
import {useEffect, useMemo, useState, type ReactElement} from 'react';
import {powershellCommands, restRequests} from '../../domain/commands.js';
import type {LicensePlan} from '../../domain/plan.js';
import {useChrome} from '../chrome.js';
import {useAppState} from '../store-context.js';
import {namesOf} from '../use-apply.js';
import {confirmationLines} from './plan-lines.js';
import {strings} from '../strings.js';
import {initialConfirmFocus, nextConfirmFocus, type ConfirmFocus} from './confirm-state.js';
import {ScreenFrame} from './ScreenFrame.js';
import {useScroll} from './use-scroll.js';
import {wrapText} from './wrap-text.js';

/** The border and padding take four columns. */
export const dialogWidth = (columns: number) => Math.max(20, columns - 4);

interface Props {
	title: string;
	question: string;
	/** The change: shown with its consequences unless `lines` says otherwise, and for c as commands. */
	plan?: LicensePlan;
	/** The plan is about one product (a line per user is enough), or users × products. */
	byProduct?: boolean;
	/** What to show instead of the plan and its consequences; one row each, keyed. */
	lines?: ReactElement[];
	confirmLabel: string;
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

/** The plan as the commands that would make the same change, wrapped to the dialog. */
function commandLines(plan: LicensePlan, width: number): ReactElement[] {
	const wrap = (text: string) => wrapText(text, width, '', false);
	const rows = [
		{text: strings.commands.powershell, bold: true},
		...powershellCommands(plan).flatMap(command => wrap(command).map(text => ({text, bold: false}))),
		{text: ' ', bold: false},
		{text: strings.commands.rest, bold: true},
		...restRequests(plan).flatMap(request =>
			wrap(`${request.method} ${request.url}`).concat(wrap(JSON.stringify(request.body))).map(text => ({text, bold: false})),
		),
		{text: ' ', bold: false},
		{text: strings.commands.back, bold: false},
	];
	return rows.map((row, i) => (
		<Text key={`cmd${i}`} bold={row.bold}>
			{row.text}
		</Text>
	));
}

export function ConfirmPanel({title, question, lines: given, plan, byProduct = false, confirmLabel, onConfirm, onCancel}: Props) {
	const chrome = useChrome();
	const {tenant} = useAppState();
	const width = dialogWidth(chrome.size.columns);
	// Computed once per plan, not on every key that scrolls it: a plan can hold thousands of users.
	const planned = useMemo(
		() => (plan ? confirmationLines(tenant, plan, namesOf(tenant), byProduct, width) : []),
		[tenant, plan, byProduct, width],
	);
	const changeLines = given ?? planned;
	const [focus, setFocus] = useState<ConfirmFocus>(initialConfirmFocus);
	const [showCommands, setShowCommands] = useState(false);
	const commands = useMemo(() => (showCommands && plan ? commandLines(plan, width) : null), [showCommands, plan, width]);
	const lines = commands ?? changeLines;
	// What the screen below last said is not about this question.
	useEffect(() => chrome.setStatus(null), []);
	// The question wraps (it names the add-ons that go with a product); the border, title, a blank
	// line, the "more" line and the buttons take six rows more.
	const questionLines = wrapText(question, width);
	const room = Math.max(1, chrome.bodyRows - 6 - questionLines.length);
	const scroll = useScroll(lines.length, room);
	return (
		<ScreenFrame
			modal
			contexts={['dialog']}
			handlers={{
				confirm: onConfirm,
				cancel: onCancel,
				focusNext: () => setFocus(nextConfirmFocus),
				commands: plan
					? () => {
							setShowCommands(shown => !shown);
							scroll.top();
						}
					: undefined,
				press: focus === 'confirm' ? onConfirm : onCancel,
				scrollUp: scroll.up,
				scrollDown: scroll.down,
			}}
		>
			<Box flexDirection="column" borderStyle="round" paddingX={1} height={chrome.bodyRows}>
				<Text bold>{title}</Text>
				{questionLines.map((line, i) => (
					<Text key={i} wrap="truncate-end">
						{line}
					</Text>
				))}
				<Text> </Text>
				<Box flexDirection="column" height={room} overflow="hidden">
					{lines.slice(scroll.offset, scroll.offset + room)}
				</Box>
				<Text dimColor>{scroll.below > 0 ? strings.dialog.more(scroll.below) : ' '}</Text>
				<Box gap={2}>
					<Button label={strings.dialog.cancel} focused={focus === 'cancel'} />
					<Button label={confirmLabel} focused={focus === 'confirm'} />
				</Box>
			</Box>
		</ScreenFrame>
	);
}
