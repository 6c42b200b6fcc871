/**
 * DuckDB's SQL for the explore page's editor (CodeMirror's lang-sql): its
 * keywords, types and the functions a visitor is likely to use, as DuckDB
 * itself lists them (`duckdb_keywords()`, `duckdb_types()`,
 * `duckdb_functions()`: tests/unit/client/explore/duckdbDialect.test.ts checks
 * every word here against them). Unreserved keywords that are also plausible
 * column names (`name`, `type`, `value`, `year` …) are left out, so a column
 * is not coloured as a keyword.
 */
import { SQLDialect } from '@codemirror/lang-sql';

/** Reserved keywords, the join and type-function words, and the unreserved ones of queries. */
export const DUCKDB_KEYWORDS =
  // reserved
  'all analyse analyze and any array as asc asymmetric both case cast check collate column ' +
  'constraint create default deferrable desc describe distinct do else end except false fetch for ' +
  'foreign from group having in initially intersect into lambda lateral leading limit not null offset ' +
  'on only or order pivot pivot_longer pivot_wider placing primary qualify references returning select ' +
  'show some summarize symmetric table then to trailing true union unique unpivot using variadic when ' +
  'where window with ' +
  // joins, predicates, type functions
  'anti asof at by collation columns cross full glob ilike inner is isnull join left like map natural ' +
  'notnull outer overlaps positional right semi similar struct tablesample try_cast ' +
  'between exists extract grouping overlay position substring trim values coalesce nullif ' +
  // unreserved words of queries
  'current day days exclude filter first following groups hour hours ignore interval last microsecond ' +
  'microseconds millisecond milliseconds minute minutes month months nulls ordinality over partition ' +
  'preceding quarter quarters range recursive replace respect rollup cube rows sample second seconds ' +
  'sets unbounded week weeks within year years materialized';

export const DUCKDB_TYPES =
  'bigint bit bitstring blob bool boolean bpchar bytea char date datetime dec decimal double enum ' +
  'float float4 float8 hugeint int int1 int2 int4 int8 int16 int32 int64 int128 integer interval ' +
  'json list long map numeric nvarchar real row short signed smallint string struct text time ' +
  'timestamp timestamptz timetz timestamp_ms timestamp_ns timestamp_s tinyint ubigint uhugeint ' +
  'uinteger union usmallint utinyint uuid varbinary varchar';

/** Functions a visitor of this site is likely to call (aggregates, text, dates, lists, tables). */
export const DUCKDB_FUNCTIONS =
  // aggregates and windows
  'count sum avg mean min max median mode quantile quantile_cont quantile_disc stddev stddev_pop ' +
  'stddev_samp variance var_pop var_samp corr string_agg group_concat list array_agg arg_max ' +
  'arg_min max_by min_by any_value first last bool_and bool_or approx_count_distinct histogram ' +
  'row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value ' +
  // numbers
  'abs ceil ceiling floor round trunc sign sqrt power pow exp ln log log10 log2 greatest least ' +
  // text
  'length lower upper concat concat_ws contains starts_with ends_with prefix suffix replace reverse ' +
  'left right lpad rpad ltrim rtrim strip_accents split_part string_split regexp_matches ' +
  'regexp_replace regexp_extract format printf repeat instr strpos ' +
  // dates
  'current_date today now date_trunc date_part date_diff datediff date_add date_sub datepart ' +
  'strftime strptime make_date year month day week quarter dayofweek isodow last_day epoch ' +
  // lists, conditionals, tables
  'list_value list_contains list_sort list_distinct list_aggregate len unnest ' +
  'generate_series typeof';

/** DuckDB's flavour: PostgreSQL-like lexing ($$ strings, :: casts), case-insensitive names. */
export const DuckDB = SQLDialect.define({
  keywords: DUCKDB_KEYWORDS,
  types: DUCKDB_TYPES,
  builtin: DUCKDB_FUNCTIONS,
  charSetCasts: true,
  doubleDollarQuotedStrings: true,
  caseInsensitiveIdentifiers: true,
  operatorChars: '+-*/<>=~!@#%^&|`?:',
  specialVar: '$?',
});
