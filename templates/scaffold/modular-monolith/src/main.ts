import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import type { Env } from './config/env';
import { jsonLogger } from './config/logger';

async function bootstrap(): Promise<void> {
  // Logs are held until LOG_LEVEL is known, then written as JSON.
  const app = await NestFactory.create(await AppModule.forRoot(), { bufferLogs: true, abortOnError: false });
  const config = app.get<ConfigService<Env, true>>(ConfigService);
  app.useLogger(jsonLogger(config.get('LOG_LEVEL', { infer: true })));
  configureApp(app);
  const port = config.get('PORT', { infer: true });
  await app.listen(port);
  Logger.log(`listening on port ${port}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  // One JSON line on stderr, no stack trace: the message names the variable or the failed step.
  jsonLogger().fatal(error instanceof Error ? error.message : String(error), 'Bootstrap');
  process.exit(1);
});
