import { isOperationErrorData, OperationError } from './errors.ts';

/**
 * How both shells turn the main side's answer into a value or a thrown OperationError,
 * so the renderer sees the same thing over IPC and over loopback HTTP.
 */
export function unwrapResult<Value>(result: unknown): Value {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    if (result.ok === true && 'value' in result) return result.value as Value;
    if (result.ok === false && 'error' in result && isOperationErrorData(result.error)) {
      throw OperationError.fromData(result.error);
    }
  }
  throw new OperationError('internal', 'Trunkshow answered without a readable result.');
}
