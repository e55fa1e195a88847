#!/usr/bin/env node
// Generates source/domain/catalog.ts from Microsoft's "Product names and service plan identifiers
// for licensing" CSV, so the app shows product names, and knows what every service plan gives a user,
// without reading a 1 MB CSV at start-up. Also writes test/fixtures/catalog-products.json (each
// product's service plans), so tests can build tenants from real products without the CSV.
// Usage: npm run catalog -- path/to/product-names-and-service-plan-identifiers.csv
//
// Every service plan is classified by the rules below: what it gives (a mailbox and its size class,
// an archive, OneDrive, Office desktop apps, Office for the web and mobile, Teams), or, by an explicit
// family, nothing the consequences panel speaks of. A plan no rule matches is left unclassified in the
// output, listed here, and named by a failing unit test: nothing falls through to a default.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'csv-parse/sync';

const defaultCsv = fileURLToPath(new URL('../../../shared/reference/product-names-and-service-plan-identifiers.csv', import.meta.url));
const csvPath = process.argv[2] ?? defaultCsv;
const out = fileURLToPath(new URL('../domain/catalog.ts', import.meta.url));
const fixture = fileURLToPath(new URL('../../test/fixtures/catalog-products.json', import.meta.url));

/**
 * What a plan gives, by servicePlanName. Codes, each a level of one kind, given only where Microsoft
 * documents it (FACTS.md "Archive: sizes, not only yes/no": "Exchange Online limits", mailbox storage
 * limits, the Exchange Online Archiving service description):
 * - mailbox-100gb (Exchange Online Plan 2), mailbox-50gb (Plan 1), mailbox-kiosk (2 GB, no archive),
 *   mailbox (a full mailbox whose size is not documented);
 * - archive-auto (auto-expanding, up to 1.5 TB: Plan 2, and Exchange Online Archiving beside a
 *   mailbox), archive-50gb (Plan 1's own), archive (one whose size is not documented),
 *   archive-unknown (whether there is one at all is not documented);
 * - onedrive (full), onedrive-2gb (read-only when over 2 GB), onedrive-basic (the OneDrive that comes
 *   with add-ons such as Visio: not a full one);
 * - office-desktop, office-web (edit), office-web-read; teams.
 * Sources: FACTS.md "Service plans that matter for consequences" (from Microsoft's CSV and the
 * Exchange/SharePoint service descriptions); a name not listed there is placed by the friendly name
 * the CSV gives it (in the comment).
 */
