import { Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraphStyle}>{children}</Text>;
}

const paragraphStyle: CSSProperties = {
  color: '#18181b',
  fontSize: '16px',
  lineHeight: '24px',
  margin: '0 0 16px',
};
