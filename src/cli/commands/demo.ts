import type { Command } from 'commander';
import { clockFromSettings } from '../../clock/clock.js';
import { loadSettings } from '../../config.js';
import { demoPasswordNotice } from '../../modules/demo/demo-password-notice.js';
import { seedDemo } from '../../modules/demo/seed-demo.js';
import { openConfiguredDatabase } from '../../runtime.js';

export function register(program: Command): void {
  const demo = program.command('demo').description('demo data');
  demo
    .command('seed')
    .description('create the demo authority, one user per role and synthetic families (only into a database with no users)')
    .action(async () => {
      const settings = loadSettings();
      if (settings.production) {
        console.error('Demo data is never seeded when NODE_ENV=production.');
        process.exitCode = 2;
        return;
      }
      const database = await openConfiguredDatabase(settings);
      try {
        await database.migrate();
        const result = await seedDemo(database.db, { password: settings.demoPassword, dataDir: settings.dataDir, pack: settings.pack, now: clockFromSettings(settings)() });
        if (!result.seeded) {
          console.log('The database already has users: demo data not added.');
          return;
        }
        console.log(`Seeded ${result.users} users and ${result.children} synthetic children.`);
        console.log(demoPasswordNotice(result.passwordFile));
      } finally {
        await database.close();
      }
    });
}
