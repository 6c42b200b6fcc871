/**
 * Browser: the explore page's SQL editor (CodeMirror 6), put in place of the
 * page's <textarea> once it has loaded (src/client/explore/explore.ts imports
 * this module after the first paint; it is bundled by Vite, never fetched
 * from elsewhere). DuckDB-flavoured highlighting (duckdbDialect.ts),
 * completion of the published tables and their columns
 * (src/contract/published.ts), Ctrl/⌘ + Enter runs.
 *
 * Keyboard: Tab is not bound, so it leaves the editor as in any text box
 * (indent with Ctrl + ] / Ctrl + [). CodeMirror's content element is a
 * `role="textbox"` with `aria-multiline`, named by the page's label text and
 * described by its hint (`aria-description`: ID references cannot reach out
 * of the shadow root below).
 *
 * Styles and the CSP: CodeMirror injects its styles at run time (style-mod).
 * In a document it adds a <style> element, which the site's CSP (style-src
 * with hashes only, no 'unsafe-inline') blocks — measured in Chromium 156:
 * "Applying inline style violates … style-src", an unstyled editor. In a
 * shadow root it uses a constructable stylesheet (`adoptedStyleSheets`), which
 * style-src does not govern. So the editor lives in a shadow root of its own,
 * and browsers without constructable stylesheets keep the <textarea>
 * (canMountSqlEditor). The CSP is unchanged. CSS custom properties (the
 * site's colours) inherit into the shadow root.
 */
import {
  autocompletion,
  closeBrackets,
  completionKeymap,
  type CompletionSource,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { sql, type SQLNamespace } from '@codemirror/lang-sql';
import { HighlightStyle, bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, keymap, lineNumbers } from '@codemirror/view';
import { PUBLISHED_TABLES, type PublishedTable } from '../../contract/published.ts';
import { DuckDB } from './duckdbDialect.ts';

export interface SqlEditor {
  value(): string;
  setValue(text: string): void;
  focus(): void;
}

export interface SqlEditorOptions {
  /** Ctrl/⌘ + Enter. */
  onRun(): void;
  /** The first focus, as on the textarea (explore.ts starts the engine then). */
  onFocus?(): void;
}

/** The published tables and columns as lang-sql's completion schema (Chinese label as detail). */
export function publishedSchema(
  tables: readonly PublishedTable[] = PUBLISHED_TABLES,
): SQLNamespace {
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      {
        self: { label: t.name, type: 'type', detail: t.title },
        children: t.columns.map((c) => ({
          label: c.name,
          type: 'property',
          detail: c.label,
          info: c.description,
        })),
      },
    ]),
  );
}

/**
 * Columns of the published tables the query names after FROM or JOIN, offered
 * bare (lang-sql's schema completion offers them only after `table.`).
 */
export function queryColumnCompletions(
  tables: readonly PublishedTable[] = PUBLISHED_TABLES,
): CompletionSource {
  return (context) => {
    const word = context.matchBefore(/[\w$]+/);
    if (!word && !context.explicit) return null;
    const text = context.state.doc.toString();
    const named = new Set(
      [...text.matchAll(/\b(?:from|join)\s+"?(\w+)/gi)].map((m) => (m[1] ?? '').toLowerCase()),
    );
    const options = tables
      .filter((t) => named.has(t.name))
      .flatMap((t) =>
        t.columns.map((c) => ({
          label: c.name,
          type: 'property',
          detail: `${c.label} · ${t.name}`,
          info: c.description,
          boost: 1,
        })),
      );
    if (options.length === 0) return null;
    return { from: word ? word.from : context.pos, options, validFor: /^[\w$]*$/ };
  };
}

/**
 * Token colours from the page's variables (src/styles/global.css), so the editor
 * follows the light and dark schemes with AA contrast in both; custom
 * properties reach into the editor's shadow root.
 */
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier], color: 'var(--color-code-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--color-code-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--color-code-number)' },
  { tag: [t.typeName, t.standard(t.name)], color: 'var(--color-code-type)' },
  { tag: [t.lineComment, t.blockComment], color: 'var(--color-muted)', fontStyle: 'italic' },
]);

const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--color-line)',
    borderRadius: '0.25rem',
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-ink)',
    fontSize: '0.875rem',
  },
  '.cm-cursor': { borderLeftColor: 'var(--color-ink)' },
  '&.cm-focused': { outline: '2px solid var(--color-accent)', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    lineHeight: '1.5',
    minHeight: '13.5em',
    maxHeight: '60vh',
  },
  '.cm-content': { padding: '0.5rem 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--color-paper)',
    color: 'var(--color-muted)',
    borderRight: '1px solid var(--color-line)',
  },
  '.cm-tooltip-autocomplete ul li': { padding: '0.25rem 0.5rem' },
});

/** Whether this browser can show the editor's styles under the site's CSP (constructable stylesheets). */
export function canMountSqlEditor(): boolean {
  // style-mod adopts a stylesheet only where the root has adoptedStyleSheets: the shadow root.
  return (
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype &&
    typeof ShadowRoot === 'function' &&
    'adoptedStyleSheets' in ShadowRoot.prototype
  );
}

/** Puts the editor in place of `textarea` (hidden, kept), with its text, label and description. */
export function mountSqlEditor(
  textarea: HTMLTextAreaElement,
  options: SqlEditorOptions,
): SqlEditor {
  const label = textarea.id
    ? document.querySelector<HTMLElement>(`label[for="${textarea.id}"]`)
    : null;
  const hint = textarea
    .getAttribute('aria-describedby')
    ?.split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
  const attributes: Record<string, string> = {
    'aria-label': label?.textContent?.trim() || 'SQL',
    autocapitalize: 'off',
    autocorrect: 'off',
    spellcheck: 'false',
  };
  if (hint) attributes['aria-description'] = hint;

  const host = document.createElement('div');
  host.className = 'sql-editor';
  host.dataset.sqlEditor = '';
  const shadow = host.attachShadow({ mode: 'open' });

  let focused = false;
  const language = sql({ dialect: DuckDB, schema: publishedSchema(), upperCaseKeywords: true });
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        bracketMatching(),
        closeBrackets(),
        syntaxHighlighting(highlight),
        language,
        language.language.data.of({ autocomplete: queryColumnCompletions() }),
        autocompletion({ icons: false }),
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.onRun();
                return true;
              },
            },
          ]),
        ),
        keymap.of([...completionKeymap, ...historyKeymap, ...defaultKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(attributes),
        EditorView.domEventHandlers({
          focus: () => {
            if (!focused) options.onFocus?.();
            focused = true;
          },
          // Typing over a selection of several lines, Chromium's own editing puts the
          // old lines' styles in a style attribute, which the CSP blocks (a console
          // error; CodeMirror redraws the line anyway): such typing is applied here.
          beforeinput: (event, view) => {
            if (event.inputType !== 'insertText' || event.data === null) return false;
            if (view.state.selection.main.empty || view.composing) return false;
            event.preventDefault();
            view.dispatch({
              ...view.state.replaceSelection(event.data),
              userEvent: 'input.type',
              scrollIntoView: true,
            });
            return true;
          },
        }),
        theme,
      ],
    }),
  });
  textarea.after(host);
  const hadFocus = document.activeElement === textarea;
  textarea.hidden = true;
  // The label pointed at the textarea: a click on it now focuses the editor.
  label?.addEventListener('click', (event) => {
    event.preventDefault();
    view.focus();
  });
  if (hadFocus) view.focus();

  return {
    value: () => view.state.doc.toString(),
    setValue: (text) =>
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: text.length },
      }),
    focus: () => view.focus(),
  };
}
