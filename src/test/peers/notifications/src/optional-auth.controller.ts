import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Throttle } from '@nestjs/throttler';
import { clearRefreshCookie, REFRESH_COOKIE, tokens } from './auth.controller';
import { config } from './config';
import { ApiError } from './errors';
import { Store } from './store';

function refreshTokenOf(req: any, body: any): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return typeof body?.refreshToken === 'string' ? body.refreshToken : undefined;
}

/** Refresh (rotating, with reuse detection) and logout: not in the seed, OPTIONAL_ROUTES=off drops them. */
@Controller('auth')
export class OptionalAuthController {
  constructor(private readonly jwt: JwtService, private readonly store: Store) {}

  @Post('refresh')
  @HttpCode(200)
  @Throttle({ default: { limit: config.refreshLimit, ttl: 3600_000 } })
  refresh(@Req() req: any, @Body() body: any, @Res({ passthrough: true }) res: any) {
    const outcome = this.store.rotate(refreshTokenOf(req, body));
    if (outcome === 'reuse') {
      clearRefreshCookie(res);
      throw new ApiError(401, 'AUTH_UNAUTHORIZED', 'auth.refresh.token_reuse_detected', 'Refresh token reuse detected');
    }
    if (outcome === 'invalid') {
      throw new ApiError(401, 'AUTH_UNAUTHORIZED', 'auth.refresh.invalid_token', 'Invalid refresh token');
    }
    return tokens(this.jwt, this.store, outcome.userId, res, outcome.token);
  }

  @Post('logout')
  @HttpCode(200)
  logout(@Req() req: any, @Body() body: any, @Res({ passthrough: true }) res: any) {
    this.store.revoke(refreshTokenOf(req, body));
    clearRefreshCookie(res);
    return { success: true };
  }
}
