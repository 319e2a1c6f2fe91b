// starfleet-probe-fleet: a private fleet binary — the default fleet plus two small probe ships
// (ACCOUNT and ACCOUNT_REGION) so end-to-end tests and benchmarks can exercise fanned-out
// runs through a real binary. See ProbeShips.swift.
import Starfleet
import StarfleetCLI
import WorkerShips

let probes: Fleet = [ProbeAccountShip.self, ProbeAccountRegionShip.self]
await StarfleetMain.run(fleet: .default + probes)
