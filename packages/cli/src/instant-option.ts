import { InvalidArgumentError } from 'commander';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Commander parser for an option holding an ISO 8601 instant; anything else is a usage error. */
export function parseInstantOption(value: string): string {
  if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected an ISO 8601 instant with an offset, e.g. 2025-01-01T00:00:00+08:00');
  }
  return new Date(value).toISOString();
}
