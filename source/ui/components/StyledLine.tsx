import {Text} from './Text.js';
import type {Segment} from './wrap-text.js';

/** One row of styled segments (from wrapSegments): never wider than it was wrapped to. */
export function StyledLine({segments}: {segments: readonly Segment[]}) {
	return (
		<Text wrap="truncate-end">
			{/* An empty line still takes its row. */}
			{segments.every(segment => segment.text === '') ? ' ' : null}
			{segments.map((segment, i) => (
				<Text key={i} bold={segment.bold} dimColor={segment.dim}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}
