/** The command-line servers (`npm run emulator`, `npm start`): run until Ctrl+C or SIGTERM, then stop cleanly. */
export function serveUntilStopped(start: () => Promise<{ stop: () => Promise<unknown> }>): void {
  start()
    .then((server) => {
      const stop = () => server.stop().then(() => process.exit(0))
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    .catch((err: unknown) => {
      console.error(err)
      process.exit(1)
    })
}
