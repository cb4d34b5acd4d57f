import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl space-y-3 p-6">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">There is nothing at this address.</p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-300">
        Go to the console
      </Link>
    </main>
  );
}
