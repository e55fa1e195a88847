// The state directory: the changes this app made to each tenant, kept with conf (atomic writes).
// The tenant's source (demo or snapshot) is never written; loading replays these changes over it.
import Conf from 'conf';
import {appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {UserError} from '../backends/backend.js';
import type {AuditEntry} from '../domain/audit.js';
import type {Change} from '../domain/changes.js';

interface TenantState {
	changes: Change[];
}

interface StateShape {
	version: 1;
	tenants: Record<string, TenantState>;
}

export interface StateFile {
	readonly path: string;
	/** Appends to the audit log (audit.jsonl beside the state file): written before it returns. */
	appendAudit(entries: readonly AuditEntry[]): void;
	/** The audit log, oldest first. */
	audit(): AuditEntry[];
	/** Writes a report (Markdown) into the state directory's reports folder; returns its path. */
	saveReport(name: string, text: string): string;
	changes(tenantId: string): Change[];
	/** Written to disk before it returns: the UI reports a change only after this. */
	append(tenantId: string, changes: readonly Change[]): void;
	reset(tenantId: string): void;
	/** A change being sent, written before it goes and removed once its outcome is saved. */
	pending: {
		write(change: PendingChange): void;
		read(): PendingChange | null;
		clear(): void;
	};
}

/** What a license change was about to do, kept until its outcome is saved (a crash leaves it). */
export interface PendingChange {
	time: string;
	actor: string;
	tenantId: string;
	items: Array<{userId: string; userPrincipalName: string; add: string[]; remove: string[]}>;
}

/** The state directory: --state-dir, else M365_LICENSES_STATE_DIR, else conf's standard place. */
export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
	return flag ?? (env['M365_LICENSES_STATE_DIR'] || undefined);
}

export function openStateFile(stateDir: string | undefined): StateFile {
	let conf: Conf<StateShape>;
	try {
		conf = new Conf<StateShape>({
			projectName: 'm365-licenses',
			cwd: stateDir,
			configName: 'state',
			// Tenant ids are GUIDs, but a key is data, not a path.
			accessPropertiesByDotNotation: false,
			// A file that does not parse is the user's data: refuse, never replace it.
			clearInvalidConfig: false,
		});
	} catch (error) {
		const where = stateDir ?? "the default state directory";
		const reason = error instanceof SyntaxError ? 'is not valid JSON' : `cannot be opened (${(error as Error).message})`;
		throw new UserError(
			`State file in ${where} ${reason}. It was left as it is; move it aside or pass --state-dir to use another directory.`,
		);
	}
	const read = (): StateShape['tenants'] => conf.get('tenants') ?? {};
	const auditPath = join(dirname(conf.path), 'audit.jsonl');
	const pendingPath = join(dirname(conf.path), 'pending.json');
	return {
		path: conf.path,
		pending: {
			write(change) {
				writeFileSync(`${pendingPath}.tmp`, JSON.stringify(change), {mode: 0o600});
				renameSync(`${pendingPath}.tmp`, pendingPath);
			},
			read() {
				try {
					return JSON.parse(readFileSync(pendingPath, 'utf8')) as PendingChange;
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
					throw new UserError(`${pendingPath} is not valid JSON: it records an interrupted change. It was left as it is.`);
				}
			},
			clear() {
				rmSync(pendingPath, {force: true});
			},
		},
		appendAudit(entries) {
			if (entries.length === 0) return;
			appendFileSync(auditPath, entries.map(entry => `${JSON.stringify(entry)}\n`).join(''), {mode: 0o600});
		},
		audit() {
			let text: string;
			try {
				text = readFileSync(auditPath, 'utf8');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
				throw error;
			}
			const lines = text.split('\n').filter(line => line.trim() !== '');
			return lines.map((line, i) => {
				try {
					return JSON.parse(line) as AuditEntry;
				} catch {
					throw new UserError(`Audit log ${auditPath}: line ${i + 1} is not valid JSON. It was left as it is.`);
				}
			});
		},
		saveReport(name, text) {
			const folder = join(dirname(conf.path), 'reports');
			mkdirSync(folder, {recursive: true});
			const path = join(folder, name);
			// Written aside and renamed, so a report is never half there.
			writeFileSync(`${path}.tmp`, text, {mode: 0o600});
			renameSync(`${path}.tmp`, path);
			return path;
		},
		changes: tenantId => read()[tenantId]?.changes ?? [],
		append(tenantId, changes) {
			const tenants = read();
			const previous = tenants[tenantId]?.changes ?? [];
			conf.store = {version: 1, tenants: {...tenants, [tenantId]: {changes: [...previous, ...changes]}}};
		},
		reset(tenantId) {
			const {[tenantId]: _dropped, ...rest} = read();
			conf.store = {version: 1, tenants: rest};
		},
	};
}
