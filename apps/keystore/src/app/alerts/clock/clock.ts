import { Module } from '@nestjs/common';

/** Milliseconds since the epoch, like Date.now. */
export type Clock = () => number;

/** Every expiry decision asks this provider for the time, so tests move time instead of sleeping. */
export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = () => Date.now();

@Module({
  providers: [{ provide: CLOCK, useValue: systemClock }],
  exports: [CLOCK],
})
export class ClockModule {}
