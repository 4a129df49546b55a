import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { planSheetCsv, planSheetXlsx } from '../app/imports/plan-template';
import { BAD_SAMPLE_PLAN, SAMPLE_PLAN } from '../app/imports/sample/sample-plans';

/**
 * `npm run import:samples`: writes the sample plans of the import (apps/api/src/app/imports/sample):
 * sample-plan.xlsx and sample-plan.csv, and sample-plan-bad-date.xlsx with one unreadable window.
 */
async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? 'apps/api/src/app/imports/sample');
  writeFileSync(resolve(folder, 'sample-plan.xlsx'), await planSheetXlsx(SAMPLE_PLAN));
  writeFileSync(resolve(folder, 'sample-plan.csv'), planSheetCsv(SAMPLE_PLAN));
  writeFileSync(resolve(folder, 'sample-plan-bad-date.xlsx'), await planSheetXlsx(BAD_SAMPLE_PLAN));
  process.stdout.write(`Wrote sample-plan.xlsx, sample-plan.csv and sample-plan-bad-date.xlsx to ${folder}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
