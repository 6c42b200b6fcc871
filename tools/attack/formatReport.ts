/**
 * The attack report as text for a terminal: per site, counts first, then a few
 * examples of each finding; then each pair of publications; then the verdict.
 */
import type { AcrossReport } from './comparePublications.ts';
import type { HouseholdExample } from './tablesReport.ts';
import type { AttackReport, SiteReport } from './runAttack.ts';
import { modelMismatchCount } from './tableProblems.ts';

const household = (e: HouseholdExample) => `${e.id}（${e.place}，${e.known}）：${e.detail}`;

function section(title: string, count: number, lines: readonly string[], examples: string[]) {
  lines = [`${count > 0 ? '✗' : '✓'} ${title}：${count}`, ...lines];
  return [...lines, ...examples.map((e) => `      例：${e}`)];
}

function formatSite(s: SiteReport): string[] {
  const t = s.tables;
  const so = t.singlingOut;
  const cr = t.changeRecords;
  const m = t.modelMismatch;
  const mismatchCount = modelMismatchCount(t);
  const byType = Object.entries(cr.byType)
    .map(
      ([type, n]) =>
        `${type} ${n.records} 条（<k ${n.belowK}，唯一 ${n.singledOut}，不用日期唯一 ${n.singledOutWithoutDates}）`,
    )
    .join('；');
  const small = Object.entries(t.smallCells.byTable)
    .map(([table, n]) => `${table}：1 户 ${n.one} 格，2 户 ${n.two} 格`)
    .join('；');
  const byColumn = Object.entries(t.homogeneity.byColumn)
    .map(([c, n]) => `${c} ${n}`)
    .join('，');
  return [
    `== ${s.site}（数据 ${s.data}；k = ${s.k}，取自 ${s.kFrom}；${t.households} 户；${s.seconds.toFixed(1)} 秒）`,
    ...(s.databases.retained.length > 0
      ? [
          `   数据库 ${s.databases.current.join('、')}；另有以前发布的 ${s.databases.retained.join('、')}（只扫描文件，作为以前的发布攻击时另行给出）`,
        ]
      : []),
    `   户级表：${t.tables.households.join('、') || '无'}；变动记录表：${t.tables.changeRecords.join('、') || '无'}；汇总表：${t.tables.aggregates.join('、') || '无'}`,
    ...section(
      '下载文件与数据库不一致',
      s.formats.mismatches.length,
      [`   已比对 ${s.formats.downloads} 个下载文件（CSV、Parquet）与数据库中的同名表`],
      s.formats.mismatches.map(
        (x) =>
          `${x.file}：数据库 ${x.rowsInDatabase} 行、下载 ${x.rowsInDownload} 行，${x.differingRows} 行不同${x.onlyInDatabase.length + x.onlyInDownload.length > 0 ? `，列不同：${[...x.onlyInDatabase, ...x.onlyInDownload].join('、')}` : ''}`,
      ),
    ),
    ...section(
      '1 少于 k 个候选行的户（推断后）',
      so.belowK.count,
      [
        `   仅凭户级表：<k ${so.publishedOnly.belowK} 户，唯一 ${so.publishedOnly.singledOut} 户；推断后唯一 ${so.singledOut.count} 户；其中 ${so.inSmallVillages} 户所在村不足 k 户`,
      ],
      so.singledOut.examples.map(household),
    ),
    ...section(
      '2 家庭人口区间被汇总表还原为确切人数的行',
      t.refinement.exactByAggregates,
      [
        `   区间或留空的行 ${t.refinement.inexactRows}；仅凭汇总表还原 ${t.refinement.exactByAggregates}；加上邻居自己知道的（匹配推理）共 ${t.refinement.exactInTheEnd.count}，后者不算泄露，只通过候选行计入第 1 项`,
      ],
      t.refinement.exactInTheEnd.examples,
    ),
    ...section(
      '3 敏感值被披露的户（同质）',
      t.homogeneity.households.count,
      [
        `   按列：${byColumn || '无'}；其中不利值（重点帮扶、收入低于贫困线、三保障缺口）${t.homogeneity.adverse.count} 户`,
      ],
      [...t.homogeneity.adverse.examples, ...t.homogeneity.households.examples]
        .slice(0, 5)
        .map(household),
    ),
    ...section(
      '4 可关联到少于 k 户的变动记录',
      cr.belowK,
      [
        `   共 ${cr.records} 条：${byType || '无'}`,
        `   唯一关联 ${cr.singledOut.count} 条（不用日期也唯一：${cr.singledOutWithoutDates}）；披露的变动原因：<k ${cr.reasonsBelowK} 条，唯一 ${cr.reasonsSingledOut} 条`,
      ],
      cr.singledOut.examples,
    ),
    ...section(
      '4 少于 k 户却带有更多信息的变动汇总格',
      cr.smallCells.count,
      [],
      cr.smallCells.examples.map(
        (c) => `${c.table} 村 ${c.village}：${c.households} 户，另有 ${c.reveals.join('、')}`,
      ),
    ),
    ...section(
      '5 一两户却带有更多信息的汇总格',
      t.smallCells.cells.count,
      small ? [`   ${small}`] : [],
      t.smallCells.cells.examples.map(
        (c) => `${c.table} 村 ${c.village}：${c.households} 户，另有 ${c.reveals.join('、')}`,
      ),
    ),
    ...section(
      '5 一两户却带有更多信息的街道或全区汇总格（单看，或减去各村公开的数字）',
      t.smallCells.streetCells.count,
      [],
      t.smallCells.streetCells.examples.map(
        (c) =>
          `${c.table} ${c.area}：${c.households} 户，另有 ${c.reveals.join('、')}${c.difference ? `（${c.difference}）` : ''}`,
      ),
    ),
    ...section(
      '6 户编号、个人信息、确切收入',
      t.identifiers.householdIds.count +
        t.identifiers.personalData.count +
        t.identifiers.exactIncomes.count +
        s.files.householdIds.length +
        s.files.personalData.length,
      [
        `   已扫描 ${s.files.files} 个文件（${(s.files.bytes / 2 ** 20).toFixed(1)} MB，含解压的 .br/.gz；另有 ${s.files.identicalCopies} 个压缩副本与原文件相同）及全部表的值` +
          (t.identifiers.idsTooShort > 0
            ? `；${t.identifiers.idsTooShort} 个户编号太短，未查找`
            : ''),
      ],
      [
        ...s.files.householdIds,
        ...t.identifiers.householdIds.examples,
        ...s.files.personalData,
        ...t.identifiers.personalData.examples,
        ...t.identifiers.exactIncomes.examples.map(
          (x) => `${x.table} 第 ${x.row + 1} 行 ${x.column} = ${x.value}`,
        ),
      ].slice(0, 5),
    ),
    ...section(
      '攻击模型与公开数据不符（工具自检）',
      mismatchCount,
      mismatchCount > 0
        ? [
            `   无相符行的户 ${m.householdsWithoutRow}，无相符户的行 ${m.rowsWithoutHousehold}，无法逐户对应的村 ${m.unassignableVillages.length}，人数合计不可能的汇总格 ${m.impossibleCells.length}，推断错误的披露 ${m.wrongDisclosures}，无相符户的变动记录 ${m.recordsWithoutHousehold}，无法读取的家庭人口或纳入年份值 ${m.unreadableValues.length}`,
          ]
        : [],
      [...m.unassignableVillages, ...m.unreadableValues],
    ),
    `   合计：${t.combined.households} 户至少有一项发现（<k ${t.combined.belowK}，唯一 ${t.combined.singledOut}，不利值披露 ${t.combined.adverse}）`,
  ];
}

