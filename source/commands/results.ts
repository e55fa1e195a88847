// A change's results as the changing subcommands write them, text or JSON: a user at a time, each
// result made as it is written and dropped, so a list of hundreds of thousands of users is never held
// as results nor as one text. The results are made twice for text: once to lay out the columns, once
// to write.
import {strings} from '../text/index.js';
import {outcomeCounter, type ChangeOutcome, type ChangeSummary} from './change.js';
import {paragraph, tableColumns, writeJson} from './io.js';

/** What every result says: who, what came of it, and why nothing was done. */
interface ResultLine {
	userPrincipalName: string;
	outcome: ChangeOutcome;
	reason: string | null;
	message: string | null;
}

/** `{...head, results: [...], summary}` as --json writes it, the summary counted as the results go by. */
export function writeJsonResults<T>(out: (text: string) => void, head: object, rows: Iterable<T>, result: (row: T) => ResultLine): ChangeSummary {
	const counter = outcomeCounter();
	writeJson(
		out,
		head,
		'results',
		(function* () {
			for (const row of rows) {
				const r = result(row);
				counter.add(r.outcome);
				yield r;
			}
		})(),
		() => ({summary: counter.summary()}),
	);
	return counter.summary();
}

export interface TextResults<T> {
	/** The rows, made anew each time it is called. */
	rows: () => Iterable<T>;
	result: (row: T) => ResultLine;
	/** Beside a user nothing was done for: why. */
	beside: (result: ResultLine) => string;
	/** Under the user, indented: what happens to them. */
	details: (row: T) => string[];
	width: number;
	out: (text: string) => void;
	/** Only those it keeps are written (none kept: nothing at all); the summary is of them all. */
	shown?: (result: ResultLine) => boolean;
}

/** A line per user (outcome, and the reason when nothing is done), then its details, indented; within `width`. */
export function writeTextResults<T>({rows, result, beside, details, width, out, shown = () => true}: TextResults<T>): ChangeSummary {
	const cells = (r: ResultLine) => [r.userPrincipalName, strings.cli.outcomeWord(r.outcome), beside(r)];
	const lines = tableColumns(
		(function* () {
			for (const row of rows()) {
				const r = result(row);
				if (shown(r)) yield cells(r);
			}
		})(),
		{width, wrap: [2, 0]},
	);
	const counter = outcomeCounter();
	let text = '';
	for (const row of rows()) {
		const r = result(row);
		counter.add(r.outcome);
		if (!shown(r)) continue;
		text += `${[...lines(cells(r)), ...details(row).map(detail => paragraph(detail, width, '    '))].join('\n')}\n`;
		if (text.length >= 65_536) {
			out(text);
			text = '';
		}
	}
	out(text === '' && counter.total() === 0 ? '\n' : text);
	return counter.summary();
}
