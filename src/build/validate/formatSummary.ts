import type { IssueCode } from '../../contract/input/cells.ts';
import type { ValidationIssue } from './issues.ts';

/** What `formatSummary` needs of a load result. */
export interface SummaryInput {
  ok: boolean;
  issues: readonly ValidationIssue[];
  stats: readonly {
    file: string;
    rows: number;
    encoding?: string;
    notProvided?: { title: string };
  }[];
}

/** Chinese name of each issue code, and one line saying how to fix it. */
export const ISSUE_CODE_HELP: Readonly<Record<IssueCode, { label: string; hint: string }>> = {
  'encoding-error': {
    label: '文件编码无法识别',
    hint: '在 Excel 中"另存为" → "CSV UTF-8（逗号分隔）"，不要存成"Unicode 文本"或 .xlsx',
  },
  'source-error': {
    label: '文件格式错误',
    hint: '检查所报行的双引号是否成对；campaign.json 请检查逗号、引号和括号',
  },
  'missing-label': { label: '缺少必填列', hint: '按数据说明补上该列（表头可写中文或英文键）' },
  'extra-label': {
    label: '不认识的列',
    hint: '删除该列（导出数据只能含数据说明中的列，多余的列可能含个人信息）',
  },
  'duplicate-label': {
    label: '列重复',
    hint: '同一列只能出现一次（中文表头与英文键算同一列），删去多余的一列',
  },
  'blank-label': { label: '有数据但没有表头的列', hint: '给该列写上表头，或删除该列' },
  'extra-cell': {
    label: '单元格比表头多',
    hint: '单元格内的英文逗号会把一格拆成两格：改用中文逗号"，"，或在 Excel 中重新另存为 CSV',
  },
  'missing-cell': {
    label: '单元格比表头少',
    hint: '补齐该行缺少的单元格（可以为空，但分隔的逗号不能少）',
  },
  'type-error': {
    label: '格式不对',
    hint: '日期请写成 2018-06-05；数字只写数字（如 5234.5，不要写"约""元"）；金额以万元为单位（12.5 万元写 12.5）；村代码写 12 位数字',
  },
  'constraint-error': {
    label: '取值不符合规则',
    hint: '按消息中列出的可选值或范围填写；必填项不能为空',
  },
  'unique-error': { label: '重复', hint: '编号应唯一：删除重复的行，或改正其中一个编号' },
  'foreign-key': {
    label: '文件之间不一致',
    hint: '按消息核对两个文件：引用的村、户、街道须存在，建档状态须与最近的状态变动一致，项目的受益贫困户数不超过建档立卡户数',
  },
  'row-constraint': {
    label: '同一行内前后矛盾',
    hint: '按消息核对同一行的相关单元格（如状态与日期、类型与人数）',
  },
  'personal-data': {
    label: '含个人信息',
    hint: '删除或改写身份证号、手机号、银行卡号；户编号请用不含这些号码的假名编号；实施单位只填单位名称，不填个人姓名或联系人',
  },
  'extra-file': {
    label: '多余的文件（警告）',
    hint: '该文件不会被读取或发布；如不需要可移出数据文件夹',
  },
  'missing-file': {
    label: '缺少文件',
    hint: '把缺少的文件放进数据文件夹（文件名须与数据说明一致）',
  },
};

/**
 * A summary a staff member can act on: rows read per file (with encoding),
 * then errors and warnings grouped by code, each with a fix hint.
 */
export function formatSummary(result: SummaryInput): string {
  const out: string[] = ['读取：'];
  for (const s of result.stats)
    out.push(
      s.notProvided
        ? `  ${s.file}：未提供（可选文件；本次发布没有${s.notProvided.title}数据）`
        : `  ${s.file}：${s.rows.toLocaleString('en-US')} 行${s.encoding ? `（${s.encoding}）` : ''}`,
    );
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.length - errors.length;
  if (result.ok) {
    out.push(`结果：通过${warnings > 0 ? `（${warnings} 个警告）` : ''}，可以发布。`);
  } else {
    out.push(
      `结果：未通过，发现 ${errors.length} 个错误${warnings > 0 ? `、${warnings} 个警告` : ''}；有错误时不发布任何内容。`,
    );
  }
  const counts = new Map<IssueCode, number>();
  for (const issue of result.issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  for (const [code, n] of counts) {
    const help = ISSUE_CODE_HELP[code];
    out.push(`  ${help.label} [${code}] × ${n}：${help.hint}`);
  }
  if (!result.ok)
    out.push('请按上面每一行的"文件:行:列"在 Excel 中找到并改正，然后重新运行 npm run validate。');
  return out.join('\n');
}
