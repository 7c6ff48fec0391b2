'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A staff nav link that tells screen readers (and the CSS) which page is open. The queue matches only itself. */
export function StaffNavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const isCurrent = href === '/staff' ? pathname === '/staff' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={isCurrent ? 'page' : undefined}>
      {children}
    </Link>
  );
}
