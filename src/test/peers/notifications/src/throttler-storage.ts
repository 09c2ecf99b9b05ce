import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';

/** Throttler's own in-memory storage, which the control endpoint can empty. */
@Injectable()
export class ResettableThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private inner = new ThrottlerStorageService();

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    return this.inner.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  reset(): void {
    this.inner.onApplicationShutdown();
    this.inner = new ThrottlerStorageService();
  }

  onApplicationShutdown(): void {
    this.inner.onApplicationShutdown();
  }
}
