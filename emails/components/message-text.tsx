import { Section, Text } from '@react-email/components';
import { type CSSProperties, Fragment } from 'react';

/**
 * A staff member's message as they typed it: a blank line starts a paragraph and a single line break stays a line
 * break, in both the HTML and the plain-text version. React escapes the text, so markup in it is shown, not run.
 */
export function MessageText({ text }: { text: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return (
    <Section style={messageStyle}>
      {paragraphs.map((paragraph, paragraphIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows and lines are positional, rendered once and never reordered
        <Text key={paragraphIndex} style={paragraphStyle}>
          {paragraph.split('\n').map((line, lineIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows and lines are positional, rendered once and never reordered
            <Fragment key={lineIndex}>
              {lineIndex > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </Text>
      ))}
    </Section>
  );
}

const messageStyle: CSSProperties = {
  borderLeft: '4px solid #d4d4d8',
  margin: '0 0 16px',
  padding: '0 0 0 16px',
};

const paragraphStyle: CSSProperties = {
  color: '#18181b',
  fontSize: '16px',
  lineHeight: '24px',
  margin: '0 0 12px',
};
