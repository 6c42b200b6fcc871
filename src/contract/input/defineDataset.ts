import { z } from 'zod';

/** One column of a dataset: the single source for validation, types and the data dictionary. */
export interface ColumnDef {
  /** English key (also accepted as a header). */
  key: string;
  /** Canonical Chinese header. */
  header: string;
  /** What the column means (data dictionary). */
  description: string;
  /** Type and rule in words (data dictionary). */
  rule: string;
  /** A file without this column is an error; optional columns read as empty. */
  required: boolean;
  /** Cell validator: raw trimmed text → typed value. */
  schema: z.ZodType<unknown, string>;
  /** Free text: scanned for personal data like every cell, published as written. */
  freeText?: boolean;
}

type ColumnInput = Omit<ColumnDef, 'key' | 'required' | 'schema'> & {
  schema: z.ZodType<unknown, string>;
  required?: boolean;
};

type Shape<C extends Record<string, ColumnInput>> = { [K in keyof C]: C[K]['schema'] };

/** A dataset: one CSV file of the contract. */
export interface DatasetDef<
  C extends Record<string, ColumnInput> = Record<string, ColumnInput>,
  Row = unknown,
> {
  name: string;
  file: string;
  title: string;
  /**
   * Where in the campaign plan this file comes from, as the data dictionary
   * shows it after "方案": its attachment (`附件 3`) or task (`任务二（三）`).
   */
  planRef: string;
  /**
   * The folder may leave this file out: validation and publishing then go on
   * without it, and the dataset is null in the validated data.
   */
  optional: boolean;
  description: string;
  columns: ColumnDef[];
  /** Validates a record of raw cells keyed by column key ('' for empty or absent). */
  rowSchema: z.ZodType<Row, Record<keyof C & string, string>>;
}

/**
 * Declares a dataset from its columns. `refine` adds row-level (conditional)
 * rules; it runs only when every cell parsed, and must attribute each issue to
 * a column via `path: [key]` and tag it `params: { code }`.
 */
export function defineDataset<
  const C extends Record<string, ColumnInput>,
  Row = z.output<z.ZodObject<Shape<C>>>,
>(def: {
  name: string;
  file: string;
  title: string;
  planRef: string;
  optional?: boolean;
  description: string;
  columns: C;
  refine?: (row: z.output<z.ZodObject<Shape<C>>>, ctx: z.core.$RefinementCtx<unknown>) => void;
}): DatasetDef<C, Row> {
  const columns: ColumnDef[] = Object.entries(def.columns).map(([key, c]) => ({
    key,
    required: c.required ?? true,
    ...c,
  }));
  const shape = Object.fromEntries(columns.map((c) => [c.key, c.schema])) as Shape<C>;
  let rowSchema: z.ZodType = z.object(shape);
  if (def.refine) {
    const refine = def.refine;
    rowSchema = z.object(shape).superRefine((row, ctx) => refine(row, ctx as never));
  }
  return {
    name: def.name,
    file: def.file,
    title: def.title,
    planRef: def.planRef,
    optional: def.optional ?? false,
    description: def.description,
    columns,
    rowSchema: rowSchema as unknown as DatasetDef<C, Row>['rowSchema'],
  };
}

/** The typed, validated row of a dataset. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RowOf<D> = D extends DatasetDef<any, infer R> ? R : never;
