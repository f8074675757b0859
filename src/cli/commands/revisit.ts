import { InternalError } from '../../core/errors.js';

export async function run(..._args: unknown[]): Promise<void> {
  throw new InternalError('this command is not built yet');
}
