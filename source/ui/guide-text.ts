// What the guided session says aloud, and the Markdown report it leaves: plain sentences built from
// the same plan and consequences the confirmation shows.
import {consequenceKinds, lostKinds, type UserConsequences} from '../domain/consequences.js';
import {fileStamp} from '../domain/dates.js';
import type {Tenant} from '../domain/model.js';
import {countOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import {markdownText as md} from '../present/text-safety.js';
import type {Names} from '../domain/selectors.js';
import {explained, listWords as list, strings} from '../text/index.js';

/** Paragraphs a support person can read out: who loses what, what that means, who is skipped. */
export function readAloud(product: string, plan: LicensePlan, consequences: readonly UserConsequences[], names: Names): string[] {
	const aloud = strings.guide.aloud;
	const removing = plan.items.filter(item => item.remove.length > 0);
	const paragraphs = [aloud.intro(product, list(removing.map(item => item.displayName)))];
	// The add-ons that go with the product, by name: they are what else is lost.
	const addOns = [...new Set(removing.flatMap(item => Object.keys(item.dependents)))];
	if (addOns.length > 0) paragraphs.push(aloud.dependents(addOns.map(names.product), product));
	for (const item of removing) {
		for (const [skuId, groups] of Object.entries(item.keptThroughGroups)) {
			paragraphs.push(aloud.keptThroughGroup(item.displayName, names.product(skuId), names.groups(groups)));
		}
	}
	for (const user of consequences) {
		const lost = lostKinds(user);
		const unchanged = user.changes.length === 0 && user.unrecognised.length === 0;
		const sentences = [
			...(lost.length > 0 ? [aloud.loses(user.displayName, list(lost.map(kind => aloud.kind[kind])))] : []),
			...user.changes.flatMap(change =>
				change.effect === 'reduced'
					? [aloud.reduced(user.displayName, change)]
					: change.effect === 'undocumented'
						? [aloud.undocumented(user.displayName, aloud.kind[change.kind])]
						: [],
			),
			...(user.unrecognised.length > 0 ? [aloud.unrecognised(user.displayName, list(user.unrecognised))] : []),
			...(unchanged ? [aloud.nothing(user.displayName)] : []),
			...consequenceKinds.flatMap(kind => {
				const keepers = user.kept[kind];
				return keepers ? [aloud.keeps(user.displayName, aloud.kind[kind], list(keepers.map(names.product)))] : [];
			}),
			...(user.hold ? [aloud.hold(user.displayName)] : []),
		];
		paragraphs.push(sentences.join(' '));
	}
	const lost = new Set(consequences.flatMap(user => user.changes.filter(explained).map(change => change.kind)));
	const deletedOn = consequences.find(user => user.mailboxDeletedOn)?.mailboxDeletedOn ?? '';
	const archivedOn = consequences.find(user => user.oneDriveArchivedOn)?.oneDriveArchivedOn ?? '';
	for (const kind of consequenceKinds) {
		if (!lost.has(kind)) continue;
		if (kind === 'mailbox') paragraphs.push(aloud.mailbox(deletedOn));
		else if (kind === 'onedrive') paragraphs.push(aloud.onedrive(archivedOn));
		else paragraphs.push(aloud[kind]);
	}
	if (consequences.some(user => user.mailboxDeletedOn && !user.holdsVisible)) paragraphs.push(aloud.holdsHidden);
	for (const item of plan.items) {
		for (const skip of item.skip) paragraphs.push(aloud.skipped(item.displayName, strings.outcome.reason[skip.reason]));
	}
	return paragraphs;
}

export interface GuideRecord {
	tenant: Tenant;
	admin: string;
	product: {skuId: string; skuPartNumber: string; name: string};
	startedAt: Date;
	finishedAt: Date;
	shown: string[];
	outcomes: readonly UserOutcome[];
	names: Names;
}

/** The report a guided session leaves in the state directory. Every text in it goes through md(): names are the tenant's, messages Graph's. */
export function guideReport(record: GuideRecord): string {
	const {tenant, admin, product, outcomes, names} = record;
	const rows = outcomes.map(o => {
		const why =
			o.outcome === 'failed' || o.outcome === 'not-sent' || o.outcome === 'unknown' ? (o.message ?? '') : o.reason ? strings.outcome.reason[o.reason] : '';
		return `| ${md(o.userPrincipalName)} | ${md(names.product(o.skuId))} | ${md(strings.outcome.verb[o.outcome])} | ${md(why)} |`;
	});
	const words = strings.guide;
	const field = words.reportFields;
	return [
		`# ${words.reportTitle}`,
		'',
		`- ${field.tenant}: ${md(tenant.organization.displayName)} (${md(tenant.organization.id)})`,
		`- ${field.doneBy}: ${md(admin)}`,
		`- ${field.started}: ${strings.time(record.startedAt.toISOString())}`,
		`- ${field.finished}: ${strings.time(record.finishedAt.toISOString())}`,
		`- ${field.product}: ${md(product.name)} (${md(product.skuPartNumber)}, ${md(product.skuId)})`,
		`- ${field.outcome}: ${md(strings.outcome.summary(countOutcomes(outcomes, product.skuId), product.name))}`,
		'',
		`## ${words.reportDone}`,
		'',
		`| ${words.reportColumns.join(' | ')} |`,
		'| --- | --- | --- | --- |',
		...rows,
		'',
		`## ${words.reportShown}`,
		'',
		...record.shown.flatMap(paragraph => [md(paragraph), '']),
	].join('\n');
}

/** guided-unassign-20261125-181502.md */
export function reportName(time: Date): string {
	return `guided-unassign-${fileStamp(time)}.md`;
}
