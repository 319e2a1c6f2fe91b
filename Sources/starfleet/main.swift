import StarfleetCLI
import WorkerShips

await StarfleetMain.run(fleet: .default)
