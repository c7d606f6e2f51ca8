// Slack's delivery limits for the shared pacer (shared/reference/platform-limits.md):
// chat.postMessage allows about 1 message per second per channel with short bursts, plus an
// unpublished workspace-wide limit; we pace every channel at 1/s and all channels together at 20/s.
import type { Limits } from '../../deliver/pacer';

export const SLACK_LIMITS: Limits = { perChatPerSec: 1, perGroupPerMin: 60, globalPerSec: 20 };
