#!/usr/bin/env node
// Writes what comes from each TypeBox schema source (<area>/<name>.schema.ts):
//   - the published JSON Schema file, which scripts and users read;
//   - its validators as plain code (Ajv's standalone output), so that no schema is compiled at run
//     time and the bundle carries no schema compiler.
// Usage: node source/tools/generate-schemas.mjs [--check]   (--check: exit 1 if a file is out of date)
import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Ajv} from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Each source: its module and the export that is the whole schema, where the JSON file goes, where the
 * validators go, and the validators it has: name → [JSON pointer in the schema, TypeScript type of what passes].
 */
const sources = [
	{
		module: 'source/backends/tenant.schema.ts',
		schema: 'TenantSnapshot',
		json: 'demo-data/tenant.schema.json',
		validators: 'source/backends/tenant-validator.ts',
		checks: {tenant: ['', 'TenantSnapshot']},
	},
	{
		module: 'source/commands/output.schema.ts',
		schema: 'Output',
		json: 'source/commands/output.schema.json',
		validators: 'source/commands/output-validators.ts',
		checks: {
			licenses: ['/definitions/licenses', "Output['licenses']"],
			users: ['/definitions/users', "Output['users']"],
			unassign: ['/definitions/unassign', "Output['unassign']"],
			removeFromGroup: ['/definitions/remove-from-group', "Output['remove-from-group']"],
			reclaim: ['/definitions/reclaim', "Output['reclaim']"],
			reclaimApply: ['/definitions/reclaim-apply', "Output['reclaim-apply']"],
			audit: ['/definitions/audit', "Output['audit']"],
			doctor: ['/definitions/doctor', "Output['doctor']"],
			tenantsList: ['/definitions/tenants-list', "Output['tenants-list']"],
			tenantsDiscover: ['/definitions/tenants-discover', "Output['tenants-discover']"],
			licensesAll: ['/definitions/licenses-all', "Output['licenses-all']"],
			reclaimAll: ['/definitions/reclaim-all', "Output['reclaim-all']"],
			auditAll: ['/definitions/audit-all', "Output['audit-all']"],
			consequences: ['/definitions/unassign/properties/results/items/properties/consequences', 'Consequence[]'],
		},
	},
];

/** The TypeScript module, bundled with what it imports and loaded. */
async function load(module) {
	const result = await build({entryPoints: [join(root, module)], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'error'});
	return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

// A schema's own keywords in the order a reader wants them; property names keep theirs.
const first = ['$schema', '$id', 'title', 'description', 'type', 'required', 'additionalProperties'];
const last = ['definitions'];
function ordered(schema) {
	if (Array.isArray(schema)) return schema.map(ordered);
	if (typeof schema !== 'object' || schema === null) return schema;
	const keys = Object.keys(schema);
	const rank = key => (first.includes(key) ? first.indexOf(key) - first.length : last.includes(key) ? 1 : 0);
	const byName = key => key === 'properties' || key === 'definitions' || key === 'patternProperties';
	return Object.fromEntries(
		keys
			.sort((a, b) => rank(a) - rank(b))
			.map(key => [key, byName(key) ? Object.fromEntries(Object.entries(schema[key]).map(([name, value]) => [name, ordered(value)])) : ordered(schema[key])]),
	);
}

/** JSON with each object or array that fits on one line (120 columns), and every list of values, on one line, as a person writes it. */
function format(value, indent = '', key = '') {
	const inline = JSON.stringify(value, null, 1)
		.replace(/\n\s*/g, ' ')
		.replace(/([[{]) /g, '$1')
		.replace(/ ([\]}])/g, '$1');
	const values = Array.isArray(value) && value.every(item => typeof item !== 'object' || item === null);
	if (typeof value !== 'object' || value === null || values || indent.length + key.length + inline.length <= 120) return inline;
	const inner = `${indent}  `;
	const items = Array.isArray(value)
		? value.map(item => inner + format(item, inner))
		: Object.entries(value).map(([name, item]) => `${inner}${JSON.stringify(name)}: ${format(item, inner, `${JSON.stringify(name)}: `)}`);
	const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
	return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

/** The files a source gives: path → text. */
async function filesOf(source) {
	const loaded = await load(source.module);
	const schema = ordered(JSON.parse(JSON.stringify(loaded[source.schema])));
	// unicode: false counts string length in UTF-16 units, which needs no runtime helper from Ajv.
	const ajv = new Ajv({allErrors: false, strict: false, unicode: false, logger: false, code: {source: true, esm: true, lines: false}});
	ajv.addSchema(schema);
	const code = standaloneCode(ajv, Object.fromEntries(Object.entries(source.checks).map(([name, [pointer]]) => [name, `${schema.$id}#${pointer}`])));
	if (/\brequire\(/.test(code)) throw new Error(`${source.module}: its validators need a runtime helper from Ajv: keep to keywords that compile to plain code`);
	const from = relative(join(root, source.validators, '..'), join(root, source.module)).replace(/\.ts$/, '.js');
	const types = [...new Set(Object.values(source.checks).map(([, type]) => type.replace(/\[.*$/, '').replace(/\[\]$/, '')))];
	const typed = code.replace(
		/export const (\w+) = (\w+);/g,
		(_, name, fn) => `export const ${name} = ${fn} as unknown as ValidateFunction<${source.checks[name][1]}>;`,
	);
	const json = `${format(schema)}\n`;
	const validators = [
		'// @ts-nocheck',
		`// Generated by source/tools/generate-schemas.mjs from ${source.module.replace('source/', '')}: do not edit (npm run schemas).`,
		"import type {ValidateFunction} from 'ajv';",
		`import type {${types.join(', ')}} from './${from}';`,
		typed,
		'/** A digest of the schema these validators check: what passed another is checked again. */',
		`export const schemaHash = '${createHash('sha256').update(json).digest('hex').slice(0, 16)}';`,
		'',
	].join('\n');
	return {[source.json]: json, [source.validators]: validators};
}

const files = Object.assign({}, ...(await Promise.all(sources.map(filesOf))));
if (process.argv.includes('--check')) {
	const stale = Object.entries(files).filter(([path, text]) => readFileSync(join(root, path), 'utf8') !== text);
	for (const [path] of stale) console.error(`${path} is out of date: run npm run schemas`);
	process.exit(stale.length > 0 ? 1 : 0);
} else for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
