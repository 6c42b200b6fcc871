/** Done rectification items of a place as a compact table (what, and when it was done), below the open ones' cards. */
import { columns } from '../../render/html/table.ts';
import { renderTableHtml } from '../../render/html/tableHtml.ts';
import { doneItemRows, type RectificationRow } from './villagePage.ts';

export function renderDoneItemsHtml(items: readonly RectificationRow[], caption: string): string {
  return renderTableHtml(columns({ problem: '问题', completed: '完成日期' }), doneItemRows(items), {
    caption,
    class: 'mt-2',
  });
}