const gives = [
	// Exchange Online (Plan 2), and its government edition: 100 GB, and an auto-expanding archive.
	[['EXCHANGE_S_ENTERPRISE', 'EXCHANGE_S_ENTERPRISE_GOV'], 'mailbox-100gb archive-auto'],
	// Exchange Online (Plan 1), and its government edition, whatever product carries it (Business
	// Basic, Business Standard, Business Premium, Office 365 E1, Exchange Online Essentials): 50 GB, and
	// an archive of its own of 50 GB.
	[['EXCHANGE_S_STANDARD', 'EXCHANGE_S_STANDARD_GOV'], 'mailbox-50gb archive-50gb'],
	// The other full mailboxes, whose sizes (and archives) Microsoft's pages used here do not give:
	// Exchange Essentials, Midsize Business "EXCHANGE ONLINE PLAN", Small Business "EXCHANGE ONLINE
	// (P1)", "EXCHANGE ONLINE POP".
	[['EXCHANGE_S_STANDARD_MIDMARKET', 'EXCHANGE_S_ESSENTIALS', 'EXCHANGE_L_STANDARD', 'EXCHANGE_B_STANDARD'], 'mailbox archive-unknown'],
	// Exchange Online Kiosk: a 2 GB mailbox, no archive (Microsoft 365 F1 is an exception, below).
	[['EXCHANGE_S_DESKLESS', 'EXCHANGE_S_DESKLESS_GOV'], 'mailbox-kiosk'],
	// Exchange Online Archiving for Exchange Online: with a mailbox plan, the archive auto-expands.
	[['EXCHANGE_S_ARCHIVE_ADDON'], 'archive-auto'],
	// Exchange Online Archiving for Exchange Server: an archive for an on-premises mailbox, size not given.
	[['EXCHANGE_S_ARCHIVE'], 'archive'],
	// SharePoint Online plans carry the user's OneDrive; so do the OneDrive plans.
	[
		[
			'SHAREPOINTSTANDARD',
			'SHAREPOINTSTANDARD_EDU',
			'SHAREPOINTENTERPRISE',
			'SHAREPOINTENTERPRISE_EDU',
			'SHAREPOINTENTERPRISE_GOV',
			'SHAREPOINTENTERPRISE_MIDMARKET',
			'SharePoint Plan 1G',
			'SHAREPOINTLITE',
			'SHAREPOINT_S_DEVELOPER',
			'ONEDRIVESTANDARD',
			'ONEDRIVEENTERPRISE',
		],
		'onedrive',
	],
	// SharePoint Kiosk: OneDrive of 2 GB.
	[['SHAREPOINTDESKLESS', 'SHAREPOINTDESKLESS_GOV'], 'onedrive-2gb'],
	// "OneDrive for Business (Basic)", with Visio, Project, Teams Essentials, Clipchamp: not a full OneDrive.
	[['ONEDRIVE_BASIC', 'ONEDRIVE_BASIC_GOV', 'ONEDRIVE_BASIC_P2', 'ONEDRIVECLIPCHAMP'], 'onedrive-basic'],
	// "Office for the web with OneDrive for business" (Basic Collaboration).
	[['ONEDRIVELITE_IW'], 'onedrive-basic office-web'],
	// Microsoft 365 Apps (the desktop apps), for enterprise, business, government, unattended (RPA).
	[
		[
			'OFFICESUBSCRIPTION',
			'OFFICESUBSCRIPTION_GOV',
			'OFFICE_BUSINESS',
			'OFFICE_BUSINESS_GOV',
			'OFFICE_PRO_PLUS_SUBSCRIPTION_SMBIZ',
			'OFFICESUBSCRIPTION_unattended',
			'OFFICESUBSCRIPTION_unattended_GOV',
		],
		'office-desktop',
	],
	// Office for the web and the Office mobile apps.
	[
		['SHAREPOINTWAC', 'SHAREPOINTWAC_EDU', 'SHAREPOINTWAC_GOV', 'SHAREPOINTWAC_DEVELOPER', 'OFFICEMOBILE_SUBSCRIPTION', 'OFFICEMOBILE_SUBSCRIPTION_GOV'],
		'office-web',
	],
	// Microsoft Teams, in every edition: government, DoD, GCC High, Essentials, free, trial, Kiosk.
	[['TEAMS1', 'TEAMS_GOV', 'TEAMS_AR_DOD', 'TEAMS_AR_GCCHIGH', 'TeamsEss', 'TEAMS_FREE', 'TEAMS_FREE_SERVICE', 'MCO_TEAMS_IW', 'TEAMS_DESKLESS'], 'teams'],
];

/**
 * Plans that give nothing the consequences panel speaks of, by family. Each is a list of name
 * prefixes (or whole names): a new plan of a family Microsoft adds is placed, a plan of a new family
 * is not. Exchange, SharePoint, OneDrive, Office and Teams plans are listed by whole name only, so a
 * new mailbox or OneDrive plan can never be swallowed here.
 */
