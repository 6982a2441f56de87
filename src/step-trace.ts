import { channel } from 'node:diagnostics_channel';

/**
 * Named points of a build, published on Node's diagnostics channel `minutes:step` for whoever measures where a watch's
 * save spends its time (bench/watch-steps.ts subscribes and lists the time between consecutive points). With no
 * subscriber, a point costs one property read.
 */
export const STEP_CHANNEL = 'minutes:step';

const steps = channel(STEP_CHANNEL);

export function traceStep(step: string): void {
  if (steps.hasSubscribers) steps.publish(step);
}
