/**
 * Classes for a table that stacks on a phone: below the `sm` breakpoint each
 * row becomes a block and each cell a line (with its own label, see `label`),
 * so a four-column dictionary reads at 375 px without sideways scrolling; from
 * `sm` up it is an ordinary table. The explicit ARIA roles in the components
 * keep table semantics when CSS changes `display` (browsers drop them otherwise).
 */
export const STACKED = {
  table: 'block w-full sm:table',
  head: 'hidden sm:table-header-group',
  body: 'block sm:table-row-group',
  row: 'block border-b border-line py-2 sm:table-row sm:py-0',
  cell: 'block border-0 px-0 py-0.5 sm:table-cell sm:border-b sm:px-2 sm:py-1.5',
  /** A cell shown only from `sm` up (its content repeats in the row header on a phone). */
  wideOnly: 'hidden sm:table-cell sm:px-2 sm:py-1.5',
  /** Text shown only on a phone (e.g. "· 必填" beside the row header). */
  phoneOnly: 'sm:hidden',
  /** The column name shown before a cell's value on a phone only. */
  label: 'text-muted sm:hidden',
} as const;
