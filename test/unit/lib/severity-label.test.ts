import { describe, expect, test } from 'vitest';
import { levelIsName, severityTitle } from '../../../src/lib/severity-label.ts';
import { severityLabel } from '../../../src/incident/derive.ts';

describe('severity titles', () => {
	test('a level and its own name are both said', () => {
		expect(severityTitle({ level: 'P0', name: 'Critical' })).toBe('P0 Critical');
		expect(severityTitle({ level: 'SEV-1', name: 'Critical Outage' }, ' — ')).toBe(
			'SEV-1 — Critical Outage'
		);
		expect(severityLabel({ level: 'P0', name: 'Critical' })).toBe('P0 (Critical)');
	});

	test('a level that only spells its name is said once, as the name', () => {
		expect(severityTitle({ level: 'Production-down', name: 'Production down' })).toBe(
			'Production down'
		);
		expect(severityTitle({ level: 'SEV1', name: 'SEV1' })).toBe('SEV1');
		expect(severityLabel({ level: 'normal_priority', name: 'Normal priority' })).toBe(
			'Normal priority'
		);
	});

	test('a level is not its name when a word differs or is missing', () => {
		expect(levelIsName({ level: 'Production-down', name: 'Production down soon' })).toBe(false);
		expect(levelIsName({ level: 'P1', name: 'Priority 1' })).toBe(false);
		expect(levelIsName({ level: 'Sev-1', name: 'Sev 1' })).toBe(true);
	});
});
