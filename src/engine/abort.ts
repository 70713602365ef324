/**
 * Why an aborted run rejects: the signal's reason, or a standard AbortError.
 * @module
 */
/** The rejection reason of an aborted run. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The run was aborted', 'AbortError');
}
