import {Box} from 'ink';
import {Text} from './Text.js';
import type {Tab} from '../navigation.js';
import {strings} from '../strings.js';

interface Props {
	organization: string;
	signedInAs: string;
	readOnly: boolean;
	tab: Tab;
	width: number;
}

const tabs: Array<[Tab, string]> = [
	['licenses', `1 ${strings.screens.licenses}`],
	['users', `2 ${strings.screens.users}`],
	['guide', `3 ${strings.screens.guide}`],
];

export function Header({organization, signedInAs, readOnly, tab, width}: Props) {
	const badge = readOnly ? ` [${strings.readOnly.badge}]` : '';
	// The organisation names the rule under the header: at 80 columns the first line has room for who
	// the app acts as and the tabs, not for both names.
	const rule = `── ${organization} `;
	return (
		<Box flexDirection="column" width={width}>
			<Box justifyContent="space-between">
				<Box flexShrink={1}>
					<Text wrap="truncate-end">{signedInAs}</Text>
					{/* The badge is never the part cut off for room. */}
					{badge ? (
						<Box flexShrink={0}>
							<Text bold>{badge}</Text>
						</Box>
					) : null}
				</Box>
				<Box flexShrink={0} gap={1}>
					{tabs.map(([id, label]) => (
						// The current tab is bracketed as well as inverse, so it shows without colour.
						<Text key={id} inverse={id === tab} bold={id === tab}>
							{id === tab ? `[${label}]` : ` ${label} `}
						</Text>
					))}
				</Box>
			</Box>
			<Text wrap="truncate-end">
				<Text dimColor>── </Text>
				<Text bold>{organization}</Text>
				<Text dimColor>{` ${'─'.repeat(Math.max(0, width - rule.length))}`}</Text>
			</Text>
		</Box>
	);
}
