import { Controller, DynamicModule, Get, Inject, Module, Type } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  TerminusModule,
} from '@nestjs/terminus';

/** A dependency the service cannot serve without (its database, its broker). */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}

const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/**
 * Kubernetes probes: /health/live answers as soon as the process serves HTTP (restart it when it
 * does not); /health/ready checks every dependency (send no traffic while one is down). Both
 * answer 503 with the failing check's details.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check(this.checks.map((c) => () => c.check()));
  }
}

@Module({})
export class HealthModule {
  /** `checks`: the readiness checks of this service (none: ready whenever live). */
  static register(checks: Type<ReadinessCheck>[] = []): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [
        ...checks,
        { provide: READINESS_CHECKS, inject: checks, useFactory: (...instances: ReadinessCheck[]) => instances },
      ],
    };
  }
}
