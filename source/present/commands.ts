// The same change as Microsoft Graph PowerShell and REST calls, for admins who want to see, check or
// run it themselves. One call per user, as the plan is carried out. Source: FACTS.md, Microsoft Graph.
import {changeCount, plannedDisabled, type LicensePlan, type PlanItem} from '../domain/plan.js';
import {powershellString, shellString} from './text-safety.js';
import {assignLicenseBody} from '../domain/plan.js';

const changing = (plan: LicensePlan) => plan.items.filter(item => changeCount(item) > 0);

/**
 * A command's text as a tree, so it can be laid out on one line or broken where the language allows
 * a line break: between arguments (with the shell's continuation character) and after the
 * separators of a list, hashtable or JSON value (where a line break needs none).
 */
export type Doc = string | {open: string; items: Doc[]; sep: string; close: string};

const flat = (doc: Doc): string => (typeof doc === 'string' ? doc : `${doc.open}${doc.items.map(flat).join(`${doc.sep} `)}${doc.close}`);

/** A list laid out at `indent`: on one line when it fits, else its items a line each. */
function block(doc: Doc, indent: number, width: number, lead: string): string[] {
	const oneLine = lead + flat(doc);
	if (typeof doc === 'string' || oneLine.length <= width || doc.items.length === 0) return [oneLine];
	const pad = ' '.repeat(indent + 2);
	const inner = doc.items.flatMap((item, i) => {
		const lines = block(item, indent + 2, width, pad);
		if (i < doc.items.length - 1) lines[lines.length - 1] += doc.sep;
		return lines;
	});
	return [lead + doc.open, ...inner, ' '.repeat(indent) + doc.close];
}

/**
 * One command's lines within `width` columns: its arguments on one line when they fit, else broken
 * between arguments with `continuation` ending each line, continued lines indented by two.
 */
export function layoutCommand(args: readonly Doc[], width: number, continuation: string): string[] {
	const oneLine = args.map(flat).join(' ');
	if (oneLine.length <= width) return [oneLine];
	const lines: string[] = [];
	let line = '';
	const room = width - continuation.length - 1;
	for (const arg of args) {
		const text = flat(arg);
		if (line === '' || `${line} ${text}`.length <= room) {
			line = line === '' ? text : `${line} ${text}`;
			continue;
		}
		lines.push(`${line} ${continuation}`);
		const broken = block(arg, 2, room, '  ');
		line = broken.pop()!;
		lines.push(...broken);
	}
	return [...lines, line];
}

/** The PowerShell arguments of one user's Set-MgUserLicense. */
function powershellArgs(item: PlanItem): Doc[] {
	const list = (open: string, items: Doc[]): Doc => ({open: `${open} @(`, items, sep: ',', close: ')'});
	const add = [...item.add, ...(item.update ?? [])].map((skuId): Doc => {
		const disabled = plannedDisabled(item, skuId);
		const entries: Doc[] = [`SkuId = ${powershellString(skuId)}`];
		if (disabled.length > 0) entries.push({open: 'DisabledPlans = @(', items: disabled.map(powershellString), sep: ',', close: ')'});
		return {open: '@{', items: entries, sep: ';', close: '}'};
	});
	return [
		'Set-MgUserLicense',
		`-UserId ${powershellString(item.userPrincipalName)}`,
		list('-AddLicenses', add),
		list('-RemoveLicenses', item.remove.map(powershellString)),
	];
}

/** Each user's Set-MgUserLicense, broken to `width` columns with PowerShell's continuation (`). */
export function powershellLines(plan: LicensePlan, width: number): string[][] {
	return changing(plan).map(item => layoutCommand(powershellArgs(item), width, '`'));
}

/**
 * The UPN, percent-encoded (so the URL is plain ASCII whatever the UPN holds); the user's id for a
 * UPN that cannot be encoded (a lone surrogate from a damaged snapshot).
 */
function userInPath(item: PlanItem): string {
	try {
		return encodeURIComponent(item.userPrincipalName);
	} catch {
		return encodeURIComponent(item.userId);
	}
}

/** A JSON value as a Doc, its strings quoted for inside a single-quoted shell string. */
function jsonDoc(value: unknown): Doc {
	if (Array.isArray(value)) return {open: '[', items: value.map(jsonDoc), sep: ',', close: ']'};
	if (value !== null && typeof value === 'object') {
		return {
			open: '{',
			items: Object.entries(value).map(([key, item]) => {
				const inner = jsonDoc(item);
				const name = `${shellString(JSON.stringify(key), false)}: `;
				return typeof inner === 'string' ? name + inner : {...inner, open: name + inner.open};
			}),
			sep: ',',
			close: '}',
		};
	}
	return shellString(JSON.stringify(value), false);
}

/** The shell variables the curl calls use: Graph's address (set by `graphVariable`) and the token. */
export const shellVariables = {graph: 'GRAPH', token: 'GRAPH_TOKEN'} as const;

/** `GRAPH='https://graph.microsoft.com/v1.0'`: set once, so each call's address fits a line. */
export const graphVariable = (graphBase: string) => `${shellVariables.graph}=${shellString(`${graphBase}/v1.0`)}`;

/** Percent-encoding that leaves nothing a shell treats specially inside double quotes (! is history in bash). */
const strictlyEncoded = (path: string) => path.replace(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Each user's request as a curl call (after `graphVariable`, with the token in $GRAPH_TOKEN), broken
 * to `width` columns with the shell's continuation (\).
 */
export function curlLines(plan: LicensePlan, width: number): string[][] {
	return changing(plan).map(item => {
		const body = jsonDoc(assignLicenseBody(item)) as Exclude<Doc, string>;
		return layoutCommand(
			[
				'curl -sS -X POST',
				`"$${shellVariables.graph}/users/${strictlyEncoded(userInPath(item))}/assignLicense"`,
				`-H "Authorization: Bearer $${shellVariables.token}"`,
				`-H 'Content-Type: application/json'`,
				// The body's line breaks fall inside its quotes, where JSON and the shell both allow them.
				{...body, open: `-d '${body.open}`, close: `${body.close}'`},
			],
			width,
			'\\',
		);
	});
}
