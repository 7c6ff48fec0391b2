import { Button, Link, Section, Text } from '@react-email/components';
import { type CSSProperties, type ReactNode, useContext } from 'react';
import { useTranslations } from 'use-intl';
import { OrganisationContactContext } from './organisation-contact';

export type ButtonLinkProps = { href: string; children: ReactNode };

export function ButtonLink({ href, children }: ButtonLinkProps) {
  // The settings page only accepts an accent colour white text is readable on.
  const { accentColour } = useContext(OrganisationContactContext);
  const t = useTranslations('emails');
  return (
    <Section style={sectionStyle}>
      <Button href={href} style={accentColour ? { ...buttonStyle, backgroundColor: accentColour } : buttonStyle}>
        {children}
      </Button>
      {/* The plain-text version already prints the URL after the button label, so this copy is HTML only. */}
      <Text style={fallbackStyle} data-skip-in-text>
        {t('buttonFallback')}
        <br />
        <Link href={href} style={urlStyle}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

const sectionStyle: CSSProperties = { margin: '8px 0 24px' };

// White on #1d4ed8 is 6.7:1.
const buttonStyle: CSSProperties = {
  backgroundColor: '#1d4ed8',
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '16px',
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
};

const fallbackStyle: CSSProperties = {
  color: '#52525b',
  fontSize: '13px',
  lineHeight: '20px',
  margin: '16px 0 0',
};

const urlStyle: CSSProperties = {
  color: '#1d4ed8',
  textDecoration: 'underline',
  wordBreak: 'break-all',
};