const nothing = {
	// Exchange and SharePoint services that are not the user's mailbox or OneDrive: EXCHANGE_S_FOUNDATION
	// is not a mailbox (FACTS.md); tenant storage, multi-geo, protection, analytics.
	'exchange-sharepoint-services': [
		'=EXCHANGE_S_FOUNDATION',
		'=EXCHANGE_S_FOUNDATION_GOV',
		'=EXCHANGE_FOUNDATION_GOV',
		'=EXCHANGE_S_FOUNDATION PBI_PREMIUM_EM1_ADDON',
		'=EXCHANGEONLINE_MULTIGEO',
		'=EXCHANGE_ANALYTICS',
		'=EXCHANGE_ANALYTICS_GOV',
		'=EOP_ENTERPRISE',
		'=EOP_ENTERPRISE_PREMIUM',
		'=SHAREPOINTSTORAGE',
		'=SHAREPOINTSTORAGE_GOV',
		'=SHAREPOINTONLINE_MULTIGEO',
		'=SHAREPOINT_PROJECT',
		'=SHAREPOINT_PROJECT_EDU',
		'=SHAREPOINT_PROJECT_GOV',
		'=Project Online for Education',
		'=Intelligent_Content_Services',
		'=Intelligent_Content_Services_SPO_type',
		// Microsoft Social Engagement, whatever some rows' friendly names say.
		'=NBENTERPRISE',
		'=NBPROFESSIONALFORCRM',
	],
	// Teams add-ons and devices: Premium, rooms, multi-geo, avatars, calling and meetings.
	'teams-add-ons-and-calling': [
		'TEAMSPRO_',
		'=TEAMSMULTIGEO',
		'Teams_Room',
		'=MTRProManagement',
		'=MMR_P1',
		'MESH_',
		'=MICROSOFT_ECDN',
		'MCO',
		'PSTN',
		'Skype for Business ',
	],
	dynamics: [
		'DYN365',
		'DYNB365',
		'DDYN365',
		'D365',
		'Dynamics_365',
		'DYNAMICS_365',
		'CRM',
		'MDM_SALES',
		'Forms_Pro',
		'FORMS_PRO',
		'CUSTOMER_VOICE',
		'Customer_Voice',
		'=GUIDES',
		'=MICROSOFT_REMOTE_ASSIST',
		'=SOCIAL_ENGAGEMENT_APP_USER',
		'=ERP_TRIAL_INSTANCE',
		'=PROJECT_MADEIRA_PREVIEW_IW',
		'Microsoft_Viva_Sales',
		'MCS_',
		'=CCIBOTS_PRIVPREV_VIRAL',
	],
	'power-platform': [
		'POWERAPPS',
		'POWER_APPS',
		'POWERAUTOMATE',
		'POWER_AUTOMATE',
		'Power_Automate',
		'POWER_VIRTUAL_AGENTS',
		'Power_Virtual_Agent',
		'POWER_PAGES',
		'PowerPages',
		'Power_Pages',
		'POWERFLOWSFREE',
		'POWERVIDEOSFREE',
		'FLOW',
		'Flow_',
		'CDS',
		'DATAVERSE',
		'DV_',
		'VIRTUAL_AGENT',
		'Virtual_Agent',
		'BI_AZURE',
		'PBI_',
		'=SQL_IS_SSIM',
		'=EXCEL_PREMIUM',
		'=COPILOT_STUDIO_IN_COPILOT_FOR_M365',
	],
	'security-compliance-identity': [
		'AAD',
		'ADALLOM',
		'=ATA',
		'ATP_',
		'MFA_',
		'RMS_',
		'MIP_',
		'INTUNE',
		'Intune',
		'MDE_',
		'=WINDEFATP',
		'=MTP',
		'THREAT_INTELLIGENCE',
		'TVM_',
		'EQUIVIO',
		'LOCKBOX',
		'CustomerLockbox',
		'=CUSTOMER_KEY',
		'=INFO_GOVERNANCE',
		'=INFORMATION_BARRIERS',
		'INSIDER_RISK',
		'=RECORDS_MANAGEMENT',
		'COMMUNICATIONS_',
		'=MICROSOFT_COMMUNICATION_COMPLIANCE',
		'=PAM_ENTERPRISE',
		'=PREMIUM_ENCRYPTION',
		'PRIVACY_',
		'=ML_CLASSIFICATION',
		'M365_ADVANCED_AUDITING',
		'M365_AUDIT_PLATFORM',
		'=DATA_INVESTIGATIONS',
		'ContentExplorer',
		'Content_Explorer',
		'COMPLIANCE_MANAGER',
		'=MICROSOFTENDPOINTDLP',
		'=BPOS_S_DlpAddOn',
		'=SAFEDOCS',
		'=PURVIEW_DISCOVERY',
		'Entra_',
		'=EXPERTS_ON_DEMAND',
		'Defender_',
		'MICROSOFT_APPLICATION_PROTECTION_AND_GOVERNANCE',
		'=REMOTE_HELP',
	],
	// Windows, Windows 365, devices and printing; Microsoft 365 Apps licensed per device, not per user,
	// and the shared-computer activation of the apps a user has through another plan.
	'windows-and-devices': [
		'WIN10_',
		'=WINBIZ',
		'WINDOWS',
		'Windows',
		'CPC_',
		'Virtualization',
		'UNIVERSAL_PRINT',
		'=SPECIALTY_DEVICES',
		'=OFFICE_PROPLUS_DEVICE',
		'=OFFICE_SHARED_COMPUTER_ACTIVATION',
	],
	// Project and Visio: their own apps, not the Office apps (their OneDrive is classified above).
	'project-and-visio': ['PROJECT_', 'VISIO'],
	// Apps and services that keep no mail or files of the user's own: Planner, Forms, Sway, Stream,
	// To Do, Bookings, Viva and Viva Engage (Yammer), Kaizala, Whiteboard, Loop, Clipchamp, Search,
	// Copilot, analytics, StaffHub, education and partner services.
	'other-apps-and-services': [
		'=PROJECTWORKMANAGEMENT',
		'=PROJECTWORKMANAGEMENT_GOV',
		'FORMS_',
		'OFFICE_FORMS_',
		'=SWAY',
		'STREAM_',
		'=MICROSOFTSTREAM',
		'BPOS_S_TODO',
		'=MICROSOFTBOOKINGS',
		'YAMMER',
		'VIVA',
		'Viva_',
		'KAIZALA',
		'WHITEBOARD',
		'=MICROSOFT_LOOP',
		'CLIPCHAMP',
		'MICROSOFT_SEARCH',
		'GRAPH_CONNECTORS',
		'M365_COPILOT',
		'=Bing_Chat_Enterprise',
		'=CORTEX',
		'MYANALYTICS',
		'WORKPLACE_ANALYTICS',
		'=Nucleus',
		'=Deskless',
		'=DESKLESS',
		'=O365_SB_Relationship_Management',
		'=PLACES_CORE',
		'M365_LIGHTHOUSE',
		'=MINECRAFT_EDUCATION_EDITION',
		'SCHOOL_DATA_SYNC',
		'=EducationAnalyticsP1',
		'=CAREERCOACH_EDU',
		'=NONPROFIT_PORTAL',
		'=MICROSOFT_BUSINESS_CENTER',
		'=SPZA',
		'=IT_ACADEMY_AD',
	],
};

