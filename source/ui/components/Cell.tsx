import {Box} from 'ink';
import {Text} from './Text.js';
import type {ReactNode} from 'react';

interface Props {
	/** Fixed width; without it the cell takes the room the fixed ones leave. */
	width?: number;
	align?: 'left' | 'right';
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
	children: ReactNode;
}

/** One column of a table row: fixed cells never shrink, text is cut with … rather than wrapped. */
export function Cell({width, align = 'left', bold, dim, inverse, children}: Props) {
	return (
		<Box
			width={width}
			flexShrink={width === undefined ? 1 : 0}
			flexGrow={width === undefined ? 1 : 0}
			justifyContent={align === 'right' ? 'flex-end' : 'flex-start'}
			// A fixed column ends in a space, so a cut-off value never runs into the next one.
			paddingRight={width !== undefined && align === 'left' ? 1 : 0}
		>
			<Text wrap="truncate-end" bold={bold} dimColor={dim} inverse={inverse}>
				{children}
			</Text>
		</Box>
	);
}
