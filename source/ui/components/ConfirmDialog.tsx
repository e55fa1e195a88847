import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {ConfirmFocus} from './confirm-state.js';

interface Props {
	title: string;
	focus: ConfirmFocus;
	cancelLabel: string;
	confirmLabel: string;
	children: ReactNode;
}

function Button({label, focused}: {label: string; focused: boolean}) {
	// The focused button is marked with brackets and inverse video, not colour alone.
	return <Text inverse={focused} bold={focused}>{focused ? `[ ${label} ]` : `  ${label}  `}</Text>;
}

export function ConfirmDialog({title, focus, cancelLabel, confirmLabel, children}: Props) {
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1} flexGrow={1}>
			<Text bold>{title}</Text>
			<Box flexDirection="column" flexGrow={1} overflow="hidden">
				{children}
			</Box>
			<Box gap={2}>
				<Button label={cancelLabel} focused={focus === 'cancel'} />
				<Button label={confirmLabel} focused={focus === 'confirm'} />
			</Box>
		</Box>
	);
}
