import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/importer/read.ts';
import { formatImportReport, typedEntries } from '../../../src/importer/report.ts';
import { importText } from './helpers.ts';

const SOURCE = `# Shop playbook
## Severity
### P1 - Critical
**Response Time:** 15 minutes
### P2 - High
**Response Time:** 1 hour
## Drills â€” every quarter
We practise on a Friday. Café closes early.
`;

describe('import report', () => {
	it('repairs Windows-1252 mojibake and says which codec explained it', () => {
		const source = decodeSource(Buffer.from(SOURCE.replace('Café', 'CafÃ©')), 'shop.md');
		expect(source.repairs).toEqual({ macintosh: 0, windows1252: 2 });
		expect(source.text).toContain('## Drills — every quarter');
		expect(source.text).toContain('Café closes early');
	});

	it('counts each kind, the repairs and the sections it kept word for word', () => {
		const source = decodeSource(Buffer.from(SOURCE), 'shop.md');
		const result = importText(source.text, { playbook: 'shop' });
		const report = formatImportReport({
			source: 'shop.md',
			playbook: 'shop',
			result,
			repairs: source.repairs,
			files: ['content/shop/playbook.yaml'],
			verb: 'written',
		});
		expect(report).toContain('  severities         2\n  scenarios          0');
		expect(report).toContain('  pages (verbatim)   1');
		expect(report).toContain(
			'Repaired encoding:\n  1 damaged run(s) of UTF-8 read as Windows-1252'
		);
		expect(report).toContain(
			'Not classified (kept word for word):\n  Drills — every quarter → shop/pages/drills-every-quarter.mdx\n'
		);
		expect(report).toContain('Files (written):\n  content/shop/playbook.yaml');
	});

	it('names a level that has no name of its own once: `SEV1`, not `SEV1 SEV1`', () => {
		const result = importText(
			'# Levels\n\n| Severity | Impact | Acknowledge |\n| --- | --- | --- |\n| SEV1 | Nobody can pay | 5 min |\n| SEV2 | Some cannot pay | 15 min |\n\n## P1 - Critical\n\n**Response Time:** 15 minutes\n',
			{ playbook: 'shop' }
		);
		expect(typedEntries({ playbook: 'shop', result }).severities!.map((e) => e.title)).toEqual([
			'P1 Critical',
			'SEV1',
			'SEV2',
		]);
	});
});
