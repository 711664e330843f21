/**
 * What the console says about the demo password. Never the password itself: consoles end up in
 * logs (systemd, containers, CI), and a password in a log is a password for anyone who reads it.
 */
export function demoPasswordNotice(passwordFile: string | null): string {
  return passwordFile
    ? `Demo password: saved to ${passwordFile} (readable only by you); it is not printed, so it stays out of logs.`
    : 'Demo password: the value of CONVENE_DEMO_PASSWORD.';
}
