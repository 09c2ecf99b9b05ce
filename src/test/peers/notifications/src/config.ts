// Every switch the peer has, read once from the environment at start.
const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const config = {
  /** PORT: where to listen (on 127.0.0.1 only). Required. */
  port: number('PORT', 0),
  /** ENVELOPE=off: no exception filter, Nest's default error bodies. Default on. */
  envelope: env.ENVELOPE !== 'off',
  /** OPTIONAL_ROUTES=off: the routes the seed does not document do not exist. Default on. */
  optionalRoutes: env.OPTIONAL_ROUTES !== 'off',
  /** THROTTLE_LIMIT and THROTTLE_TTL_MS: each route's limit per window (default 60 per 60000 ms). */
  throttleLimit: number('THROTTLE_LIMIT', 60),
  throttleTtlMs: number('THROTTLE_TTL_MS', 60_000),
  /** LOGIN_THROTTLE_LIMIT: logins per hour (default 20), REFRESH_THROTTLE_LIMIT: refreshes per hour (60). */
  loginLimit: number('LOGIN_THROTTLE_LIMIT', 20),
  refreshLimit: number('REFRESH_THROTTLE_LIMIT', 60),
  /** ACCESS_TOKEN_TTL: access token lifetime in seconds (default 900). */
  accessTtl: number('ACCESS_TOKEN_TTL', 900),
  /** JWT_SECRET: signs access tokens (default a fixed test secret). */
  jwtSecret: env.JWT_SECRET || 'notifications-peer-test-secret',
};
