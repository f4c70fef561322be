/**
 * Error identity that survives two copies of a package. A consumer can load the ESM build
 * and the CJS build side by side (one `import`, one `require`, or two installed versions);
 * each copy has its own class, so a plain `instanceof` fails for an error thrown by the
 * other copy. `brandError` marks the class's prototype with a `Symbol.for(brand)` key (one
 * symbol per runtime, shared by every copy) and makes `instanceof` on the class check that
 * mark, so `error instanceof PolicyPackError` holds whichever copy threw it.
 *
 * Subclasses keep the ordinary prototype check: `instanceof` a subclass is not widened.
 *
 * @returns a type guard, e.g. `isPolicyPackError(e)`, that checks the same mark.
 *
 * @example
 * ```ts
 * export class PaymentStoreError extends Error {}
 * export const isPaymentStoreError = brandError(PaymentStoreError, 'my-store/PaymentStoreError');
 * ```
 */
export function brandError<T extends abstract new (...args: never[]) => Error>(
  errorClass: T,
  brand: string,
): (value: unknown) => value is InstanceType<T> {
  const key = Symbol.for(brand);
  Object.defineProperty(errorClass.prototype, key, { value: true });
  const isBranded = (value: unknown): value is InstanceType<T> =>
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[key] === true;
  const ordinaryInstanceof = Function.prototype[Symbol.hasInstance];
  Object.defineProperty(errorClass, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      return this === errorClass ? isBranded(value) : ordinaryInstanceof.call(this, value);
    },
  });
  return isBranded;
}
