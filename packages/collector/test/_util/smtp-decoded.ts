// The one test SMTP server lives in @raaye/test-utils (the dashboard's browser test uses it too).
export { type ReceivedMail, startSmtp } from '@raaye/test-utils/smtp';
