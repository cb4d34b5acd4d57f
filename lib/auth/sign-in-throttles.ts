import 'server-only';
import { eventLog } from '@/lib/limits/event-logs';
import { processSingleton } from '@/lib/process-singleton';
import { SignInThrottle } from './sign-in-throttle';

/** The throttle the sign-in route and the credentials provider share: per process, or per deployment on PostgreSQL. */
export function signInThrottle(): SignInThrottle {
  return processSingleton('sign-in-throttle', () => new SignInThrottle(Date.now, eventLog('sign-in')));
}
