import { createLogger, levelsFrom } from './logger';

describe('createLogger', () => {
  it('honours LOG_LEVEL: warn keeps warn, error and fatal only', () => {
    expect(levelsFrom('warn')).toEqual(['warn', 'error', 'fatal']);
    expect(levelsFrom(undefined)).toEqual(['log', 'warn', 'error', 'fatal']);
  });

  it('writes one JSON object per line with the level, context and message', () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const logger = createLogger('orders', { LOG_LEVEL: 'log' });
      logger.log('placed', 'OrdersService');
      logger.debug('not shown at level log');
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'log', context: 'OrdersService', message: 'placed' });
  });
});
