// Counts the operations of a running API's OpenAPI document by what their success answer declares:
// a JSON schema, the media types of a file, or no body (204, 302); lists any that declares nothing.
//   node apps/api/scripts/openapi-answers.mjs [http://localhost:3000]
const base = process.argv[2] ?? 'http://localhost:3000';
const response = await fetch(`${base}/api/docs/openapi.json`);
if (!response.ok) {
  console.error(`GET ${base}/api/docs/openapi.json answered ${response.status} (is API_DOCS on?)`);
  process.exit(1);
}
const document = await response.json();
const counts = { schema: 0, file: 0, 'no body': 0 };
const undescribed = [];
for (const [path, item] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    const [status, answer] = Object.entries(operation.responses ?? {}).find(([code]) => /^[23]\d\d$/.test(code)) ?? [];
    const types = Object.entries(answer?.content ?? {});
    if (status === '204' || status === '302') {
      counts['no body'] += 1;
    } else if (types.length > 0 && types.every(([type, media]) => type !== 'application/json' || media.schema)) {
      counts[types.some(([type]) => type === 'application/json') ? 'schema' : 'file'] += 1;
    } else {
      undescribed.push(`${method.toUpperCase()} ${path}`);
    }
  }
}
const total = counts.schema + counts.file + counts['no body'] + undescribed.length;
console.log(
  `${total} operations: ${counts.schema} with a JSON schema, ${counts.file} with a file's media type, ${counts['no body']} without a body (204, 302)`,
);
if (undescribed.length > 0) {
  console.log(`${undescribed.length} declare no answer:\n  ${undescribed.join('\n  ')}`);
  process.exit(1);
}
