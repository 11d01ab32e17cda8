/**
 * CodeMirror 6 with XML highlighting and folding, as a controlled-enough React component: the
 * initial text is set once per `docKey`; edits are reported through onChange. `jumpTo` selects a
 * line (libvirt's error line) and scrolls to it.
 */
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { type ElementSpec, xml } from '@codemirror/lang-xml';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { SchemaElement } from '../../../shared/api/settings';

/** XML with completion from the host's libvirt schema once it has arrived (elements, attributes, children). */
const xmlWith = (schema: readonly SchemaElement[] | undefined) =>
  xml(
    schema
      ? { elements: schema.map((e): ElementSpec => ({ name: e.name, top: !!e.top, children: e.children, attributes: e.attributes })) }
      : {},
  );

const light = HighlightStyle.define([
  { tag: tags.tagName, color: '#1c5fb5' },
  { tag: tags.attributeName, color: '#8a4b00' },
  { tag: tags.attributeValue, color: '#1b7a2f' },
  { tag: tags.comment, color: '#888', fontStyle: 'italic' },
]);
const dark = HighlightStyle.define([
  { tag: tags.tagName, color: '#7cb7ff' },
  { tag: tags.attributeName, color: '#f0b46c' },
  { tag: tags.attributeValue, color: '#8fd694' },
  { tag: tags.comment, color: '#999', fontStyle: 'italic' },
]);

export function CodeEditor({
  docKey,
  initial,
  onChange,
  jumpTo,
  testId,
  height = '60dvh',
  schema,
}: {
  docKey: string;
  initial: string;
  onChange: (text: string) => void;
  jumpTo?: number | undefined;
  testId: string;
  height?: string;
  /** The host's libvirt domain schema: completion of element and attribute names. */
  schema?: readonly SchemaElement[] | undefined;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The text being edited survives a theme switch (which builds a new editor); a new docKey starts over.
  const latest = useRef({ docKey, text: initial });
  if (latest.current.docKey !== docKey) latest.current = { docKey, text: initial };
  const isDark = useComputedColorScheme('light') === 'dark';
  const language = useRef(new Compartment());
  const schemaRef = useRef(schema);
  schemaRef.current = schema;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new editor per document (docKey) and theme, not per keystroke
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.text,
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          bracketMatching(),
          highlightActiveLine(),
          language.current.of(xmlWith(schemaRef.current)),
          autocompletion(),
          syntaxHighlighting(isDark ? dark : light),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...foldKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorView.theme(
            {
              '&': { height, fontSize: '12px', border: '1px solid var(--mantine-color-default-border)', borderRadius: '4px' },
              '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)' },
              '.cm-gutters': { background: 'var(--mantine-color-body)', color: 'var(--mantine-color-dimmed)' },
              '.cm-activeLine': { background: isDark ? '#ffffff0d' : '#0000000a' },
            },
            { dark: isDark },
          ),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            latest.current.text = u.state.doc.toString();
            onChangeRef.current(latest.current.text);
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [docKey, isDark]);

  // The schema comes from the host after the editor opened: completion follows without a new editor.
  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(xmlWith(schema)) });
  }, [schema]);

  useEffect(() => {
    const v = view.current;
    if (!v || !jumpTo || jumpTo < 1 || jumpTo > v.state.doc.lines) return;
    const line = v.state.doc.line(jumpTo);
    v.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
    v.focus();
  }, [jumpTo]);

  return <div ref={host} data-testid={testId} />;
}
