import { describe, expect, test } from 'vitest';
import { alertClaims } from '../../src/lib/alerts.ts';
import { matcher, wordsOf, type FinderScenario } from '../../src/lib/finder-match.ts';

const SCENARIOS: FinderScenario[] = [
	{
		id: 'servio/database-connection-exhaustion',
		severity: 'P0',
		alerts: ['DatabaseConnectionExhaustion'],
		text: [
			'Database Connection Exhaustion',
			'`DatabaseConnectionExhaustion` alert triggered',
			'Users experiencing timeouts',
		],
	},
	{
		id: 'restaurant-os/complete-backend-outage',
		severity: 'P0',
		alerts: [],
		text: ['Complete Backend Outage', 'All API endpoints return 502/503'],
	},
	{
		id: 'restaurant-os/websocket-connection-failures',
		severity: 'P1',
		alerts: [],
		text: ['WebSocket Connection Failures', 'Kitchen displays not updating'],
	},
];

const find = (query: Partial<{ words: string; alert: string; severity: string }>) =>
	SCENARIOS.filter(matcher({ words: '', alert: '', severity: '', ...query })).map(
		(scenario) => scenario.id
	);

describe('wordsOf', () => {
	test('splits alert names into their parts and keeps the whole name', () => {
		expect(wordsOf('`DatabaseConnectionExhaustion` alert')).toEqual([
			'databaseconnectionexhaustion',
			'database',
			'connection',
			'exhaustion',
			'alert',
		]);
		expect(wordsOf('HighLatencyP95 502/503')).toEqual([
			'highlatencyp95',
			'high',
			'latency',
			'p95',
			'502',
			'503',
		]);
	});
});

describe('matcher', () => {
	test('every typed word must start a word of the scenario', () => {
		expect(find({ words: 'kitchen display' })).toEqual([
			'restaurant-os/websocket-connection-failures',
		]);
		expect(find({ words: '502' })).toEqual(['restaurant-os/complete-backend-outage']);
		expect(find({ words: 'connection' })).toEqual([
			'servio/database-connection-exhaustion',
			'restaurant-os/websocket-connection-failures',
		]);
		expect(find({ words: 'connection kitchen' })).toEqual([
			'restaurant-os/websocket-connection-failures',
		]);
		expect(find({ words: 'DatabaseConnectionExhaustion' })).toEqual([
			'servio/database-connection-exhaustion',
		]);
		expect(find({ words: 'kitchen outage' })).toEqual([]);
	});

	test('alert and severity narrow exactly; empty filters match everything', () => {
		expect(find({})).toHaveLength(3);
		expect(find({ alert: 'DatabaseConnectionExhaustion' })).toEqual([
			'servio/database-connection-exhaustion',
		]);
		expect(find({ severity: 'P0' })).toEqual([
			'servio/database-connection-exhaustion',
			'restaurant-os/complete-backend-outage',
		]);
		expect(find({ severity: 'P0', words: 'timeouts' })).toEqual([
			'servio/database-connection-exhaustion',
		]);
		expect(find({ severity: 'P1', alert: 'DatabaseConnectionExhaustion' })).toEqual([]);
	});
});

describe('alertClaims', () => {
	test('groups scenarios by alert name, sorted, each scenario once per name', () => {
		expect(
			alertClaims([
				{
					id: 'a/x',
					alerts: ['WebhookReplayAttack', 'WebhookVerificationFailure', 'WebhookReplayAttack'],
				},
				{ id: 'b/y', alerts: ['WebhookReplayAttack'] },
				{ id: 'b/z', alerts: [] },
			])
		).toEqual([
			['WebhookReplayAttack', ['a/x', 'b/y']],
			['WebhookVerificationFailure', ['a/x']],
		]);
	});
});
