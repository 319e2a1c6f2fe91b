import AcmeShips
import Starfleet
import StarfleetCLI
import WorkerShips

// Every command of `starfleet` (ships, config check, validate, run, fanout, index, console …),
// with Starfleet's default ships plus Acme's own.
await StarfleetMain.run(fleet: Fleet.default + [AcmeTaggingAuditShip.self])
