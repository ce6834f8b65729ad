// npm run apikey -- create --name <name> --scope <read|write|admin> [--expires 30d] | list | revoke <prefix>
import { runApiKeyCli } from "../src/auth/cli.ts";

process.exitCode = await runApiKeyCli(process.argv.slice(2));
