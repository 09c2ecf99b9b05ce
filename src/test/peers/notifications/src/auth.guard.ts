import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Store } from './store';

/** Bearer access token; anything missing, malformed, expired or for a gone user is a 401. */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(private readonly jwt: JwtService, private readonly store: Store) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      throw new UnauthorizedException();
    }
    try {
      const payload = await this.jwt.verifyAsync(match[1]);
      if (!this.store.users.some((u) => u.id === payload.sub)) {
        throw new Error('no such user');
      }
      req.userId = payload.sub;
      return true;
    } catch {
      throw new UnauthorizedException();
    }
  }
}
