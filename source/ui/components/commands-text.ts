// The `c` view and the files it leaves: the change as PowerShell and curl calls, laid out so what
// is copied from the terminal (or run from the file) is exactly the change the app would make.
import {curlLines, graphVariable, powershellLines, shellVariables} from '../../present/commands.js';
import type {LicensePlan} from '../../domain/plan.js';
import {terminalText} from '../../present/text-safety.js';
import {strings} from '../../text/index.js';
import {wrapText} from './wrap-text.js';

export interface CommandRow {
	text: string;
	dim?: boolean;
}

/** What the view shows: each section's heading, then its commands, a line each as laid out for `width`. */
export function commandRows(plan: LicensePlan, graphBase: string, width: number): CommandRow[] {
	const text = strings.commands;
	const heading = (words: string) => wrapText(words, width).map(line => ({text: line, dim: true}));
	return [
		...heading(text.powershell),
		...powershellLines(plan, width)
			.flat()
			.map(line => ({text: line})),
		{text: ' '},
		...heading(text.rest),
		{text: graphVariable(graphBase)},
		...curlLines(plan, width)
			.flat()
			.map(line => ({text: line})),
	];
}

/** The files saved beside the view: a PowerShell script and a POSIX shell script, 80 columns wide. */
export function commandFiles(plan: LicensePlan, graphBase: string, tenant: string, time: Date): {ps1: string; sh: string} {
	const text = strings.commands;
	// The tenant's name is tenant text: escaped, a line break in it cannot end the comment and start a command.
	const header = text.fileHeader(terminalText(tenant), time.toISOString()).map(line => `# ${line}`);
	const ps1 = [...header, `# ${text.psNeeds}`, '', ...powershellLines(plan, 80).map(lines => lines.join('\n'))];
	const sh = [
		'#!/bin/sh',
		...header,
		`# ${text.shNeeds}`,
		`: "\${${shellVariables.token}:?${text.tokenMissing}}"`,
		graphVariable(graphBase),
		'',
		// Each call's answer on its own line.
		...curlLines(plan, 80).map(lines => `${lines.join('\n')}\necho`),
	];
	return {ps1: `${ps1.join('\n')}\n`, sh: `${sh.join('\n')}\n`};
}
