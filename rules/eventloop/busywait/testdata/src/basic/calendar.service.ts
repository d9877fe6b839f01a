import { Injectable } from '@nestjs/common';
import { addDays, isBefore, startOfDay } from 'date-fns';
import moment from 'moment';

export interface DaySlot {
  date: Date;
  free: boolean;
}

@Injectable()
export class CalendarService {
  // Stepping a date towards today is iteration, not a wait on the clock.
  slotsUntilToday(from: Date): DaySlot[] {
    const slots: DaySlot[] = [];
    let current = startOfDay(from);
    while (isBefore(current, new Date())) {
      slots.push({ date: current, free: true });
      current = addDays(current, 1);
    }
    return slots;
  }

  // `new Date(end)` copies a date: no clock is read.
  daysBetween(start: Date, end: string): number {
    let n = 0;
    const cursor = new Date(start);
    while (cursor < new Date(end)) {
      cursor.setDate(cursor.getDate() + 1);
      n++;
    }
    return n;
  }

  monthsAgo(count: number): Date[] {
    const out: Date[] = [];
    for (let d = new Date(); d.getTime() > Date.now() - count * 2_592_000_000; d = addDays(d, -30)) {
      out.push(d);
    }
    return out;
  }

  // The clock is re-read into `now` and nothing else changes: a spin.
  waitUntil(until: Date): void {
    let now = new Date();
    while (now < until && new Date() < until) { // want "warning: a loop spins on the clock and blocks the event loop in `CalendarService\\.waitUntil` \\(no known entry point\\); await a timer \\(`node:timers/promises`\\)"
      now = new Date();
    }
  }

  // Only what the clock is compared against counts: `done` changes, the
  // deadline does not, so this still spins.
  lockWithin(ms: number, tryLock: () => boolean): boolean {
    const end = Date.now() + ms;
    let done = false;
    while (Date.now() < end && !done) { // want "warning: a loop spins on the clock and blocks the event loop in `CalendarService\\.lockWithin` \\(no known entry point\\); await a timer \\(`node:timers/promises`\\)"
      done = tryLock();
    }
    return done;
  }

  // Stepping a variable the condition does not read does not help.
  drain(queue: string[]): number {
    const deadline = Date.now() + 50;
    let handled = 0;
    while (Date.now() < deadline) { // want "warning: a loop spins on the clock and blocks the event loop in `CalendarService\\.drain` \\(no known entry point\\); await a timer \\(`node:timers/promises`\\)"
      handled++;
      queue.length;
    }
    return handled;
  }
}

export class MomentCalendar {
  // moment() without an argument reads the clock; stepping the cursor in
  // place with .add() makes the loop an iteration.
  weeksSince(start: string): number {
    const cursor = moment(start);
    let weeks = 0;
    while (cursor.isBefore(moment())) {
      cursor.add(1, 'week');
      weeks++;
    }
    return weeks;
  }

  settle(ms: number): void {
    const end = moment().add(ms, 'ms');
    while (moment().isBefore(end)) {} // want "warning: a loop spins on the clock and blocks the event loop in `MomentCalendar\\.settle` \\(no known entry point\\); await a timer \\(`node:timers/promises`\\)"
  }
}
