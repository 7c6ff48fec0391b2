import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/lib/staff/get-current-staff';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Staff sign-in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await getCurrentStaff()) redirect('/staff');
  const { error } = await searchParams;
  return (
    <>
      <h1>Staff sign-in</h1>
      <p className="lead">Enter your work email address. If you are a member of staff, we will email you a sign-in link.</p>
      {error === 'RateLimited' ? (
        <div className="error-summary" role="alert">
          <h2>Too many sign-in links were asked for</h2>
          <p>Wait 15 minutes, then ask again. The last link sent to you still works.</p>
        </div>
      ) : error ? (
        <div className="error-summary" role="alert">
          <h2>That sign-in link did not work</h2>
          <p>Links work once and expire after 15 minutes. Ask for a new one below.</p>
        </div>
      ) : null}
      <SignInForm />
    </>
  );
}
