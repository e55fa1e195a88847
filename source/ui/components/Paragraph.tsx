// A paragraph wrapped to the width given, by the app's own wrapping (wrap-text.ts): no line starts
// with the space it was broken at, as Ink's wrap="wrap" leaves it (wrap-ansi without trim).
import {wrapText} from './wrap-text.js';
import {Text} from './Text.js';

export function Paragraph({text, width, dim = false}: {text: string; width: number; dim?: boolean}) {
	return (
		<>
			{wrapText(text, Math.max(1, width)).map((line, i) => (
				<Text key={i} dimColor={dim}>
					{line}
				</Text>
			))}
		</>
	);
}