/**
 * Products whose plans give less than the plans do elsewhere, found by product name so that every
 * variant in the CSV is covered. Source: "Changing from a Microsoft 365 E plan to a Microsoft 365 F
 * plan" (learn.microsoft.com, microsoft-365/frontline): Microsoft 365 F1 carries Exchange Online Kiosk
 * for the Teams calendar only, with no mailbox rights; its Office is read-only; its OneDrive is 2 GB.
 * (Microsoft 365 F3 GCC has the part number M365_F1_GOV: the name, not the part number, decides.)
 */
const productExceptions = [
	{
		product: /^Microsoft 365 F1\b/,
		plans: {EXCHANGE_S_DESKLESS: '', SHAREPOINTDESKLESS: 'onedrive-2gb office-web-read'},
	},
];

const codes = new Set([
	'mailbox-100gb',
	'mailbox-50gb',
	'mailbox-kiosk',
	'mailbox',
	'archive-auto',
	'archive-50gb',
	'archive',
	'archive-unknown',
	'onedrive',
	'onedrive-2gb',
	'onedrive-basic',
	'office-desktop',
	'office-web',
	'office-web-read',
	'teams',
]);

let text;
try {
	text = readFileSync(csvPath, 'utf8');
} catch (error) {
	console.error(`catalog: cannot read ${csvPath}: ${error.message}`);
	process.exit(1);
}

const rows = parse(text, {bom: true, columns: true, skip_empty_lines: true});
const required = ['Product_Display_Name', 'String_Id', 'GUID', 'Service_Plan_Name', 'Service_Plan_Id'];
for (const column of required) {
	if (!(column in rows[0])) {
		console.error(`catalog: ${csvPath} has no column ${column}`);
		process.exit(1);
	}
}

/** The capability codes of a plan name, "-family" for nothing relevant, or null when no rule matches. */
function classify(name) {
	for (const [names, given] of gives) if (names.includes(name)) return given;
	for (const [family, patterns] of Object.entries(nothing)) {
		if (patterns.some(p => (p.startsWith('=') ? name === p.slice(1) : name.startsWith(p)))) return `-${family}`;
	}
	return null;
}

const products = new Map();
const productPlans = new Map();
const plans = new Map();
const planNames = new Map();
for (const row of rows) {
	const skuId = row.GUID.trim().toLowerCase();
	if (!products.has(skuId)) products.set(skuId, [row.String_Id.trim(), row.Product_Display_Name.trim()]);
	const planId = row.Service_Plan_Id.trim().toLowerCase();
	const planName = row.Service_Plan_Name.trim();
	if (!productPlans.has(skuId)) productPlans.set(skuId, []);
	if (!productPlans.get(skuId).includes(planId)) productPlans.get(skuId).push(planId);
	// The same plan is named in many products; the first friendly name is as good as any.
	if (!plans.has(planId)) plans.set(planId, [planName, (row.Service_Plans_Included_Friendly_Names ?? '').trim()]);
	if (!planNames.has(planId)) planNames.set(planId, new Set());
	planNames.get(planId).add(planName);
}

