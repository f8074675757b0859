import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * What every HTTP app gets, in main.ts and in the e2e tests alike: strict request validation,
 * graceful shutdown and the OpenAPI document at /docs (JSON at /docs-json).
 */
export function configureHttp(app: INestApplication, service: string): void {
  // HTTP bodies: unknown fields are rejected rather than silently dropped, so clients learn about
  // typos at once. Broker messages are read tolerantly instead (see messaging/read-event.ts).
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(service).setVersion('0.1.0').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document);
}
