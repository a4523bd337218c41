import type { RateLimitRule } from '../../platform/http/rate-limit.ts';

const minute = 60_000;
const hour = 60 * minute;

// Brute-force limits. Per account: a person who mistypes gets 5 free tries, then short waits, then a
// 15-minute lock at 10 failures (audited). Per IP: looser, since a France Services desk or a family
// shares one address, but it stops one machine from trying many accounts.
export const limits = {
  signInAccount: { name: 'signin:account', windowMs: hour, slowAfter: 5, slowDelayMs: 30_000, lockAfter: 10, lockMs: 15 * minute },
  signInIp: { name: 'signin:ip', windowMs: hour, slowAfter: 30, slowDelayMs: 30_000, lockAfter: 100, lockMs: 15 * minute },
  secondFactor: { name: 'mfa:account', windowMs: hour, slowAfter: 5, slowDelayMs: 30_000, lockAfter: 10, lockMs: 15 * minute },
  // A France Services desk may open a dozen accounts an hour for the people it helps: stay above that.
  signUpIp: { name: 'signup:ip', windowMs: hour, slowAfter: 20, slowDelayMs: minute, lockAfter: 50, lockMs: hour },
  resetIp: { name: 'reset:ip', windowMs: hour, slowAfter: 10, slowDelayMs: 5 * minute, lockAfter: 20, lockMs: hour },
  // Per address: beyond 3 mails an hour, the request is answered the same way but no mail is sent.
  resetEmail: { name: 'reset:email', windowMs: hour, slowAfter: 3, slowDelayMs: hour, lockAfter: 4, lockMs: hour },
} satisfies Record<string, RateLimitRule>;

export const ACCOUNT_LOCK_MS = 15 * minute;
