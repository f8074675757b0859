import { Controller, Get, Module } from '@nestjs/common';

/** Liveness for Docker HEALTHCHECK and Kubernetes probes: answers as soon as the app serves HTTP. */
@Controller('health')
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
