import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth.controller';
import { BearerGuard } from './auth.guard';
import { config } from './config';
import { NotificationsController } from './notifications.controller';
import { OptionalAuthController } from './optional-auth.controller';
import { OptionalNotificationsController } from './optional-notifications.controller';
import { Store } from './store';
import { ResettableThrottlerStorage } from './throttler-storage';

/** The throttler's storage, which the control endpoint empties on reset. */
export const throttlerStorage = new ResettableThrottlerStorage();

const optional = config.optionalRoutes ? [OptionalAuthController, OptionalNotificationsController] : [];

@Module({
  imports: [
    ThrottlerModule.forRoot({
      throttlers: [{ name: 'default', ttl: config.throttleTtlMs, limit: config.throttleLimit }],
      storage: throttlerStorage,
    }),
    JwtModule.register({ secret: config.jwtSecret, signOptions: { expiresIn: config.accessTtl } }),
  ],
  // the optional controllers first: Express tries routes in the order they were registered
  controllers: [...optional, AuthController, NotificationsController],
  providers: [Store, BearerGuard, { provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}
