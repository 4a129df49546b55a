import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { contractComponents, MEDIA_TYPES } from './operation';

/**
 * The OpenAPI document at /api/docs/openapi.json and Swagger UI at /api/docs. OpenAPI 3.1, whose
 * schemas are JSON Schema 2020-12: the contracts of libs/contracts are its components as zod writes
 * them, and each operation's answer refers to them (see operation.ts).
 */
export function setupApiDocs(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Work Plan tracker API')
      .setDescription('Urban Agenda for the EU, Partnership on the Inclusion of Migrants and Refugees. Dates are calendar dates, yyyy-MM-dd.')
      .setVersion('1')
      .build(),
  );
  narrowFileTypes(document);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...contractComponents() } };
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
    swaggerOptions: {
      // Runs in the browser, from swagger-ui-init.js: echoes the XSRF cookie as Angular does, so that
      // "Try it out" can sign in and write.
      requestInterceptor: (request: { headers: Record<string, string> }) => {
        const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec((globalThis as unknown as { document: { cookie: string } }).document.cookie);
        if (match) {
          request.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
        }
        return request;
      },
    },
  });
}

/** A file route named by its extension (`chart.png`) answers only that extension's media type, of those its handler declares. */
function narrowFileTypes(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const extension = /\.(\w+)$/.exec(path)?.[1] as keyof typeof MEDIA_TYPES | undefined;
    const type = extension && MEDIA_TYPES[extension];
    const ok = item.get?.responses['200'] as ResponseObject | undefined;
    if (type && ok?.content?.[type]) {
      ok.content = { [type]: ok.content[type] };
    }
  }
}
