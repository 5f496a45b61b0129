/**
 * Every checklist stored in an incident's scope, for the workspace's export and hand-over. Apart
 * from `checklist-storage.ts`, which a page with a checklist loads up front, since only the
 * workspace reads a whole scope.
 */
import { parseScopedKey } from '../lib/checklist-scope.ts';
import { legacyChecklistKey, scopePrefix, type ChecklistRecord } from '../lib/checklist-store.ts';
import { loadMigrated } from './checklist-migration.ts';
import { keysWithPrefix } from './safe-storage.ts';

/** Every list stored in an incident's scope (version 1/2 values moved on the way), by document. */
export function storedRecords(incidentId: string): Map<string, ChecklistRecord> {
	const prefix = scopePrefix(incidentId);
	const documents = new Set<string>();
	for (const key of keysWithPrefix(prefix)) {
		const parsed = parseScopedKey(incidentId, key);
		if (parsed) documents.add(parsed.document);
	}
	const legacy = legacyChecklistKey(incidentId, '');
	for (const key of legacy ? keysWithPrefix(legacy) : []) {
		const document = key.slice(legacy!.length);
		if (!document.includes(':')) documents.add(document);
	}
	const records = new Map<string, ChecklistRecord>();
	for (const document of documents) {
		const result = loadMigrated(incidentId, document);
		if (result.status === 'ok') records.set(document, result.record);
	}
	return records;
}
