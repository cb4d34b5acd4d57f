import 'server-only';
import { NextResponse } from 'next/server';

/** 202: the verification is queued or running; its progress and result are read from /verifications. */
export function accepted(body: unknown): NextResponse {
  return NextResponse.json(body, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}
