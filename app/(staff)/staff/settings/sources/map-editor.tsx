'use client';

import { useRef, useState } from 'react';

type MapEditorProps = {
  id: string;
  name: string;
  defaultValue: string | undefined;
  describedBy: string | undefined;
  isInvalid: boolean;
  /** The problems shown for the field: those starting "Line N:" mark line N in the gutter. */
  errors: string[] | undefined;
};

/**
 * The map's JSON in a plain textarea (so it works without JavaScript and with any assistive
 * technology), with line numbers beside it and the lines that have problems marked. Lines do not
 * wrap, so each number stays level with its line.
 */
export function MapEditor({ id, name, defaultValue, describedBy, isInvalid, errors }: MapEditorProps) {
  const [lineCount, setLineCount] = useState(() => countLines(defaultValue ?? ''));
  const gutter = useRef<HTMLDivElement>(null);
  const errorLines = new Set((errors ?? []).flatMap((message) => /^Line (\d+):/.exec(message)?.[1] ?? []).map(Number));
  return (
    <div className="code-editor">
      <div className="code-editor__gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lineCount }, (_, index) => index + 1).map((line) => (
          <span key={line} className={errorLines.has(line) ? 'code-editor__number code-editor__number--error' : 'code-editor__number'}>
            {line}
          </span>
        ))}
      </div>
      <textarea
        id={id}
        name={name}
        rows={24}
        wrap="off"
        spellCheck={false}
        className="code-input code-editor__text"
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={isInvalid}
        onInput={(event) => setLineCount(countLines(event.currentTarget.value))}
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}

function countLines(text: string): number {
  let lines = 1;
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) lines += 1;
  return lines;
}
