package vn.reviewcascade.reorganisation;

/**
 * Published inside the transaction of a reorganisation that gave units of a running campaign report deadlines of
 * their own, for the work that is timed by the campaign's deadlines beside the units' own processes (the reminders
 * and escalation mails).
 */
public record ReportDeadlinesMoved(long campaignId) {
}
