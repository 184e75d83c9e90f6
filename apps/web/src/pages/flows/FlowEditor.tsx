// The YAML/JSON editor of a flow definition (CodeMirror 6 through @uiw/react-codemirror),
// loaded only when it is opened: its chunk is split off the Flows page's.
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { useComputedColorScheme } from '@mantine/core';
import CodeMirror from '@uiw/react-codemirror';
import { useEffect, useMemo, useState } from 'react';
import { cspNonce } from '../../csp-nonce';
import type { Format, TextProblem } from './flow-model';

export interface FlowEditorProps {
  value: string;
  onChange: (text: string) => void;
  format: Format;
  /** Marked in the text (underlined, a marker in the gutter): a parse error, or the field the API refused. */
  problems: TextProblem[];
  /** The accessible name of the text area. */
  label: string;
}

export default function FlowEditor({ value, onChange, format, problems, label }: FlowEditorProps) {
  const [view, setView] = useState<EditorView>();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const extensions = useMemo(
    () => [
      format === 'json' ? json() : yaml(),
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      ...(cspNonce ? [EditorView.cspNonce.of(cspNonce)] : []),
    ],
    [format, label],
  );

  // The problems as the editor's diagnostics, every time they change (and once the view exists).
  useEffect(() => {
    if (!view) return;
    const length = view.state.doc.length;
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      from: Math.min(p.from, length),
      to: Math.min(Math.max(p.to, p.from), length),
      severity: 'error',
      message: p.message,
    }));
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [problems, value, view]);

  return (
    <CodeMirror
      onCreateEditor={setView}
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={scheme === 'dark' ? 'dark' : 'light'}
      minHeight="280px"
      maxHeight="60vh"
      basicSetup={{ foldGutter: true, autocompletion: false, highlightActiveLine: true }}
      data-testid="flow-editor"
    />
  );
}
