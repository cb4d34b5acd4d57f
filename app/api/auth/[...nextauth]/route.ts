import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { answerSignIn, refuseBeforeSignIn } from '@/lib/auth/sign-in-gate';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, context: Context) {
  return NextAuth(req, context, getAuthOptions()) as Promise<Response>;
}

export const GET = handler;

export async function POST(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return handler(req, context);
  return (await refuseBeforeSignIn(req)) ?? answerSignIn(req, await handler(req, context));
}
