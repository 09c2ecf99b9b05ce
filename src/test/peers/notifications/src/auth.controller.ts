import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Throttle } from '@nestjs/throttler';
import { config } from './config';
import { ApiError } from './errors';
import { Store } from './store';

export const REFRESH_COOKIE = 'biore_refresh';
const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict' as const, path: '/api/v1/auth', maxAge: 7 * 24 * 3600_000 };

export function tokens(jwt: JwtService, store: Store, userId: string, res: any, refresh?: string) {
  const email = store.users.find((u) => u.id === userId)?.email;
  res.cookie(REFRESH_COOKIE, refresh ?? store.issueRefreshToken(userId), COOKIE_OPTIONS);
  return { success: true, data: { accessToken: jwt.sign({ sub: userId, email }), expiresIn: config.accessTtl } };
}

export function clearRefreshCookie(res: any) {
  res.clearCookie(REFRESH_COOKIE, { path: COOKIE_OPTIONS.path });
}

@Controller('auth')
export class AuthController {
  constructor(private readonly jwt: JwtService, private readonly store: Store) {}

  @Post('login')
  @HttpCode(200)
  @Throttle({ default: { limit: config.loginLimit, ttl: 3600_000 } })
  login(@Body() body: any, @Res({ passthrough: true }) res: any) {
    const details: { message: string }[] = [];
    if (typeof body?.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(body.email)) {
      details.push({ message: 'email must be an email' });
    }
    if (typeof body?.password !== 'string' || body.password === '') {
      details.push({ message: 'password should not be empty' });
    }
    if (details.length) {
      throw new ApiError(400, 'VALIDATION_ERROR', 'error.validation', details[0].message, details);
    }
    const user = this.store.users.find((u) => u.email === body.email.toLowerCase());
    if (!user || user.password !== body.password) {
      throw new ApiError(401, 'AUTH_UNAUTHORIZED', 'auth.login.invalid_credentials', 'Invalid credentials');
    }
    return tokens(this.jwt, this.store, user.id, res);
  }
}