function formatAcross(a: AcrossReport): string[] {
  return [
    `== ${a.before} → ${a.after}（两次都在、已知信息未变的户 ${a.stableHouseholds}）`,
    ...section(
      '7 本村没有任何变化、公开形式却变了的户',
      a.unstableGeneralisation.count,
      [
        `   另有 ${a.reformedInChangedVillages.count} 户自身信息未变、但同村有户变动而重新分组（已知限制，不计为问题）`,
      ],
      a.unstableGeneralisation.examples,
    ),
    ...section(
      '7 两次公开相减可确定敏感值的汇总格',
      a.differencing.count,
      [`   其中不利值 ${a.differencing.adverse}`],
      a.differencing.examples,
    ),
    ...section(
      '7 两次公开的变动原因类别相减可确定原因的变动',
      a.changeTallies.events,
      [`   涉及 ${a.changeTallies.cells} 格`],
      a.changeTallies.examples,
    ),
  ];
}

/** The whole report as lines of text. */
export function formatReport(report: AttackReport): string {
  const lines = [
    ...report.sites.flatMap((s) => [...formatSite(s), '']),
    ...report.across.flatMap((a) => [...formatAcross(a), '']),
    report.problems === 0
      ? '结论：未发现问题。'
      : `结论：发现问题 ${report.problems} 处（${[
          ...report.sites.flatMap((s) => s.problems.map((p) => `${s.site} ${p.check} ${p.count}`)),
          ...report.across.flatMap((a) => [
            ...(a.unstableGeneralisation.count > 0
              ? [`${a.after} 公开形式不稳定的户 ${a.unstableGeneralisation.count}`]
              : []),
            ...(a.differencing.count > 0
              ? [`${a.after} 可相减的汇总格 ${a.differencing.count}`]
              : []),
            ...(a.changeTallies.events > 0
              ? [`${a.after} 相减可确定原因的变动 ${a.changeTallies.events}`]
              : []),
          ]),
        ].join('；')}）。`,
  ];
  return lines.join('\n');
}
