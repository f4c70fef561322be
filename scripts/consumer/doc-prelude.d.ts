/**
 * The names the README's and docs' snippets leave to the reader (`input`, `gridWorker`, …),
 * declared with the public types, so an extracted block compiles as it is written.
 */
import type { Actor, HazardReportInput, NotificationReason, Recipient } from '@hazardflow/core';
import type { CaseView } from '@hazardflow/engine';

declare global {
  const input: HazardReportInput;
  const gridWorker: Actor;
  const inspector: Actor;
  function notifyPeople(recipients: readonly Recipient[], reason: NotificationReason, view: CaseView): void;
}
