import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /api/docs/openapi.json and Swagger UI at /api/docs. */
export function setupApiDocs(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Work Plan tracker API')
      .setDescription('Urban Agenda for the EU, Partnership on the Inclusion of Migrants and Refugees. Dates are calendar dates, yyyy-MM-dd.')
      .setVersion('1')
      .build(),
  );
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
