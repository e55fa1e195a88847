import {Box} from 'ink';
import {Text} from './Text.js';
import type {Tab} from '../navigation.js';
import stringWidth from 'string-width';
import {terminalText} from '../../present/text-safety.js';
import {strings, type Strings} from '../../text/index.js';

interface Props {
	organization: string;
	/** The tenant's name here (tenants add), when one of several is open: marked beside the organization. */
	tenantName?: string | null;
	signedInAs: string;
	readOnly: boolean;
	/** The tenant shown is a copy read at this time (HH:MM) by an earlier run, not read anew yet. */
	copyOf?: string | null;
	tab: Tab;
	width: number;
}

/** Each tab's key and name, and the name it goes by when the line is short of room: once per language. */
const tabsByLanguage = new WeakMap<Strings, Array<[Tab, string, string]>>();
function tabsOf(): Array<[Tab, string, string]> {
	let tabs = tabsByLanguage.get(strings);
	if (!tabs) {
		tabs = (['licenses', 'users', 'guide', 'reclaim'] as const).map((id, i) => [id, `${i + 1} ${strings.screens[id]}`, `${i + 1} ${strings.tabShort[id]}`]);
		tabsByLanguage.set(strings, tabs);
	}
	return tabs;
}

export function Header({organization, tenantName = null, signedInAs, readOnly, copyOf = null, tab, width}: Props) {
	const tabs = tabsOf();
	const badge = (readOnly ? ` [${strings.readOnly.badge}]` : '') + (copyOf ? ` [${strings.refresh.copyBadge(copyOf)}]` : '');
	// The organisation names the rule under the header: at 80 columns the first line has room for who
	// the app acts as and the tabs, not for both names.
	const marker = tenantName ? ` ${strings.tenants.marker(tenantName)}` : '';
	const rule = `── ${organization}${marker} `;
	const full = tabs.reduce((sum, [id, label]) => sum + label.length + (id === tab ? 2 : 0) + 1, 0);
	const narrow = full > width - stringWidth(terminalText(signedInAs + badge)) - 1;
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
				<Box flexShrink={0} gap={1} marginLeft={1}>
					{tabs.map(([id, label, short]) => (
						// The current tab is bracketed as well as inverse, so it shows without colour; the
						// others go by their short names when the admin's name would not fit beside them.
						<Text key={id} inverse={id === tab} bold={id === tab}>
							{id === tab ? `[${label}]` : narrow ? short : label}
						</Text>
					))}
				</Box>
			</Box>
			<Text wrap="truncate-end">
				<Text dimColor>── </Text>
				<Text bold>{organization}</Text>
				{marker ? <Text inverse>{marker}</Text> : null}
				<Text dimColor>{` ${'─'.repeat(Math.max(0, width - rule.length))}`}</Text>
			</Text>
		</Box>
	);
}
