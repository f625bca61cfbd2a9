/**
 * Reads of what is open on screen, asked again and again (each sync that brings changes
 * re-reads it). An answer is shown unless a newer one already is, so a re-read asked
 * while the first read is on its way does not leave the screen empty until the re-read
 * answers, and changes arriving faster than reads answer never keep it empty. Opening
 * something else (or closing) refuses every answer asked before it.
 */
export interface ReadsInOrder {
  /** A ticket for a read about to be asked. */
  ask(): number;
  /** Whether the read's answer may be shown; true marks it the one shown. */
  show(ticket: number): boolean;
  /** Whether the read is the newest asked: only its failure is worth showing. */
  isNewest(ticket: number): boolean;
  /** Something else is open now: no answer asked before this is shown. */
  restart(): void;
}

export function readsInOrder(): ReadsInOrder {
  let asked = 0;
  let shown = 0;
  let floor = 0;
  return {
    ask: () => ++asked,
    show(ticket) {
      if (ticket <= shown || ticket <= floor) return false;
      shown = ticket;
      return true;
    },
    isNewest: (ticket) => ticket === asked && ticket > floor,
    restart() {
      floor = asked;
    },
  };
}
