import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p className="lead">This link may be mistyped, or it may no longer work. Status links stop working if a request was removed.</p>
      <p>
        <Link href="/">Go to the start page</Link> or <Link href="/request">make a request</Link>.
      </p>
    </>
  );
}
