/**
 * Writes the published DuckDB database (and the Parquet downloads) with
 * @duckdb/node-api, in Node only.
 *
 * The rows come from the CSV files csvOut.ts has just written, read by DuckDB's
 * own CSV reader: moving 700,000 rows from JS into DuckDB through the appender
 * or data chunks cost 6–20 s here (one native call per string), `read_csv`
 * about a second. The CSV encoding is undone in SQL: one leading apostrophe
 * dropped from text (see `neutralizeFormula`), 是/否 → boolean, "；" → list.
 */
import { DuckDBInstance, quotedIdentifier as id, quotedString as str } from '@duckdb/node-api';
import {
  DUCKDB_TYPES,
  type PublishedColumn,
  type PublishedTable,
  type PublishedType,
} from '../../contract/published.ts';
import { CSV_LIST_SEPARATOR, CSV_TRUE } from './csvOut.ts';
import {
  BLOCK_SIZE,
  MAX_READABLE_STORAGE_NUMBER,
  readStorageVersion,
  STORAGE_VERSION,
} from './duckdbStorage.ts';

/** How `read_csv` reads each type before the SQL below turns it into the column type. */
const CSV_READ_TYPES: Readonly<Record<PublishedType, string>> = {
  string: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  // Read as written ("12.35"), never through a double.
  decimal: 'DECIMAL(18,2)',
  boolean: 'VARCHAR',
  date: 'DATE',
  list: 'VARCHAR',
};

export interface TableSource {
  table: PublishedTable;
  /** CSV written by `writeCsv`. */
  csvPath: string;
  /**
   * Columns where `writeCsv` neutralised some cell: only these need the
   * apostrophe dropped again (the CASE costs ~0.4 s on 700,000 rows). Absent:
   * every text column is checked.
   */
  neutralized?: readonly string[];
  /** Where to write the table as Parquet (English column names, zstd), if at all. */
  parquetPath?: string;
}

/** `CREATE TABLE` for a published table in the attached database `p`. */
export function createTableSql(table: PublishedTable): string {
  const columns = table.columns.map((c) => `${id(c.name)} ${DUCKDB_TYPES[c.type]}`);
  return `CREATE TABLE p.${id(table.name)} (${columns.join(', ')})`;
}

function fromCsv(c: PublishedColumn, neutralized: boolean): string {
  const col = id(c.name);
  const text = neutralized
    ? `CASE WHEN starts_with(${col}, '''') THEN substr(${col}, 2) ELSE ${col} END`
    : col;
  switch (c.type) {
    case 'string':
      return text;
    case 'boolean':
      return `${col} = ${str(CSV_TRUE)}`;
    case 'list':
      return `CASE WHEN ${col} IS NULL THEN []::VARCHAR[] ELSE string_split(${text}, ${str(CSV_LIST_SEPARATOR)}) END`;
    default:
      return col;
  }
}

/** `INSERT … SELECT … FROM read_csv(…)`: file order is kept (preserve_insertion_order). */
export function insertFromCsvSql({ table, csvPath, neutralized }: TableSource): string {
  const columns = table.columns.map((c) => `${str(c.name)}: ${str(CSV_READ_TYPES[c.type])}`);
  const options = [
    'header = true',
    'auto_detect = false',
    "delim = ','",
    `quote = '"'`,
    `escape = '"'`,
    // A quoted "" is an empty string; only an empty unquoted cell is null.
    'allow_quoted_nulls = false',
    "dateformat = '%Y-%m-%d'",
    `columns = {${columns.join(', ')}}`,
  ];
  const select = table.columns.map(
    (c) => `${fromCsv(c, neutralized?.includes(c.name) ?? true)} AS ${id(c.name)}`,
  );
  return `INSERT INTO p.${id(table.name)} SELECT ${select.join(', ')} FROM read_csv(${str(csvPath)}, ${options.join(', ')})`;
}

export interface DuckdbWriter {
  /**
   * Queues a table: created and loaded from its CSV after the tables queued
   * before it. Returns at once, so the caller can write the next CSV while
   * DuckDB (on its own threads) loads this one.
   */
  add(source: TableSource): void;
  /** Waits for every load, checkpoints, writes the Parquet files, detaches. */
  finish(): Promise<void>;
  /** Stops after a failure elsewhere (the caller removes the files). */
  abort(): Promise<void>;
}

/**
 * Opens a new database at `dbPath` for the published tables. Rows keep their
 * CSV order, already sorted by street and village, so range reads stay small.
 */
export async function openDuckdbWriter(
  dbPath: string,
  opts: { threads?: number } = {},
): Promise<DuckdbWriter> {
  const instance = await DuckDBInstance.create(
    ':memory:',
    opts.threads ? { threads: String(opts.threads) } : {},
  );
  const db = await instance.connect();
  const close = () => {
    db.closeSync();
    instance.closeSync();
  };
  const sources: TableSource[] = [];
  let chain: Promise<unknown> = (async () => {
    // Fail fast instead of trying to download an extension.
    await db.run('SET autoload_known_extensions = false');
    await db.run('SET preserve_insertion_order = true');
    await db.run(
      `ATTACH ${str(dbPath)} AS p (STORAGE_VERSION ${str(STORAGE_VERSION)}, BLOCK_SIZE ${BLOCK_SIZE})`,
    );
  })();
  // Keep the first failure; later steps are skipped.
  chain.catch(() => undefined);
  const then = (step: () => Promise<unknown>) => {
    chain = chain.then(step);
    chain.catch(() => undefined);
  };
  return {
    add(source) {
      sources.push(source);
      // One call for both statements: the next step can only start when the
      // caller's thread is free, which it rarely is while writing CSVs.
      then(() => db.run(`${createTableSql(source.table)}; ${insertFromCsvSql(source)}`));
    },
    async finish() {
      try {
        await chain;
        await db.run('CHECKPOINT p');
        for (const { table, parquetPath } of sources)
          if (parquetPath)
            await db.run(
              `COPY p.${id(table.name)} TO ${str(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
            );
        await db.run('DETACH p');
      } finally {
        close();
      }
    },
    async abort() {
      await chain.catch(() => undefined);
      close();
    },
  };
}

/** Writes the database and Parquet files from CSVs already written (see `openDuckdbWriter`). */
export async function writeDuckdb(dbPath: string, sources: readonly TableSource[]): Promise<void> {
  const writer = await openDuckdbWriter(dbPath);
  for (const s of sources) writer.add(s);
  await writer.finish();
}

/**
 * Reopens the written database read-only and checks what the browser relies
 * on: a storage version DuckDB 1.4.3 reads, every table, and its row count.
 */
export async function verifyDuckdb(
  dbPath: string,
  expectedRows: Readonly<Record<string, number>>,
): Promise<void> {
  const version = await readStorageVersion(dbPath);
  if (version > MAX_READABLE_STORAGE_NUMBER)
    throw new Error(
      `${dbPath}：存储版本 ${version} 高于 DuckDB 1.4.3 能读的 ${MAX_READABLE_STORAGE_NUMBER}`,
    );
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run(`ATTACH ${str(dbPath)} AS p (READ_ONLY)`);
    for (const [name, expected] of Object.entries(expectedRows)) {
      const reader = await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM p.${id(name)}`);
      const n = reader.getRowObjectsJS()[0]?.n;
      if (n !== expected)
        throw new Error(`${dbPath}：表 ${name} 有 ${String(n)} 行，应为 ${expected} 行`);
    }
    await db.run('DETACH p');
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
