/** The local mail catcher as its own process, supervised by `npm start` (scripts/start.ts). */
import path from 'node:path';
import { dataDir } from '../local-defaults';
import { startMailCatcher } from './mail-catcher';

const catcher = await startMailCatcher({
  smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025),
  webPort: Number(process.env.MAIL_CATCHER_WEB_PORT || 1080),
  mailDirectory: path.join(dataDir, 'mail'),
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void catcher.stop().finally(() => process.exit(0)));
console.log(`[mail] ready: ${catcher.inboxUrl}`);
