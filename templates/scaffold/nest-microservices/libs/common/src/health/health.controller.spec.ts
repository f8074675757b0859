import { Test } from '@nestjs/testing';
import { HealthController, HealthModule } from './health.module';

describe('HealthController', () => {
  it('reports ok', async () => {
    const module = await Test.createTestingModule({ imports: [HealthModule] }).compile();
    expect(module.get(HealthController).check()).toEqual({ status: 'ok' });
  });
});