// A plan the CSV names in more than one way (a stray space or bracket) is classified by the names a
// rule knows; if two rules disagree about one plan, the table is wrong and nothing is written.
const capabilities = new Map();
const unclassified = [];
for (const [planId, names] of planNames) {
	const found = new Set([...names].map(classify).filter(c => c !== null));
	if (found.size > 1) {
		console.error(`catalog: service plan ${planId} (${[...names].join(', ')}) matches rules that disagree: ${[...found].join(' | ')}`);
		process.exit(1);
	}
	const [given] = found;
	if (given === undefined) unclassified.push(`${[...names].join(' / ')} (${planId})`);
	capabilities.set(planId, given ?? '');
}
for (const [names, given] of gives) {
	for (const code of given.split(' ')) if (!codes.has(code)) throw new Error(`unknown capability ${code} for ${names}`);
}

const exceptions = new Map();
for (const exception of productExceptions) {
	const matching = [...products].filter(([, [, name]]) => exception.product.test(name));
	if (matching.length === 0) {
		console.error(`catalog: no product of ${csvPath} matches the exception ${exception.product}: the table needs updating`);
		process.exit(1);
	}
	for (const [skuId] of matching) {
		const overrides = {};
		for (const planId of productPlans.get(skuId)) {
			const name = plans.get(planId)[0];
			if (name in exception.plans) overrides[planId] = exception.plans[name];
		}
		exceptions.set(skuId, overrides);
	}
}

const sorted = map => Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
const counts = {};
for (const given of capabilities.values()) for (const code of given.split(' ')) if (code && !code.startsWith('-')) counts[code] = (counts[code] ?? 0) + 1;
const exceptionNames = [...exceptions.keys()].map(skuId => `${products.get(skuId)[1]} (${products.get(skuId)[0]})`);
const source = `// Generated by \`npm run catalog\` (source/tools/generate-catalog.mjs) from Microsoft's
// "Product names and service plan identifiers for licensing" CSV. Do not edit by hand.
// ${products.size} products, ${plans.size} service plans${unclassified.length > 0 ? `, ${unclassified.length} unclassified` : ''}.

/** skuId → [skuPartNumber, product name] */
export const productNames: Readonly<Record<string, readonly [string, string]>> = JSON.parse(${JSON.stringify(JSON.stringify(sorted(products)))});

/** servicePlanId → [servicePlanName, friendly name] */
export const servicePlanNames: Readonly<Record<string, readonly [string, string]>> = JSON.parse(${JSON.stringify(JSON.stringify(sorted(plans)))});

/**
 * servicePlanId → what the plan gives, as space-separated codes (mailbox-100gb, mailbox-50gb,
 * mailbox-kiosk, mailbox, archive-auto, archive-50gb, archive, archive-unknown, onedrive, onedrive-2gb,
 * onedrive-basic, office-desktop, office-web, office-web-read, teams: see generate-catalog.mjs), or
 * "-family" for nothing the consequences speak of, or "" when no rule classifies it (a test fails).
 */
export const servicePlanCapabilities: Readonly<Record<string, string>> = JSON.parse(${JSON.stringify(JSON.stringify(sorted(capabilities)))});

/**
 * skuId → servicePlanId → what the plan gives in that product, where Microsoft documents less than
 * the plan gives elsewhere: ${exceptionNames.join('; ')}.
 */
export const productPlanExceptions: Readonly<Record<string, Readonly<Record<string, string>>>> = JSON.parse(${JSON.stringify(JSON.stringify(sorted(exceptions)))});
`;
writeFileSync(out, source);
mkdirSync(dirname(fixture), {recursive: true});
writeFileSync(
	fixture,
	`{\n${Object.entries(sorted(productPlans))
		.map(([skuId, planIds]) => `${JSON.stringify(skuId)}: ${JSON.stringify(planIds)}`)
		.join(',\n')}\n}\n`,
);
console.log(`catalog: wrote ${out} (${products.size} products, ${plans.size} service plans) and ${fixture} (${productPlans.size} products)`);
console.log(
	`catalog: plans giving each capability: ${Object.entries(counts)
		.map(([code, n]) => `${code} ${n}`)
		.join(', ')}`,
);
console.log(`catalog: product exceptions: ${exceptionNames.join('; ')}`);
if (unclassified.length > 0) {
	console.error(
		`catalog: ${unclassified.length} service plans match no rule (add them to a rule in ${fileURLToPath(import.meta.url)}):\n  ${unclassified.join('\n  ')}`,
	);
	process.exitCode = 1;
}
