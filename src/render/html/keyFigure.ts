/**
 * A headline number: what KeyFigure.astro shows and what the browser swaps in
 * after a filter changes (src/client/topic/topicPageSwap.ts), with the one
 * list of tone classes both use.
 */
export interface KeyFigureView {
  label: string;
  value: number;
  unit?: string;
  note?: string;
  tone?: 'default' | 'good' | 'bad';
}

/** The class a tone adds to the number (none for `default`). */
export const KEY_FIGURE_TONE_CLASS = { good: 'text-good', bad: 'text-accent' } as const;
