import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthRequest, AuthUser } from './auth.types';
import type { Permission } from './permissions';

/**
 * What a route needs: `public` (anyone), `signed_in` (any role), or a permission of the table in
 * permissions.ts. A route without it needs sign-in.
 */
export type AccessRule = 'public' | 'signed_in' | Permission;

export const ACCESS_KEY = 'tracker:access';

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);

/** The signed-in user (only on routes whose rule makes the guard find one). */
export const SignedInUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<AuthRequest>().user;
  if (!user) {
    throw new Error('SignedInUser used on a route that does not require sign-in');
  }
  return user;
});
