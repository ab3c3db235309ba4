import { configOrExit, openDatabase, runCli } from './runtime';

runCli(async () => {
  const database = await openDatabase(configOrExit());
  await database.close();
});
