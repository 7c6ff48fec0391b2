'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong on our side</h1>
      <p className="lead">Nothing you entered was lost on our servers. Please try again in a moment.</p>
      {error.digest ? <p>Error reference: {error.digest}</p> : null}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
