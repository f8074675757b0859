import { jsonLogger } from './logger';

describe('jsonLogger', () => {
  const lines = (level: Parameters<typeof jsonLogger>[0], write: (logger: ReturnType<typeof jsonLogger>) => void) => {
    const out: string[] = [];
    const spies = [process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      }),
    );
    try {
      write(jsonLogger(level));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    return out.flatMap((chunk) => chunk.split('\n')).filter((line) => line !== '');
  };

  it('writes one JSON object per line', () => {
    const [line] = lines('log', (logger) => logger.log('started', 'Bootstrap'));
    expect(JSON.parse(line ?? '')).toEqual(expect.objectContaining({ level: 'log', message: 'started', context: 'Bootstrap' }));
  });

  it('prints the chosen level and everything more severe, nothing below it', () => {
    const printed = lines('warn', (logger) => {
      logger.debug('noise');
      logger.log('chatter');
      logger.warn('careful');
      logger.error('broken');
    });
    expect(printed.map((line) => JSON.parse(line).level)).toEqual(['warn', 'error']);
  });
});
