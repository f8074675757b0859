import { INestApplication, ValidationPipe } from '@nestjs/common';

/** What main.ts and the end-to-end test both apply, so the test runs the application as shipped. */
export function configureApp(app: INestApplication): INestApplication {
  // Unknown fields are rejected rather than silently dropped: clients learn about typos at once.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  // SIGTERM/SIGINT close the application: the server stops accepting connections and finishes the
  // requests in flight, then the database pool closes (onApplicationShutdown). The process then
  // exits 0 (1 if closing failed), so an orchestrator can tell a clean stop from a crash.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  return app;
}
