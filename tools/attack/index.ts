/**
 * The project's own privacy attack: does a built site keep its promise?
 *
 * ## Attacker model
 * A neighbour who knows, for every household of their village: the village,
 * household size (家庭人口), household type (户类型), labour capacity (劳动能力),
 * enrolment year (纳入年份), and which status-changing events it had during
 * the campaign — joined (新增纳入), removed (清退), exited (脱贫), returned
 * (返贫) — with their dates, and the household's size at the time. The
 * neighbour knows the publication method (it is public and open source) and
 * combines every published file, of this publication and of earlier ones.
 *
 * What the neighbour knows is taken from the input data folder the site was
 * built from (parsed with the project's own loadDataset). The data contract
 * says a 清退 household has a 清退 record and the latest status-changing record
 * decides the status, so a household's events give its status (清退 → 清退,
 * 脱贫 → 已脱贫, 新增纳入 / 返贫 → 在册); one without events is 在册 or 已脱贫.
 *
 * The attacker is cautious: every inference keeps all rows that could be the
 * household, so a conclusion is never wrong. The tool checks that on the truth
 * (modelMismatch in the report): a disclosed value that is not the household's,
 * or a household no row fits, means the model does not fit the publication.
 *
 * ## Attacks
 * 1. Singling out: each household's candidate rows in every household-level
 *    table (findCandidates); fewer than k, or exactly one.
 * 2. Refinement by aggregates: persons sums give banded or blank sizes back
 *    (refineSizes), one-row-per-household matching (pruneByMatching) removes
 *    rows other households must be, to a fixed point (inferCandidates).
 * 3. Homogeneity: a sensitive value all candidates share (findHomogeneity).
 * 4. Change records linked to the households that fit them, with their
 *    reasons (linkChangeRecords); small change cells (findSmallCells).
 * 5. Small aggregate cells that carry more than their count (findSmallCells),
 *    and above the village: street and district cells, alone or minus the
 *    village totals (findStreetCells).
 * 6. Identifiers anywhere: input 户编号, personal data, exact incomes
 *    (findIdentifiers, scanSiteFiles, findExactIncomes).
 * 7. Across publications: unstable generalisation, differencing of cells and
 *    of change tallies by period (comparePublications, differenceChangeTallies).
 * Before attacking, every CSV and Parquet download is checked to hold exactly
 * the rows of the DuckDB table of the same name (compareTables), so attacking
 * the DuckDB tables covers every format.
 *
 * CLI: `node tools/attack/attack.ts --data DIR --site DIR [--data DIR2 --site DIR2] [--json FILE]`.
 */
export { attackTables, attackAnalysis } from './attackTables.ts';
export type { AttackOptions, TablesReport, HouseholdExample, Finding } from './tablesReport.ts';
export { tableProblems, modelMismatchCount } from './tableProblems.ts';
export { analyseTables, type Analysis } from './analyseTables.ts';
export { classifyTables, type Aggregate, type ClassifiedTables } from './classifyTables.ts';
export { comparePublications, type AcrossReport, type Publication } from './comparePublications.ts';
export { compareTables, type TableMismatch } from './compareTables.ts';
export { findCandidates, isConsistent, indexRows } from './findCandidates.ts';
export { findExactIncomes, type ExactIncome } from './findExactIncomes.ts';
export { findHomogeneity, SENSITIVE_COLUMNS, type Disclosure } from './findHomogeneity.ts';
export { createIdFinder, findPersonalDataInText, MIN_ID_LENGTH } from './findIdentifiers.ts';
export { findSmallCells, type SmallCell } from './findSmallCells.ts';
export { findStreetCells, type StreetCell } from './findStreetCells.ts';
export { formatReport } from './formatReport.ts';
export { readHouseholdRows, type HouseholdRows } from './householdRows.ts';
export { inferCandidates, type Inference } from './inferCandidates.ts';
export { linkChangeRecords, fitsRecord, type LinkedRecord } from './linkChangeRecords.ts';
export { normalizeValue } from './normalizeValue.ts';
export { parseAttackArgs, ATTACK_USAGE, type AttackArgs } from './parseAttackArgs.ts';
export { pruneToPerfectMatchings, stronglyConnectedComponents } from './pruneByMatching.ts';
export { parseSize, parseIncomeBand, bandBelowLine, bandContains } from './ranges.ts';
export { readCsvDownload, csvCellValue } from './readCsvDownload.ts';
export { readDuckdbTables, readParquetTable, type TypedTable } from './readDuckdb.ts';
export { readSite, type Site, type Download } from './readSite.ts';
export { refineSizes, propagateSum, canRefine } from './refineSizes.ts';
export { revealedColumns } from './revealedColumns.ts';
export { runAttack, type AttackReport, type SiteReport, type SiteInput } from './runAttack.ts';
export { scanSiteFiles, type FileScan } from './scanSiteFiles.ts';
export { scanTableValues } from './scanTableValues.ts';
export type { Table, Row, Value } from './table.ts';
export { buildTruth, knownStatuses, sizesOn, type Truth, type TruthHousehold } from './truth.ts';
