import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  Module,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { Request } from 'express';

/** What an access token carries: the user id in `sub` (the customer for the other services). */
export interface TokenPayload {
  sub: string;
  email: string;
}

export interface AuthenticatedRequest extends Request {
  user: TokenPayload;
}

/** Accepts `Authorization: Bearer <token>` signed with JWT_SECRET and not expired. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('missing bearer token');
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload & { iat: number; exp: number }>(token);
      request.user = { sub: payload.sub, email: payload.email };
      return true;
    } catch {
      throw new UnauthorizedException('invalid or expired token');
    }
  }
}

/** The verified token of the request (use behind JwtAuthGuard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): TokenPayload =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

/**
 * JWT signing and verification with JWT_SECRET; tokens live JWT_TTL_SECONDS (default 900). The
 * service that issues tokens and the services that only verify them share this module.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>('JWT_SECRET'),
        signOptions: { expiresIn: config.get<number>('JWT_TTL_SECONDS') ?? 900 },
      }),
    }),
  ],
  providers: [JwtAuthGuard],
  exports: [JwtModule, JwtAuthGuard],
})
export class JwtAuthModule {}
