export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export const consoleLogger = (name: string): Logger => ({
  info: (message) => console.log(`[${name}] ${message}`),
  error: (message) => console.error(`[${name}] ${message}`),
});

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
