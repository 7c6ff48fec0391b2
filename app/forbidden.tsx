import Link from 'next/link';

/** A signed-in staff member on a page their role may not open (lib/staff/require-staff-page.ts): answered with 403. */
export default function Forbidden() {
  return (
    <>
      <h1>You don’t have access to this page</h1>
      <p className="lead">Your role does not include this part of the workspace. If you need it, ask an admin to change your role.</p>
      <p>
        <Link href="/staff">Go to the queue</Link>
      </p>
    </>
  );
}
