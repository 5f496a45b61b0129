import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DAMAGE_MARKERS } from '../../../src/lib/encoding.ts';
import { importMarkdown } from '../../../src/importer/import.ts';
import { decodeSource } from '../../../src/importer/read.ts';
import { serialise, writePlaybook } from '../../../src/importer/writer.ts';
import { validateContent } from '../../../src/validation/validate.ts';
import { arrived, meaningfulLines, outputCorpus, SEEDS, tempContent } from './helpers.ts';

/** What the brief says each seed holds: severity files and scenario slugs. */
const EXPECTED: Record<keyof typeof SEEDS, { severities: string[]; scenarios: string[] }> = {
	'restaurant-os': {
		severities: ['p0', 'p1', 'p2', 'p3', 'p4'],
		scenarios: [
			'complete-backend-outage',
			'authentication-failures',
			'payment-processing-failures',
			'voice-ordering-system-down',
			'websocket-connection-failures',
			'database-migration-failure',
		],
	},
	sentia: {
		severities: ['p1', 'p2', 'p3', 'p4'],
		scenarios: [
			'complete-outage',
			'security-incident',
			'database-issues',
			'performance-degradation',
			'integration-failure',
		],
	},
	stolentee: {
		severities: ['p0', 'p1', 'p2', 'p3'],
		scenarios: [
			'site-outage',
			'database-down',
			'redis-down',
			'high-error-rate',
			'worker-stuck',
			'payment-issues',
		],
	},
	servio: {
		severities: ['p0', 'p1', 'p2', 'p3'],
		scenarios: [
			'database-connection-exhaustion',
			'payment-processing-failure',
			'webhook-security-alert',
			'circuit-breaker-open',
			'high-error-rate',
			'high-latency',
			'cache-issues',
			'idempotency-issues',
		],
	},
	maidconnect: {
		severities: ['sev-1', 'sev-2', 'sev-3'],
		scenarios: [
			'complete-site-outage',
			'authentication-broken',
			'payment-processing-failures',
			'database-performance-degradation',
			'third-party-service-outage',
		],
	},
};

function importSeed(id: keyof typeof SEEDS) {
	const source = decodeSource(readFileSync(SEEDS[id]), SEEDS[id]);
	const result = importMarkdown(source.text, { playbook: id, sourceName: SEEDS[id] });
	const out = tempContent();
	writePlaybook(serialise(id, result.imported), { out, playbook: id });
	return { source, result, out };
}

describe.each(Object.keys(SEEDS) as (keyof typeof SEEDS)[])('seed %s', (id) => {
	const { source, result, out } = importSeed(id);

	it('imports into a fresh content folder that validates with zero errors', () => {
		const { diagnostics, entries } = validateContent(out);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		const slugs = (collection: string) =>
			entries.filter((e) => e.collection === collection).map((e) => e.id.split('/')[1]);
		expect(slugs('severities').sort()).toEqual([...EXPECTED[id].severities].sort());
		expect(slugs('scenarios').sort()).toEqual([...EXPECTED[id].scenarios].sort());
		expect(slugs('templates').length).toBeGreaterThan(0);
	});

	it('loses no source line: every non-blank line arrives somewhere in the output', () => {
		const corpus = outputCorpus(out);
		expect(meaningfulLines(source.text).filter((line) => !arrived(line, corpus))).toEqual([]);
	});

	it('repairs encoding damage and writes none', () => {
		const damaged = id === 'sentia' || id === 'servio' || id === 'maidconnect';
		expect(source.repairs.macintosh > 0).toBe(damaged);
		expect(source.repairs.windows1252).toBe(0);
		expect(DAMAGE_MARKERS.test(outputCorpus(out))).toBe(false);
		expect(result.unclassified.every((u) => u.page.startsWith('pages/'))).toBe(true);
	});
});

describe('nothing-lost check', () => {
	it('notices a line that did not arrive', () => {
		const corpus = outputCorpus(importSeed('servio').out);
		expect(arrived('- Rotate the zebra quartz protocol', corpus)).toBe(false);
		expect(arrived('**Owner:** Zebra Quartz', corpus)).toBe(false);
		expect(arrived('| P0 Critical | 15 min | CTO, All hands |', corpus)).toBe(true);
	});
});

describe('servio alerts', () => {
	it('become alert names on their scenarios', () => {
		const { result } = importSeed('servio');
		const alerts = result.imported.scenarios.flatMap((s) => s.data.alerts ?? []);
		expect(alerts.sort()).toEqual(
			[
				'DatabaseConnectionExhaustion',
				'PaymentProcessingFailure',
				'WebhookVerificationFailure',
				'WebhookReplayAttack',
				'CircuitBreakerOpen',
				'HighErrorRate',
				'HighLatencyP95',
				'HighLatencyP99',
				'LowCacheHitRate',
				'HighIdempotencyKeyExpiry',
			].sort()
		);
		expect(result.imported.scenarios.find((s) => s.slug === 'high-latency')!.data.severity).toBe(
			'servio/p1'
		);
	});
});
