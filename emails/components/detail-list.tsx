import { Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';

export type Detail = { label: string; value: string };

/** Label–value lines such as "Reference: DSR-2026-000123"; one line each so they also read well as plain text. */
export function DetailList({ details }: { details: readonly Detail[] }) {
  return (
    <Section style={listStyle}>
      {details.map(({ label, value }) => (
        <Text key={label} style={lineStyle}>
          <strong>{label}:</strong> {value}
        </Text>
      ))}
    </Section>
  );
}

const listStyle: CSSProperties = {
  backgroundColor: '#f4f4f5',
  borderRadius: '6px',
  margin: '0 0 16px',
  padding: '12px 16px',
};

const lineStyle: CSSProperties = {
  color: '#18181b',
  fontSize: '15px',
  lineHeight: '22px',
  margin: '4px 0',
};
