import 'reflect-metadata';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule, throttlerStorage } from './app.module';
import { config } from './config';
import { EnvelopeFilter } from './errors';
import { Store } from './store';

// shared with the messages peer: the control endpoint and the faults (plain JavaScript)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFaultListener } = require(join(__dirname, '..', '..', 'faults.js'));

async function bootstrap() {
  if (!config.port) {
    console.error('PORT is required');
    process.exit(2);
  }
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
  app.setGlobalPrefix('api/v1');
  if (config.envelope) {
    app.useGlobalFilters(new EnvelopeFilter());
  }
  app.enableShutdownHooks();
  await app.init();

  const store = app.get(Store);
  const listener = createFaultListener({
    name: 'notifications',
    handle: app.getHttpAdapter().getInstance(),
    reset: () => {
      store.reset();
      throttlerStorage.reset();
    },
  });
  const server = createServer(listener);
  server.listen(config.port, '127.0.0.1', () => {
    const switches = `envelope=${config.envelope} optionalRoutes=${config.optionalRoutes} limit=${config.throttleLimit}/${config.throttleTtlMs}ms`;
    console.log(`notifications peer listening on http://127.0.0.1:${config.port}/api/v1 (${switches})`);
  });
  const stop = () => server.close(() => app.close().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

bootstrap();
